// Invitations by e-mail: the token is mailed, only its sha256 is stored.
import type { Executor } from "../server/transaction.ts";
import type { MembershipRole } from "./organisations.domain.ts";

export type PendingInvitation = { id: string; organisationId: string; email: string; role: MembershipRole; expiresAt: Date };

export const insertInvitation = async (
  db: Executor,
  input: { organisationId: string; email: string; role: MembershipRole; tokenHash: string; invitedBy: string; expiresAt: Date; now: Date },
): Promise<string> => {
  const row = await db
    .insertInto("invitations")
    .values({
      organisation_id: input.organisationId,
      email: input.email,
      role: input.role,
      token_hash: input.tokenHash,
      invited_by: input.invitedBy,
      expires_at: input.expiresAt,
      created_at: input.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
};

/** The usable invitation behind a token hash, locked for acceptance. */
export const findUsableInvitation = async (tx: Executor, tokenHash: string, now: Date): Promise<PendingInvitation | null> => {
  const row = await tx
    .selectFrom("invitations")
    .select(["id", "organisation_id", "email", "role", "expires_at"])
    .where("token_hash", "=", tokenHash)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now)
    .forUpdate()
    .executeTakeFirst();
  return row ? { id: row.id, organisationId: row.organisation_id, email: row.email, role: row.role, expiresAt: row.expires_at } : null;
};

export const markInvitationAccepted = async (tx: Executor, id: string, userId: string, now: Date): Promise<void> => {
  await tx.updateTable("invitations").set({ accepted_at: now, accepted_by: userId }).where("id", "=", id).execute();
};

export const listPendingInvitations = async (db: Executor, organisationId: string, now: Date): Promise<PendingInvitation[]> => {
  const rows = await db
    .selectFrom("invitations")
    .select(["id", "organisation_id", "email", "role", "expires_at"])
    .where("organisation_id", "=", organisationId)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now)
    .orderBy("created_at", "desc")
    .execute();
  return rows.map((row) => ({ id: row.id, organisationId: row.organisation_id, email: row.email, role: row.role, expiresAt: row.expires_at }));
};

export const revokeInvitation = async (db: Executor, organisationId: string, id: string, now: Date): Promise<boolean> => {
  const result = await db
    .updateTable("invitations")
    .set({ revoked_at: now })
    .where("id", "=", id)
    .where("organisation_id", "=", organisationId)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
};
