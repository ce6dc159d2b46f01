// Single-use codes (e-mail verification) and links (password reset), stored hashed.
import { sql } from "kysely";
import type { Executor } from "../server/transaction.ts";
import { accountRules, type CodeVerdict, codeVerdict } from "./accounts.domain.ts";
import { sha256 } from "./accounts.secrets.ts";

export type CodePurpose = "verify_email" | "password_reset";

/** Codes are short: hash them with the user id so equal codes of two users differ. */
const hashCode = (userId: string, code: string) => sha256(`${userId}:${code}`);

/** Stores a new code for (user, purpose) and burns the previous unused ones. */
export const issueCode = async (
  db: Executor,
  input: { userId: string; purpose: CodePurpose; secret: string; ttlMs: number; now: Date },
): Promise<void> => {
  await db
    .updateTable("one_time_codes")
    .set({ consumed_at: input.now })
    .where("user_id", "=", input.userId)
    .where("purpose", "=", input.purpose)
    .where("consumed_at", "is", null)
    .execute();
  const codeHash = input.purpose === "password_reset" ? sha256(input.secret) : hashCode(input.userId, input.secret);
  await db
    .insertInto("one_time_codes")
    .values({
      user_id: input.userId,
      purpose: input.purpose,
      code_hash: codeHash,
      expires_at: new Date(input.now.getTime() + input.ttlMs),
      created_at: input.now,
    })
    .execute();
};

/**
 * Checks a verification code of a user and consumes it when right. A wrong
 * guess counts as an attempt; the code is burnt after too many.
 */
export const consumeVerificationCode = async (db: Executor, userId: string, code: string, now: Date): Promise<CodeVerdict | "wrong"> => {
  const current = await db
    .selectFrom("one_time_codes")
    .select(["id", "code_hash", "expires_at", "consumed_at", "attempts"])
    .where("user_id", "=", userId)
    .where("purpose", "=", "verify_email")
    .orderBy("created_at", "desc")
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
  if (!current) return "wrong";
  const verdict = codeVerdict({ expiresAt: current.expires_at, consumedAt: current.consumed_at, attempts: current.attempts }, now);
  if (verdict !== "usable") return verdict;
  if (current.code_hash !== hashCode(userId, code)) {
    await db.updateTable("one_time_codes").set({ attempts: sql`attempts + 1` }).where("id", "=", current.id).execute();
    return "wrong";
  }
  await db.updateTable("one_time_codes").set({ consumed_at: now }).where("id", "=", current.id).execute();
  return "usable";
};

/** Consumes a password-reset token (once, before expiry); returns its user id. */
export const consumeResetToken = async (db: Executor, token: string, now: Date): Promise<string | null> => {
  const row = await db
    .updateTable("one_time_codes")
    .set({ consumed_at: now })
    .where("code_hash", "=", sha256(token))
    .where("purpose", "=", "password_reset")
    .where("consumed_at", "is", null)
    .where("expires_at", ">", now)
    .returning("user_id")
    .executeTakeFirst();
  return row?.user_id ?? null;
};

export const codeTtl = { verify_email: accountRules.verificationCodeTtlMs, password_reset: accountRules.resetLinkTtlMs } as const;
