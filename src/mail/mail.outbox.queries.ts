// The mail outbox: messages are rows written in the caller's transaction and
// sent after commit. Claiming leases rows (next_attempt_at pushed forward) so
// several server instances never send the same message twice at once.
import { sql } from "kysely";
import type { Executor } from "../server/transaction.ts";
import type { MailContent } from "./mail.templates.ts";

export type PendingMail = { id: string; recipients: string[]; subject: string; text: string; attempts: number };

export const enqueueMail = async (db: Executor, to: string[], content: MailContent, now: Date): Promise<string> => {
  const row = await db
    .insertInto("mail_outbox")
    .values({ template: content.template, recipients: to, subject: content.subject, text_body: content.text, next_attempt_at: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
};

/** Leases up to `limit` due messages for `leaseMs`; returns them with their attempt number (1-based). */
export const claimDueMails = async (db: Executor, now: Date, limit: number, leaseMs: number): Promise<PendingMail[]> => {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const { rows } = await sql<{ id: string; recipients: string[]; subject: string; text_body: string; attempts: number }>`
    update mail_outbox set attempts = attempts + 1, next_attempt_at = ${leaseUntil}
    where id in (
      select id from mail_outbox
      where status = 'pending' and next_attempt_at <= ${now}
      order by next_attempt_at
      limit ${limit}
      for update skip locked
    )
    returning id, recipients, subject, text_body, attempts`.execute(db);
  return rows.map((row) => ({ id: row.id, recipients: row.recipients, subject: row.subject, text: row.text_body, attempts: row.attempts }));
};

/** The body (codes, links) is erased once sent: the outbox never keeps a usable secret. */
export const markMailSent = async (db: Executor, id: string, now: Date): Promise<void> => {
  await db.updateTable("mail_outbox").set({ status: "sent", sent_at: now, last_error: null, text_body: "" }).where("id", "=", id).execute();
};

/** Schedules a retry, or gives up (status failed) once `finalAttempt` is reached. */
export const markMailFailed = async (
  db: Executor,
  id: string,
  failure: { error: string; retryAt: Date | null },
): Promise<void> => {
  await db
    .updateTable("mail_outbox")
    .set(
      failure.retryAt
        ? { last_error: failure.error.slice(0, 500), next_attempt_at: failure.retryAt }
        : { last_error: failure.error.slice(0, 500), status: "failed", text_body: "" },
    )
    .where("id", "=", id)
    .execute();
};
