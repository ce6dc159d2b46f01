// Candidates: rows ↔ domain. Reads never select the CV content unless asked for it.
import { sql } from "kysely";
import type { CandidateLanguage } from "../server/db.types.ts";
import type { Executor } from "../server/transaction.ts";
import type { CandidateLocation } from "./candidates.domain.ts";

export type CandidateRow = {
  id: string;
  userId: string | null;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  birthYear: number | null;
  address: string | null;
  location: CandidateLocation & { locatedAt: Date | null };
  targetAppellations: string[];
  skills: string[];
  languages: CandidateLanguage[];
  drivingLicences: string[];
  mobilityRadiusKm: number | null;
  mobilityMeans: string[];
  availability: "immediate" | "from_date" | "unavailable" | null;
  availableFrom: string | null;
  barriers: string[];
  createdVia: "self" | "prescriber" | "employer";
  createdByOrganisationId: string | null;
  createdAt: Date;
  updatedAt: Date;
  lastActivityAt: Date;
  inactivityNotifiedAt: Date | null;
  anonymisedAt: Date | null;
};

/** The editable profile, in domain names. */
export type CandidateProfile = {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  birthYear: number | null;
  address: string | null;
  targetAppellations: string[];
  skills: string[];
  languages: CandidateLanguage[];
  drivingLicences: string[];
  mobilityRadiusKm: number | null;
  mobilityMeans: string[];
  availability: "immediate" | "from_date" | "unavailable" | null;
  availableFrom: string | null;
  barriers: string[];
};

const selectCandidate = (db: Executor) =>
  db.selectFrom("candidates as c").select([
    "c.id", "c.user_id", "c.first_name", "c.last_name", "c.email", "c.phone", "c.birth_year", "c.address_text",
    "c.location_status", "c.geocoded_label", "c.commune_insee", "c.postcode", "c.lat", "c.lon", "c.qpv_code", "c.qpv_name", "c.qpv_millesime",
    "c.rural_scheme", "c.rural_class", "c.rural_label", "c.location_uncertain", "c.location_reasons", "c.located_at",
    "c.target_appellations", "c.skills", "c.languages", "c.driving_licences", "c.mobility_radius_km", "c.mobility_means", "c.availability",
    sql<string | null>`c.available_from::text`.as("available_from"),
    "c.barriers", "c.created_via", "c.created_by_organisation_id", "c.created_at", "c.updated_at", "c.last_activity_at", "c.inactivity_notified_at", "c.anonymised_at",
  ]);

type SelectedRow = Awaited<ReturnType<ReturnType<typeof selectCandidate>["executeTakeFirstOrThrow"]>>;

const toCandidate = (r: SelectedRow): CandidateRow => ({
  id: r.id,
  userId: r.user_id,
  firstName: r.first_name,
  lastName: r.last_name,
  email: r.email,
  phone: r.phone,
  birthYear: r.birth_year,
  address: r.address_text,
  location: {
    status: r.location_status,
    geocodedLabel: r.geocoded_label,
    communeInsee: r.commune_insee,
    postcode: r.postcode,
    lat: r.lat,
    lon: r.lon,
    qpv: r.qpv_code ? { code: r.qpv_code, name: r.qpv_name ?? r.qpv_code, millesime: r.qpv_millesime ?? 2024 } : null,
    rural: r.rural_scheme && r.rural_class ? { scheme: r.rural_scheme, class: r.rural_class, label: r.rural_label ?? r.rural_class } : null,
    uncertain: r.location_uncertain,
    reasons: r.location_reasons,
    locatedAt: r.located_at,
  },
  targetAppellations: r.target_appellations,
  skills: r.skills,
  languages: r.languages,
  drivingLicences: r.driving_licences,
  mobilityRadiusKm: r.mobility_radius_km,
  mobilityMeans: r.mobility_means,
  availability: r.availability,
  availableFrom: r.available_from,
  barriers: r.barriers,
  createdVia: r.created_via,
  createdByOrganisationId: r.created_by_organisation_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  lastActivityAt: r.last_activity_at,
  inactivityNotifiedAt: r.inactivity_notified_at,
  anonymisedAt: r.anonymised_at,
});

