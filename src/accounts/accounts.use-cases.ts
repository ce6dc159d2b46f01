// Sign-up, e-mail verification, sign-in and password reset. Answers never say
// whether an address has an account; throttling counters are written outside
// the transactions so that a refused attempt still counts.
import { hitRateLimit } from "../authorization/rate-limit.queries.ts";
import { existingAccountMail, passwordResetMail, verificationCodeMail } from "../mail/mail.templates.ts";
import { listMembershipsOfUser } from "../organisations/organisations.queries.ts";
import { type Executor, runInTransaction, type Tx } from "../server/transaction.ts";
import { accountRules, normaliseEmail, type User, type UserKind } from "./accounts.domain.ts";
import { type AccountsDeps, systemClock } from "./accounts.deps.ts";
import { accountsError } from "./accounts.errors.ts";
import { randomDigits, randomToken, sha256 } from "./accounts.secrets.ts";
import { codeTtl, consumeResetToken, consumeVerificationCode, issueCode } from "./codes.queries.ts";
import { clearLoginFailures, openLoginGate, recordLoginFailure } from "./lockout.queries.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";
import { createSession, revokeUserSessions } from "./sessions.queries.ts";
import { findCredentials, findUserByEmail, insertUser, markEmailVerified, setPasswordHash } from "./users.queries.ts";

export type SignedIn = { user: User; cookieValue: string };

const minutes = (ms: number) => Math.round(ms / 60_000);

/** Caps the codes and links mailed to one address per window (e-mail bombing), whether or not it has an account. */
const throttleMails = async (deps: AccountsDeps, email: string, now: Date) => {
  const result = await hitRateLimit(deps.db, `mail:${sha256(email)}`, { limit: accountRules.mailsPerEmailPerWindow, windowMs: accountRules.loginFailureWindowMs }, now);
  if (!result.allowed) throw accountsError("auth.too_many_requests");
};

const sendVerificationCode = async (deps: AccountsDeps, tx: Tx, user: User, now: Date) => {
  const code = randomDigits(accountRules.verificationCodeDigits);
  await issueCode(tx, { userId: user.id, purpose: "verify_email", secret: code, ttlMs: codeTtl.verify_email, now });
  await deps.mailer.enqueue(tx, user.email, verificationCodeMail({ name: user.name, code, validMinutes: minutes(codeTtl.verify_email) }));
};

/** The acting organisation of a new session: the person's first membership, if any. */
const defaultActingOrganisation = async (db: Executor, user: User): Promise<string | null> =>
  user.kind === "professional" ? ((await listMembershipsOfUser(db, user.id))[0]?.id ?? null) : null;

export const signUp = async (deps: AccountsDeps, input: { email: string; password: string; name: string; kind: Exclude<UserKind, "admin"> }) => {
  const now = (deps.clock ?? systemClock).now();
  const email = normaliseEmail(input.email);
  await throttleMails(deps, email, now);
  const passwordHash = await hashPassword(input.password);
  await runInTransaction(deps.db, async (tx) => {
    const created = await insertUser(tx, { email, name: input.name, kind: input.kind, passwordHash, now });
    if (created) return sendVerificationCode(deps, tx, created, now);
    const existing = await findUserByEmail(tx, email);
    if (existing) await deps.mailer.enqueue(tx, email, existingAccountMail({ name: existing.name, loginLink: `${deps.config.publicUrl}/connexion` }));
  });
  deps.mailer.afterCommit();
};

export const resendVerificationCode = async (deps: AccountsDeps, input: { email: string }) => {
  const now = (deps.clock ?? systemClock).now();
  const email = normaliseEmail(input.email);
  await throttleMails(deps, email, now);
  await runInTransaction(deps.db, async (tx) => {
    const user = await findUserByEmail(tx, email);
    if (user && !user.emailVerifiedAt) await sendVerificationCode(deps, tx, user, now);
  });
  deps.mailer.afterCommit();
};

/** Confirms the address with the mailed code and signs the person in. */
export const verifyEmail = async (deps: AccountsDeps, input: { email: string; code: string }): Promise<SignedIn> => {
  const now = (deps.clock ?? systemClock).now();
  const user = await findUserByEmail(deps.db, normaliseEmail(input.email));
  if (!user) throw accountsError("auth.invalid_code");
  const outcome = await runInTransaction(deps.db, async (tx) => {
    const verdict = await consumeVerificationCode(tx, user.id, input.code, now);
    if (verdict !== "usable") return null;
    await markEmailVerified(tx, user.id, now);
    return createSession(tx, { userId: user.id, actingOrganisationId: await defaultActingOrganisation(tx, user), now });
  });
  if (!outcome) throw accountsError("auth.invalid_code");
  return { user: { ...user, emailVerifiedAt: now }, cookieValue: outcome.cookieValue };
};

