// Users: rows ↔ domain. Never selects the password hash unless asked for it.
import type { Executor } from "../server/transaction.ts";
import type { User, UserKind } from "./accounts.domain.ts";

const userColumns = ["id", "email", "name", "kind", "email_verified_at", "password_hash"] as const;

type UserRow = { id: string; email: string; name: string; kind: UserKind; email_verified_at: Date | null; password_hash: string | null };

const toUser = (row: UserRow): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  kind: row.kind,
  emailVerifiedAt: row.email_verified_at,
  hasPassword: row.password_hash !== null,
});

/** Inserts a user unless the (normalised) e-mail is taken; returns null when it is. */
export const insertUser = async (
  db: Executor,
  input: { email: string; name: string; kind: UserKind; passwordHash: string | null; emailVerifiedAt?: Date | null; now: Date },
): Promise<User | null> => {
  const row = await db
    .insertInto("users")
    .values({
      email: input.email,
      name: input.name,
      kind: input.kind,
      password_hash: input.passwordHash,
      password_changed_at: input.passwordHash ? input.now : null,
      email_verified_at: input.emailVerifiedAt ?? null,
      created_at: input.now,
      updated_at: input.now,
    })
    .onConflict((oc) => oc.column("email").doNothing())
    .returning(userColumns)
    .executeTakeFirst();
  return row ? toUser(row) : null;
};

export const findUserById = async (db: Executor, id: string): Promise<User | null> => {
  const row = await db.selectFrom("users").select(userColumns).where("id", "=", id).executeTakeFirst();
  return row ? toUser(row) : null;
};

export const findUserByEmail = async (db: Executor, email: string): Promise<User | null> => {
  const row = await db.selectFrom("users").select(userColumns).where("email", "=", email).executeTakeFirst();
  return row ? toUser(row) : null;
};

/** For sign-in only: the user with their password hash. */
export const findCredentials = async (db: Executor, email: string): Promise<{ user: User; passwordHash: string | null } | null> => {
  const row = await db.selectFrom("users").select(userColumns).where("email", "=", email).executeTakeFirst();
  return row ? { user: toUser(row), passwordHash: row.password_hash } : null;
};

export const markEmailVerified = async (db: Executor, userId: string, now: Date): Promise<void> => {
  await db
    .updateTable("users")
    .set((eb) => ({ email_verified_at: eb.fn.coalesce("email_verified_at", eb.val(now)), updated_at: now }))
    .where("id", "=", userId)
    .execute();
};

export const setPasswordHash = async (db: Executor, userId: string, passwordHash: string, now: Date): Promise<void> => {
  await db
    .updateTable("users")
    .set({ password_hash: passwordHash, password_changed_at: now, updated_at: now })
    .where("id", "=", userId)
    .execute();
};
