// Reads the mails the real app wrote as .eml files (file transport, ./var/mail in development).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const decodeQuotedPrintable = (text: string): string => {
  const joined = text.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i += 1) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === "=" && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i]!, "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
};

export type ReadMail = { file: string; to: string; subject: string; text: string };

/** Parses a single-part text .eml as nodemailer writes it (quoted-printable, base64 or plain). */
export const parseEml = (file: string, raw: string): ReadMail => {
  const split = raw.indexOf("\n\n");
  const headerText = raw.slice(0, split).replace(/\r?\n[ \t]+/g, " ");
  const body = raw.slice(split + 2);
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, "im").exec(headerText)?.[1]?.trim() ?? "";
  const encoding = header("Content-Transfer-Encoding").toLowerCase();
  const text = encoding === "quoted-printable" ? decodeQuotedPrintable(body) : encoding === "base64" ? Buffer.from(body, "base64").toString("utf8") : body;
  return { file, to: header("To"), subject: header("Subject"), text };
};

/** Waits for a mail to `to` that was not in `seen` (file names) and returns it. */
export const waitForMail = async (dir: string, to: string, options: { seen?: Set<string>; timeoutMs?: number } = {}): Promise<ReadMail> => {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  while (Date.now() < deadline) {
    if (existsSync(dir)) {
      for (const file of readdirSync(dir).sort().reverse()) {
        if (!file.endsWith(".eml") || options.seen?.has(file)) continue;
        const mail = parseEml(file, readFileSync(join(dir, file), "utf8"));
        if (mail.to.toLowerCase().includes(to.toLowerCase())) {
          options.seen?.add(file);
          return mail;
        }
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`aucun courriel pour ${to} dans ${dir}`);
};
