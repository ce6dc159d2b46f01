// Sessions in PostgreSQL: the cookie holds a random 32-byte id, the table only its sha256.
import type { MembershipRole, OrganisationFamily, PrescriberAuthorization } from "../organisations/organisations.domain.ts";
import type { Executor } from "../server/transaction.ts";
import { isSessionActive, newSessionExpiry, slidingExpiry } from "./accounts.domain.ts";
import { randomToken, sha256 } from "./accounts.secrets.ts";

export type Session = {
  idHash: string;
  userId: string;
  csrfToken: string;
  actingOrganisationId: string | null;
  expiresAt: Date;
};

/** Creates a session; returns the cookie value (never stored) and the session. */
export const createSession = async (
  db: Executor,
  input: { userId: string; actingOrganisationId?: string | null; now: Date },
): Promise<{ cookieValue: string; session: Session }> => {
  const cookieValue = randomToken(32);
  const session: Session = {
    idHash: sha256(cookieValue),
    userId: input.userId,
    csrfToken: randomToken(24),
    actingOrganisationId: input.actingOrganisationId ?? null,
    expiresAt: newSessionExpiry(input.now),
  };
  await db
    .insertInto("sessions")
    .values({
      id_hash: session.idHash,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      acting_organisation_id: session.actingOrganisationId,
      created_at: input.now,
      last_seen_at: input.now,
      expires_at: session.expiresAt,
    })
    .execute();
  return { cookieValue, session };
};

/** The person behind a session and, when they act for one, their membership of that organisation. */
export type SessionHolder = {
  userKind: "candidate" | "professional" | "admin";
  acting: { organisationId: string; family: OrganisationFamily; role: MembershipRole; authorizationStatus: PrescriberAuthorization | null } | null;
};

/**
 * The active session behind a cookie value, its expiry slid forward when due, with its holder: one query
 * for what every signed-in request needs (session, user kind, acting membership), not three.
 */
export const resumeSession = async (db: Executor, cookieValue: string, now: Date): Promise<(Session & SessionHolder) | null> => {
  const idHash = sha256(cookieValue);
  const row = await db
    .selectFrom("sessions as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .leftJoin("memberships as m", (join) => join.onRef("m.user_id", "=", "s.user_id").onRef("m.organisation_id", "=", "s.acting_organisation_id"))
    .leftJoin("organisations as o", "o.id", "m.organisation_id")
    .select(["s.user_id", "s.csrf_token", "s.acting_organisation_id", "s.created_at", "s.last_seen_at", "s.expires_at", "s.revoked_at"])
    .select(["u.kind as user_kind", "m.role as membership_role", "o.id as organisation_id", "o.family", "o.authorization_status"])
    .where("s.id_hash", "=", idHash)
    .executeTakeFirst();
  if (!row) return null;
  const times = { createdAt: row.created_at, lastSeenAt: row.last_seen_at, expiresAt: row.expires_at, revokedAt: row.revoked_at };
  if (!isSessionActive(times, now)) return null;
  const slid = slidingExpiry(times, now);
  if (slid) {
    await db.updateTable("sessions").set({ last_seen_at: now, expires_at: slid }).where("id_hash", "=", idHash).execute();
  }
  return {
    idHash,
    userId: row.user_id,
    csrfToken: row.csrf_token,
    actingOrganisationId: row.acting_organisation_id,
    expiresAt: slid ?? row.expires_at,
    userKind: row.user_kind,
    acting:
      row.organisation_id && row.family && row.membership_role
        ? { organisationId: row.organisation_id, family: row.family, role: row.membership_role, authorizationStatus: row.authorization_status }
        : null,
  };
};

export const revokeSession = async (db: Executor, idHash: string, now: Date): Promise<void> => {
  await db.updateTable("sessions").set({ revoked_at: now }).where("id_hash", "=", idHash).where("revoked_at", "is", null).execute();
};

/** Logs a person out everywhere (password change or reset), except optionally the current session. */
export const revokeUserSessions = async (db: Executor, userId: string, now: Date, exceptIdHash?: string): Promise<number> => {
  let query = db.updateTable("sessions").set({ revoked_at: now }).where("user_id", "=", userId).where("revoked_at", "is", null);
  if (exceptIdHash) query = query.where("id_hash", "!=", exceptIdHash);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
};

export const setActingOrganisation = async (db: Executor, idHash: string, organisationId: string | null): Promise<void> => {
  await db.updateTable("sessions").set({ acting_organisation_id: organisationId }).where("id_hash", "=", idHash).execute();
};
