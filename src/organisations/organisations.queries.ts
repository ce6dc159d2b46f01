// Organisations and memberships: rows ↔ domain.
import { sql } from "kysely";
import type { Executor } from "../server/transaction.ts";
import type { MembershipRole, OrganisationFamily, OrganisationKind, PrescriberAuthorization } from "./organisations.domain.ts";

export type Organisation = {
  id: string;
  family: OrganisationFamily;
  kind: OrganisationKind;
  name: string;
  siret: string;
  authorizationStatus: PrescriberAuthorization | null;
};
export type MembershipOfUser = Organisation & { role: MembershipRole };
export type Member = { userId: string; name: string; email: string; role: MembershipRole; since: Date };

const organisationColumns = ["o.id", "o.family", "o.kind", "o.name", "o.siret", "o.authorization_status"] as const;
type OrganisationRow = { id: string; family: OrganisationFamily; kind: string; name: string; siret: string; authorization_status: PrescriberAuthorization | null };
const toOrganisation = (row: OrganisationRow): Organisation => ({
  id: row.id,
  family: row.family,
  kind: row.kind as OrganisationKind,
  name: row.name,
  siret: row.siret,
  authorizationStatus: row.authorization_status,
});

/** Inserts an organisation; null when (siret, kind) already exists. */
export const insertOrganisation = async (
  db: Executor,
  input: { family: OrganisationFamily; kind: OrganisationKind; name: string; siret: string; authorizationStatus: PrescriberAuthorization | null; now: Date },
): Promise<Organisation | null> => {
  const row = await db
    .insertInto("organisations")
    .values({ family: input.family, kind: input.kind, name: input.name, siret: input.siret, authorization_status: input.authorizationStatus, created_at: input.now, updated_at: input.now })
    .onConflict((oc) => oc.columns(["siret", "kind"]).doNothing())
    .returning(["id", "family", "kind", "name", "siret", "authorization_status"])
    .executeTakeFirst();
  return row ? toOrganisation(row) : null;
};

export const findOrganisation = async (db: Executor, id: string): Promise<Organisation | null> => {
  const row = await db.selectFrom("organisations as o").select(organisationColumns).where("o.id", "=", id).executeTakeFirst();
  return row ? toOrganisation(row) : null;
};

export const setAuthorizationStatus = async (db: Executor, id: string, status: PrescriberAuthorization, now: Date): Promise<boolean> => {
  const result = await db
    .updateTable("organisations")
    .set({ authorization_status: status, updated_at: now })
    .where("id", "=", id)
    .where("family", "=", "prescriber")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
};

export const listMembershipsOfUser = async (db: Executor, userId: string): Promise<MembershipOfUser[]> => {
  const rows = await db
    .selectFrom("memberships as m")
    .innerJoin("organisations as o", "o.id", "m.organisation_id")
    .select([...organisationColumns, "m.role"])
    .where("m.user_id", "=", userId)
    .orderBy("m.created_at")
    .orderBy("o.name")
    .execute();
  return rows.map((row) => ({ ...toOrganisation(row), role: row.role }));
};

export const findMembership = async (db: Executor, organisationId: string, userId: string): Promise<MembershipOfUser | null> => {
  const row = await db
    .selectFrom("memberships as m")
    .innerJoin("organisations as o", "o.id", "m.organisation_id")
    .select([...organisationColumns, "m.role"])
    .where("m.user_id", "=", userId)
    .where("m.organisation_id", "=", organisationId)
    .executeTakeFirst();
  return row ? { ...toOrganisation(row), role: row.role } : null;
};

/** Adds a member, or keeps the existing membership (its role is not lowered). Returns whether a row was added. */
export const addMembership = async (db: Executor, organisationId: string, userId: string, role: MembershipRole, now: Date): Promise<boolean> => {
  const row = await db
    .insertInto("memberships")
    .values({ organisation_id: organisationId, user_id: userId, role, created_at: now })
    .onConflict((oc) => oc.columns(["organisation_id", "user_id"]).doNothing())
    .returning("user_id")
    .executeTakeFirst();
  return row !== undefined;
};

export const listMembers = async (db: Executor, organisationId: string): Promise<Member[]> => {
  const rows = await db
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["u.id", "u.name", "u.email", "m.role", "m.created_at"])
    .where("m.organisation_id", "=", organisationId)
    .orderBy("u.name")
    .execute();
  return rows.map((row) => ({ userId: row.id, name: row.name, email: row.email, role: row.role, since: row.created_at }));
};

/** Locks the organisation's memberships and counts its admins (serialises last-admin checks). */
export const lockAndCountAdmins = async (tx: Executor, organisationId: string): Promise<number> => {
  await sql`select 1 from organisations where id = ${organisationId} for update`.execute(tx);
  const row = await tx
    .selectFrom("memberships")
    .select((eb) => eb.fn.countAll<number>().as("admins"))
    .where("organisation_id", "=", organisationId)
    .where("role", "=", "admin")
    .executeTakeFirstOrThrow();
  return Number(row.admins);
};

export const setMembershipRole = async (db: Executor, organisationId: string, userId: string, role: MembershipRole): Promise<void> => {
  await db.updateTable("memberships").set({ role }).where("organisation_id", "=", organisationId).where("user_id", "=", userId).execute();
};

export const deleteMembership = async (db: Executor, organisationId: string, userId: string): Promise<void> => {
  await db.deleteFrom("memberships").where("organisation_id", "=", organisationId).where("user_id", "=", userId).execute();
  await db
    .updateTable("sessions")
    .set({ acting_organisation_id: null })
    .where("user_id", "=", userId)
    .where("acting_organisation_id", "=", organisationId)
    .execute();
};
