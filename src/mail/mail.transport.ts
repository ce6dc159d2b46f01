// Mail transports: SMTP through nodemailer when SMTP_URL is set, otherwise
// `.eml` files under ./var/mail (development).
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import nodemailer from "nodemailer";

export type OutgoingMail = { from: string; to: string[]; subject: string; text: string; messageId: string };
export type MailTransport = { name: string; send(mail: OutgoingMail): Promise<void>; close(): void };

export type MailConfig = { smtpUrl: string | null; mailDir: string; from: string };

export const mailConfigFromEnv = (env: NodeJS.ProcessEnv = process.env): MailConfig => ({
  smtpUrl: env.SMTP_URL || null,
  mailDir: env.MAIL_DIR ?? join("var", "mail"),
  from: env.MAIL_FROM ?? "Tremplin <ne-pas-repondre@tremplin.localhost>",
});

export const createSmtpTransport = (url: string): MailTransport => {
  const transporter = nodemailer.createTransport(url);
  return {
    name: "smtp",
    async send(mail) {
      await transporter.sendMail({ ...mail, headers: { "Message-ID": mail.messageId } });
    },
    close: () => transporter.close(),
  };
};

/** Writes each message as `<date>-<id>.eml`, readable by any mail client. */
export const createFileTransport = (dir: string): MailTransport => {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    name: "file",
    async send(mail) {
      const info = await transporter.sendMail({ ...mail, headers: { "Message-ID": mail.messageId } });
      await mkdir(dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, "-");
      await writeFile(join(dir, `${stamp}-${mail.messageId.replace(/[^a-zA-Z0-9-]/g, "")}.eml`), info.message as Buffer);
    },
    close: () => transporter.close(),
  };
};

export const transportFromConfig = (config: MailConfig): MailTransport =>
  config.smtpUrl ? createSmtpTransport(config.smtpUrl) : createFileTransport(config.mailDir);
