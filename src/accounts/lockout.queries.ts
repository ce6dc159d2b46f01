// Login throttling: failures per e-mail (whether or not an account exists, so
// the answer reveals nothing) lock the address for a while; attempts per IP are
// capped. Keys are hashed: no e-mail nor IP address is stored in clear.
import type { Executor } from "../server/transaction.ts";
import { hitRateLimit, peekRateLimit } from "../authorization/rate-limit.queries.ts";
import { accountRules } from "./accounts.domain.ts";
import { sha256 } from "./accounts.secrets.ts";

const emailKey = (email: string) => `login:email:${sha256(email)}`;
const ipKey = (ip: string) => `login:ip:${sha256(ip)}`;
const failureRule = { limit: accountRules.loginFailuresBeforeLock, windowMs: accountRules.loginFailureWindowMs };
const ipRule = { limit: accountRules.loginAttemptsPerIp, windowMs: accountRules.loginFailureWindowMs };

export type LoginGate = { open: true } | { open: false; reason: "locked" | "ip_limited"; retryAt: Date };

/** Counts an attempt for the IP and says whether the e-mail or IP may try now. */
export const openLoginGate = async (db: Executor, email: string, ip: string, now: Date): Promise<LoginGate> => {
  const lock = await db.selectFrom("login_lockouts").select("locked_until").where("key_hash", "=", emailKey(email)).executeTakeFirst();
  if (lock && lock.locked_until.getTime() > now.getTime()) return { open: false, reason: "locked", retryAt: lock.locked_until };
  const perIp = await hitRateLimit(db, ipKey(ip), ipRule, now);
  if (!perIp.allowed) return { open: false, reason: "ip_limited", retryAt: perIp.resetAt };
  return { open: true };
};

/** Records a failure; locks the e-mail once the window holds too many. Returns whether it is now locked. */
export const recordLoginFailure = async (db: Executor, email: string, now: Date): Promise<boolean> => {
  const failures = await hitRateLimit(db, emailKey(email), failureRule, now);
  if (failures.count < failureRule.limit) return false;
  const lockedUntil = new Date(now.getTime() + accountRules.loginLockMs);
  await db
    .insertInto("login_lockouts")
    .values({ key_hash: emailKey(email), locked_until: lockedUntil })
    .onConflict((oc) => oc.column("key_hash").doUpdateSet({ locked_until: lockedUntil }))
    .execute();
  return true;
};

/** A successful sign-in or password reset lifts the lock. */
export const clearLoginFailures = async (db: Executor, email: string): Promise<void> => {
  await db.deleteFrom("login_lockouts").where("key_hash", "=", emailKey(email)).execute();
  await db.deleteFrom("rate_limit_counters").where("bucket", "=", emailKey(email)).execute();
};

export const loginFailureCount = (db: Executor, email: string, now: Date): Promise<number> =>
  peekRateLimit(db, emailKey(email), failureRule, now);
