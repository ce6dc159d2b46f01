// Deletes what has expired: sessions, codes, OIDC attempts, lockouts, rate-limit windows
// and old sent mails. Meant to run every hour or so (any instance; idempotent).
import type { Executor } from "../server/transaction.ts";

const day = 86_400_000;

export type PurgeCounts = Record<"sessions" | "codes" | "oidcAttempts" | "lockouts" | "rateLimitWindows" | "mails", number>;

export const purgeExpiredAuthData = async (db: Executor, now: Date): Promise<PurgeCounts> => {
  const dayAgo = new Date(now.getTime() - day);
  const count = (result: { numDeletedRows: bigint }) => Number(result.numDeletedRows);
  return {
    sessions: count(await db.deleteFrom("sessions").where((eb) => eb.or([eb("expires_at", "<", dayAgo), eb("revoked_at", "<", dayAgo)])).executeTakeFirst()),
    codes: count(await db.deleteFrom("one_time_codes").where("expires_at", "<", dayAgo).executeTakeFirst()),
    oidcAttempts: count(await db.deleteFrom("oidc_login_attempts").where("expires_at", "<", now).executeTakeFirst()),
    lockouts: count(await db.deleteFrom("login_lockouts").where("locked_until", "<", now).executeTakeFirst()),
    rateLimitWindows: count(await db.deleteFrom("rate_limit_counters").where("window_start", "<", dayAgo).executeTakeFirst()),
    mails: count(await db.deleteFrom("mail_outbox").where("status", "!=", "pending").where("created_at", "<", new Date(now.getTime() - 30 * day)).executeTakeFirst()),
  };
};
