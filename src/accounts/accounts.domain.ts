// Rules of accounts, one-time codes and sessions. Pure: times are passed in.
export type UserKind = "candidate" | "professional" | "admin";
export type UserId = string & { readonly __brand: "UserId" };

export type User = {
  id: string;
  email: string;
  name: string;
  kind: UserKind;
  emailVerifiedAt: Date | null;
  hasPassword: boolean;
};

const minute = 60_000;
const hour = 60 * minute;

export const accountRules = {
  verificationCodeDigits: 6,
  verificationCodeTtlMs: 15 * minute,
  /** Wrong guesses before a code is burnt: 5 tries out of 10^6 codes. */
  verificationCodeMaxAttempts: 5,
  resetLinkTtlMs: hour,
  sessionIdleTtlMs: 12 * hour,
  sessionAbsoluteTtlMs: 7 * 24 * hour,
  /** A session's expiry is pushed forward at most once per this interval (one write, not one per request). */
  sessionRefreshEveryMs: 10 * minute,
  loginFailuresBeforeLock: 5,
  loginFailureWindowMs: 15 * minute,
  loginLockMs: 15 * minute,
  /** Login attempts per IP address and window, whatever the e-mail (slows credential stuffing). */
  loginAttemptsPerIp: 100,
  /** Codes or links a person can ask for per window (e-mail bombing). */
  mailsPerEmailPerWindow: 5,
} as const;

/** E-mails compare case-insensitively: stored trimmed, lower-case, NFC. */
export const normaliseEmail = (email: string): string => email.normalize("NFC").trim().toLowerCase();

export type CodeState = { expiresAt: Date; consumedAt: Date | null; attempts: number };
export type CodeVerdict = "usable" | "expired" | "consumed" | "too_many_attempts";

export const codeVerdict = (code: CodeState, now: Date, maxAttempts: number = accountRules.verificationCodeMaxAttempts): CodeVerdict => {
  if (code.consumedAt) return "consumed";
  if (code.attempts >= maxAttempts) return "too_many_attempts";
  if (code.expiresAt.getTime() <= now.getTime()) return "expired";
  return "usable";
};

export type SessionTimes = { createdAt: Date; lastSeenAt: Date; expiresAt: Date; revokedAt: Date | null };

export const newSessionExpiry = (now: Date): Date => new Date(now.getTime() + accountRules.sessionIdleTtlMs);

export const isSessionActive = (session: SessionTimes, now: Date): boolean =>
  session.revokedAt === null &&
  session.expiresAt.getTime() > now.getTime() &&
  now.getTime() - session.createdAt.getTime() < accountRules.sessionAbsoluteTtlMs;

/** The new expiry when the session should slide forward now, or null when no write is needed. */
export const slidingExpiry = (session: SessionTimes, now: Date): Date | null => {
  if (now.getTime() - session.lastSeenAt.getTime() < accountRules.sessionRefreshEveryMs) return null;
  const absoluteEnd = session.createdAt.getTime() + accountRules.sessionAbsoluteTtlMs;
  return new Date(Math.min(now.getTime() + accountRules.sessionIdleTtlMs, absoluteEnd));
};
