// The audit log: who did what to which subject, when, for which organisation.
// Ids only — never a name, an e-mail or any other personal data in clear.
import type { Executor } from "../server/transaction.ts";

export type AuditEntry = {
  actorUserId: string | null;
  actorApiKeyId?: string | null;
  organisationId: string | null;
  /** `subject.verb`, e.g. "membership.role_changed", "api_key.created", "candidate.read". */
  action: string;
  subjectType: string;
  subjectId: string;
  /** Small non-personal facts (roles, scopes, counts). */
  details?: Record<string, string | number | boolean | null>;
  at: Date;
};

export const recordAudit = async (tx: Executor, entry: AuditEntry): Promise<void> => {
  await tx
    .insertInto("audit_log")
    .values({
      occurred_at: entry.at,
      actor_user_id: entry.actorUserId,
      actor_api_key_id: entry.actorApiKeyId ?? null,
      organisation_id: entry.organisationId,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
};

export type AuditRecord = Omit<AuditEntry, "at" | "details"> & { id: number; at: Date; details: Record<string, unknown> };

export const listAudit = async (db: Executor, organisationId: string, limit = 100): Promise<AuditRecord[]> => {
  const rows = await db
    .selectFrom("audit_log")
    .select(["id", "occurred_at", "actor_user_id", "actor_api_key_id", "organisation_id", "action", "subject_type", "subject_id", "details"])
    .where("organisation_id", "=", organisationId)
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    at: row.occurred_at,
    actorUserId: row.actor_user_id,
    actorApiKeyId: row.actor_api_key_id,
    organisationId: row.organisation_id,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    details: row.details,
  }));
};