export const findCandidate = async (db: Executor, id: string): Promise<CandidateRow | null> => {
  const row = await selectCandidate(db).where("c.id", "=", id).executeTakeFirst();
  return row ? toCandidate(row) : null;
};

export const findCandidateOfUser = async (db: Executor, userId: string): Promise<CandidateRow | null> => {
  const row = await selectCandidate(db).where("c.user_id", "=", userId).executeTakeFirst();
  return row ? toCandidate(row) : null;
};

const profileColumns = (p: Partial<CandidateProfile>) => {
  const set: Record<string, unknown> = {};
  if (p.firstName !== undefined) set.first_name = p.firstName;
  if (p.lastName !== undefined) set.last_name = p.lastName;
  if (p.email !== undefined) set.email = p.email;
  if (p.phone !== undefined) set.phone = p.phone;
  if (p.birthYear !== undefined) set.birth_year = p.birthYear;
  if (p.address !== undefined) set.address_text = p.address;
  if (p.targetAppellations !== undefined) set.target_appellations = p.targetAppellations;
  if (p.skills !== undefined) set.skills = p.skills;
  if (p.languages !== undefined) set.languages = JSON.stringify(p.languages);
  if (p.drivingLicences !== undefined) set.driving_licences = p.drivingLicences;
  if (p.mobilityRadiusKm !== undefined) set.mobility_radius_km = p.mobilityRadiusKm;
  if (p.mobilityMeans !== undefined) set.mobility_means = p.mobilityMeans;
  if (p.availability !== undefined) set.availability = p.availability;
  if (p.availableFrom !== undefined) set.available_from = p.availableFrom;
  if (p.barriers !== undefined) set.barriers = p.barriers;
  return set;
};

const locationColumns = (l: CandidateLocation, at: Date) => ({
  location_status: l.status,
  geocoded_label: l.geocodedLabel,
  commune_insee: l.communeInsee,
  postcode: l.postcode,
  lat: l.lat,
  lon: l.lon,
  qpv_code: l.qpv?.code ?? null,
  qpv_name: l.qpv?.name ?? null,
  qpv_millesime: l.qpv?.millesime ?? null,
  rural_scheme: l.rural?.scheme ?? null,
  rural_class: l.rural?.class ?? null,
  rural_label: l.rural?.label ?? null,
  location_uncertain: l.uncertain,
  location_reasons: l.reasons,
  located_at: l.status === "no_address" ? null : at,
});