/** Refuses a password attempt while the e-mail is locked or the IP has tried too often. */
const ensureLoginGateOpen = async (deps: AccountsDeps, email: string, ip: string, now: Date) => {
  const gate = await openLoginGate(deps.db, email, ip, now);
  if (gate.open) return;
  if (gate.reason === "ip_limited") throw accountsError("auth.too_many_requests");
  throw accountsError("auth.locked", { minutes: Math.max(1, Math.ceil((gate.retryAt.getTime() - now.getTime()) / 60_000)) });
};

export const logIn = async (deps: AccountsDeps, input: { email: string; password: string; ip: string }): Promise<SignedIn> => {
  const now = (deps.clock ?? systemClock).now();
  const email = normaliseEmail(input.email);
  await ensureLoginGateOpen(deps, email, input.ip, now);
  const credentials = await findCredentials(deps.db, email);
  const valid = await verifyPassword(credentials?.passwordHash ?? null, input.password);
  if (!credentials || !valid) {
    await recordLoginFailure(deps.db, email, now);
    throw accountsError("auth.invalid_credentials");
  }
  await clearLoginFailures(deps.db, email);
  if (!credentials.user.emailVerifiedAt) throw accountsError("auth.email_not_verified");
  const { cookieValue } = await createSession(deps.db, {
    userId: credentials.user.id,
    actingOrganisationId: await defaultActingOrganisation(deps.db, credentials.user),
    now,
  });
  return { user: credentials.user, cookieValue };
};

/** Mails a single-use reset link (1 h) when the address has an account; answers the same otherwise. */
export const requestPasswordReset = async (deps: AccountsDeps, input: { email: string }) => {
  const now = (deps.clock ?? systemClock).now();
  const email = normaliseEmail(input.email);
  await throttleMails(deps, email, now);
  await runInTransaction(deps.db, async (tx) => {
    const user = await findUserByEmail(tx, email);
    if (!user) return;
    const token = randomToken(32);
    await issueCode(tx, { userId: user.id, purpose: "password_reset", secret: token, ttlMs: codeTtl.password_reset, now });
    // The token travels in the fragment: never sent to servers nor written in access logs.
    const link = `${deps.config.publicUrl}/mot-de-passe/nouveau#jeton=${token}`;
    await deps.mailer.enqueue(tx, user.email, passwordResetMail({ name: user.name, link, validMinutes: minutes(codeTtl.password_reset) }));
  });
  deps.mailer.afterCommit();
};

/** Sets the new password, proves the address, and signs the person out everywhere. */
export const confirmPasswordReset = async (deps: AccountsDeps, input: { token: string; password: string }) => {
  const now = (deps.clock ?? systemClock).now();
  const passwordHash = await hashPassword(input.password);
  const email = await runInTransaction(deps.db, async (tx) => {
    const userId = await consumeResetToken(tx, input.token, now);
    if (!userId) return null;
    await setPasswordHash(tx, userId, passwordHash, now);
    await markEmailVerified(tx, userId, now);
    await revokeUserSessions(tx, userId, now);
    const row = await tx.selectFrom("users").select("email").where("id", "=", userId).executeTakeFirstOrThrow();
    return row.email;
  });
  if (!email) throw accountsError("auth.invalid_reset_link");
  await clearLoginFailures(deps.db, email);
};

/**
 * Changes the password of the signed-in person (current one required) and signs out their other sessions.
 * Guessing the current password from a stolen session meets the same lock and per-IP cap as signing in.
 */
export const changePassword = async (deps: AccountsDeps, input: { userId: string; sessionIdHash: string; currentPassword: string; newPassword: string; ip: string }) => {
  const now = (deps.clock ?? systemClock).now();
  const row = await deps.db.selectFrom("users").select(["email", "password_hash"]).where("id", "=", input.userId).executeTakeFirstOrThrow();
  await ensureLoginGateOpen(deps, row.email, input.ip, now);
  if (!(await verifyPassword(row.password_hash, input.currentPassword))) {
    await recordLoginFailure(deps.db, row.email, now);
    throw accountsError("auth.invalid_credentials");
  }
  const passwordHash = await hashPassword(input.newPassword);
  await runInTransaction(deps.db, async (tx) => {
    await setPasswordHash(tx, input.userId, passwordHash, now);
    await revokeUserSessions(tx, input.userId, now, input.sessionIdHash);
  });
  await clearLoginFailures(deps.db, row.email);
};