export const insertCandidate = async (
  tx: Executor,
  input: {
    profile: CandidateProfile;
    location: CandidateLocation;
    userId: string | null;
    createdVia: "self" | "prescriber" | "employer";
    createdByUserId: string;
    createdByOrganisationId: string | null;
    now: Date;
  },
): Promise<string> => {
  const row = await tx
    .insertInto("candidates")
    .values({
      ...(profileColumns(input.profile) as { first_name: string; last_name: string }),
      ...locationColumns(input.location, input.now),
      user_id: input.userId,
      created_via: input.createdVia,
      created_by_user_id: input.createdByUserId,
      created_by_organisation_id: input.createdByOrganisationId,
      created_at: input.now,
      updated_at: input.now,
      last_activity_at: input.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
};

export const updateCandidateProfile = async (
  tx: Executor,
  id: string,
  patch: Partial<CandidateProfile>,
  location: CandidateLocation | undefined,
  now: Date,
): Promise<void> => {
  await tx
    .updateTable("candidates")
    .set({ ...profileColumns(patch), ...(location ? locationColumns(location, now) : {}), updated_at: now, last_activity_at: now, inactivity_notified_at: null })
    .where("id", "=", id)
    .where("anonymised_at", "is", null)
    .execute();
};

/** Any activity on the profile (the candidate signing in, an application, a consent…) restarts the 2-year clock. */
export const touchCandidate = async (tx: Executor, id: string, now: Date): Promise<void> => {
  await tx.updateTable("candidates").set({ last_activity_at: now, inactivity_notified_at: null }).where("id", "=", id).where("anonymised_at", "is", null).execute();
};

// --- Followers ---

export const addFollower = async (tx: Executor, candidateId: string, organisationId: string, byUserId: string, now: Date): Promise<void> => {
  await tx
    .insertInto("candidate_followers")
    .values({ candidate_id: candidateId, organisation_id: organisationId, by_user_id: byUserId, since: now })
    .onConflict((oc) => oc.columns(["candidate_id", "organisation_id"]).doNothing())
    .execute();
};

export const followersOf = async (db: Executor, candidateId: string) =>
  (
    await db
      .selectFrom("candidate_followers as f")
      .innerJoin("organisations as o", "o.id", "f.organisation_id")
      .select(["f.organisation_id", "o.name", "f.since"])
      .where("f.candidate_id", "=", candidateId)
      .orderBy("f.since")
      .execute()
  ).map((r) => ({ organisationId: r.organisation_id, name: r.name, since: r.since }));

export type ListFilters = { q?: string; qpv?: boolean; barrier?: string; page: number; pageSize: number };

/** "Mes candidats": candidates followed by the organisation (or recorded by it, for an employer's direct hire). */
export const listCandidatesOfOrganisation = async (db: Executor, organisationId: string, filters: ListFilters) => {
  let query = db
    .selectFrom("candidates as c")
    .where("c.anonymised_at", "is", null)
    .where((eb) =>
      eb.or([
        eb.exists(eb.selectFrom("candidate_followers as f").select("f.candidate_id").whereRef("f.candidate_id", "=", "c.id").where("f.organisation_id", "=", organisationId)),
        eb("c.created_by_organisation_id", "=", organisationId),
      ]),
    );
  if (filters.q) {
    const words = filters.q.split(/\s+/).filter(Boolean).slice(0, 5);
    for (const word of words) {
      const pattern = `%${word.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      query = query.where((eb) =>
        eb.or([
          eb(sql`unaccent(c.first_name)`, "ilike", sql`unaccent(${pattern})`),
          eb(sql`unaccent(c.last_name)`, "ilike", sql`unaccent(${pattern})`),
          eb("c.email", "ilike", pattern),
        ]),
      );
    }
  }
  if (filters.qpv !== undefined) query = query.where("c.qpv_code", filters.qpv ? "is not" : "is", null);
  if (filters.barrier) query = query.where(sql<boolean>`${filters.barrier} = any(c.barriers)`);
  const total = Number((await query.select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
  const rows = await query
    .select(["c.id", "c.first_name", "c.last_name", "c.commune_insee", "c.geocoded_label", "c.qpv_code", "c.rural_class", "c.location_uncertain", "c.barriers", "c.target_appellations", "c.updated_at"])
    .orderBy("c.last_name")
    .orderBy("c.first_name")
    .orderBy("c.id")
    .limit(filters.pageSize)
    .offset((filters.page - 1) * filters.pageSize)
    .execute();
  return { total, rows };
};

// --- Consents (append-only) ---

export type ConsentRow = {
  decision: "given" | "withdrawn";
  purpose: string;
  textVersion: string;
  text: string;
  givenBy: "candidate" | "prescriber" | "employer";
  byUserId: string | null;
  byOrganisationId: string | null;
  at: Date;
};

export const insertConsent = async (tx: Executor, candidateId: string, consent: ConsentRow): Promise<void> => {
  await tx
    .insertInto("candidate_consents")
    .values({
      candidate_id: candidateId,
      decision: consent.decision,
      purpose: consent.purpose,
      text_version: consent.textVersion,
      text: consent.text,
      given_by: consent.givenBy,
      by_user_id: consent.byUserId,
      by_organisation_id: consent.byOrganisationId,
      at: consent.at,
    })
    .execute();
};

export const listConsents = async (db: Executor, candidateId: string): Promise<ConsentRow[]> =>
  (
    await db
      .selectFrom("candidate_consents")
      .select(["decision", "purpose", "text_version", "text", "given_by", "by_user_id", "by_organisation_id", "at"])
      .where("candidate_id", "=", candidateId)
      .orderBy("id")
      .execute()
  ).map((r) => ({ decision: r.decision, purpose: r.purpose, textVersion: r.text_version, text: r.text, givenBy: r.given_by, byUserId: r.by_user_id, byOrganisationId: r.by_organisation_id, at: r.at }));

// --- CV ---

export type CvMeta = { id: string; fileName: string; sizeBytes: number; sha256: string; uploadedAt: Date };

export const findCvMeta = async (db: Executor, candidateId: string): Promise<CvMeta | null> => {
  const row = await db
    .selectFrom("candidate_documents")
    .select(["id", "file_name", "size_bytes", "sha256", "uploaded_at"])
    .where("candidate_id", "=", candidateId)
    .where("kind", "=", "cv")
    .executeTakeFirst();
  return row ? { id: row.id, fileName: row.file_name, sizeBytes: row.size_bytes, sha256: row.sha256, uploadedAt: row.uploaded_at } : null;
};

export const readCvContent = async (db: Executor, candidateId: string): Promise<(CvMeta & { content: Buffer }) | null> => {
  const row = await db
    .selectFrom("candidate_documents")
    .select(["id", "file_name", "size_bytes", "sha256", "uploaded_at", "content"])
    .where("candidate_id", "=", candidateId)
    .where("kind", "=", "cv")
    .executeTakeFirst();
  if (!row) return null;
  const content = Buffer.from(row.content.buffer, row.content.byteOffset, row.content.byteLength);
  return { id: row.id, fileName: row.file_name, sizeBytes: row.size_bytes, sha256: row.sha256, uploadedAt: row.uploaded_at, content };
};

/** One CV per candidate: a new upload replaces the previous file. */
export const replaceCv = async (
  tx: Executor,
  candidateId: string,
  file: { fileName: string; content: Buffer; sha256: string; byUserId: string; now: Date },
): Promise<void> => {
  await tx.deleteFrom("candidate_documents").where("candidate_id", "=", candidateId).where("kind", "=", "cv").execute();
  await tx
    .insertInto("candidate_documents")
    .values({
      candidate_id: candidateId,
      kind: "cv",
      file_name: file.fileName,
      content_type: "application/pdf",
      size_bytes: file.content.byteLength,
      sha256: file.sha256,
      content: file.content,
      uploaded_by_user_id: file.byUserId,
      uploaded_at: file.now,
    })
    .execute();
};

export const deleteDocuments = async (tx: Executor, candidateId: string): Promise<number> =>
  Number((await tx.deleteFrom("candidate_documents").where("candidate_id", "=", candidateId).executeTakeFirst()).numDeletedRows);

// --- Change log (field names, never values) ---

export const recordChange = async (
  tx: Executor,
  candidateId: string,
  change: { action: string; fields: string[]; byUserId: string | null; byOrganisationId: string | null; at: Date },
): Promise<void> => {
  await tx
    .insertInto("candidate_changes")
    .values({ candidate_id: candidateId, action: change.action, fields: change.fields, by_user_id: change.byUserId, by_organisation_id: change.byOrganisationId, at: change.at })
    .execute();
};

export const listChanges = async (db: Executor, candidateId: string) =>
  (
    await db
      .selectFrom("candidate_changes")
      .select(["action", "fields", "by_user_id", "by_organisation_id", "at"])
      .where("candidate_id", "=", candidateId)
      .orderBy("id")
      .execute()
  ).map((r) => ({ action: r.action, fields: r.fields, byUserId: r.by_user_id, byOrganisationId: r.by_organisation_id, at: r.at.toISOString() }));

/**
 * Links a person's account to the profile a professional recorded with the same (verified) e-mail,
 * when there is exactly one such profile without an account. Returns the linked id, or null.
 */
export const linkAccountByEmail = async (tx: Executor, userId: string, email: string, now: Date): Promise<string | null> => {
  const matches = await tx
    .selectFrom("candidates")
    .select("id")
    .where("email", "=", email.toLowerCase())
    .where("user_id", "is", null)
    .where("anonymised_at", "is", null)
    .limit(2)
    .execute();
  if (matches.length !== 1) return null;
  const id = matches[0]!.id;
  const linked = await tx.updateTable("candidates").set({ user_id: userId, last_activity_at: now, inactivity_notified_at: null }).where("id", "=", id).where("user_id", "is", null).executeTakeFirst();
  if (Number(linked.numUpdatedRows) !== 1) return null;
  await recordChange(tx, id, { action: "account_linked", fields: [], byUserId: userId, byOrganisationId: null, at: now });
  return id;
};
