// RGPD registry: every capability holding personal data about a candidate adds a
// section here, so that the export (right of access / portability) and the erasure
// (anonymisation that keeps statistics) cover it. Sections run in list order.
//
// Kept on erasure (statistics): the row itself with its commune, QPV and ZRR/FRR
// result, target appellations, how and when it was created, followers, consents
// (they hold no identity), the change log (field names only) and the audit log
// (ids only). Removed: identity, contact, address and point, birth year, skills,
// languages, licences, mobility, availability, barriers, the CV and the account.
import { sql } from "kysely";
import { applicationsPersonalData } from "../applications/applications.personal-data.ts";
import type { Executor, Tx } from "../server/transaction.ts";
import { barrierLabel } from "./barriers.domain.ts";
import {
  availabilityLabels, consentDecisionLabels, consentGivenByLabels, createdViaLabels, languageLevelLabels, mobilityMeanLabels, uncertaintyReasonLabels,
  type LanguageLevel, type MobilityMean,
} from "./candidates.domain.ts";
import { deleteDocuments, findCandidate, followersOf, listChanges, listConsents, readCvContent } from "./candidates.queries.ts";
import { romeLabels } from "./rome-codes.queries.ts";

export type PersonalDataSection = {
  name: string;
  export(db: Executor, candidateId: string): Promise<unknown>;
  anonymise(tx: Tx, candidateId: string, at: Date): Promise<void>;
};

const account: PersonalDataSection = {
  name: "compte",
  async export(db, candidateId) {
    const row = await db
      .selectFrom("candidates as c")
      .innerJoin("users as u", "u.id", "c.user_id")
      .select(["u.email", "u.name", "u.created_at", "u.email_verified_at"])
      .where("c.id", "=", candidateId)
      .executeTakeFirst();
    return row ? { email: row.email, name: row.name, createdAt: row.created_at.toISOString(), emailVerifiedAt: row.email_verified_at?.toISOString() ?? null } : null;
  },
  async anonymise(tx, candidateId, at) {
    const row = await tx.selectFrom("candidates").select("user_id").where("id", "=", candidateId).executeTakeFirst();
    if (!row?.user_id) return;
    const userId = row.user_id;
    await tx.deleteFrom("sessions").where("user_id", "=", userId).execute();
    await tx.deleteFrom("user_identities").where("user_id", "=", userId).execute();
    await tx.deleteFrom("one_time_codes").where("user_id", "=", userId).execute();
    await tx
      .updateTable("users")
      .set({ email: `anonyme-${userId}@anonyme.invalid`, name: "Personne anonymisée", password_hash: null, password_changed_at: null, email_verified_at: null, updated_at: at })
      .where("id", "=", userId)
      .where("kind", "=", "candidate")
      .execute();
    await tx.updateTable("candidates").set({ user_id: null }).where("id", "=", candidateId).execute();
  },
};

const profile: PersonalDataSection = {
  name: "profil",
  async export(db, candidateId) {
    const c = await findCandidate(db, candidateId);
    if (!c) return null;
    const { location, ...rest } = c;
    // ROME codes alone mean nothing to the person: their labels go along (right of access: intelligible data).
    // Internal codes (mobility, availability, language levels, barriers, …) likewise get the French label the web shows.
    const labels = await romeLabels(db, c.targetAppellations, c.skills);
    return {
      ...rest,
      targetAppellationLabels: labels.appellations,
      skillLabels: labels.skills,
      languages: c.languages.map((l) => ({ ...l, levelLabel: languageLevelLabels[l.level as LanguageLevel] ?? l.level })),
      mobilityMeanLabels: c.mobilityMeans.map((code) => ({ code, label: mobilityMeanLabels[code as MobilityMean] ?? code })),
      availabilityLabel: c.availability ? availabilityLabels[c.availability] : null,
      barrierLabels: c.barriers.map((code) => ({ code, label: barrierLabel(code) })),
      createdViaLabel: createdViaLabels[c.createdVia],
      location: {
        ...location,
        reasonLabels: location.reasons.map((code) => ({ code, label: uncertaintyReasonLabels[code] ?? code })),
        locatedAt: location.locatedAt?.toISOString() ?? null,
      },
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
      lastActivityAt: c.lastActivityAt.toISOString(),
      inactivityNotifiedAt: c.inactivityNotifiedAt?.toISOString() ?? null,
      anonymisedAt: c.anonymisedAt?.toISOString() ?? null,
    };
  },
  async anonymise(tx, candidateId, at) {
    await tx
      .updateTable("candidates")
      .set({
        first_name: null, last_name: null, email: null, phone: null, birth_year: null, address_text: null,
        geocoded_label: null, postcode: null, lat: null, lon: null, location_reasons: [],
        skills: [], languages: "[]", driving_licences: [], mobility_radius_km: null, mobility_means: [],
        availability: null, available_from: null, barriers: [],
        created_by_user_id: null, anonymised_at: at, updated_at: at,
      })
      .where("id", "=", candidateId)
      .execute();
  },
};

const followers: PersonalDataSection = {
  name: "organisations_accompagnantes",
  export: async (db, candidateId) => (await followersOf(db, candidateId)).map((f) => ({ ...f, since: f.since.toISOString() })),
  anonymise: async () => {},
};

const consents: PersonalDataSection = {
  name: "consentements",
  export: async (db, candidateId) => (await listConsents(db, candidateId)).map((c) => ({
      ...c,
      decisionLabel: consentDecisionLabels[c.decision] ?? c.decision,
      givenByLabel: consentGivenByLabels[c.givenBy] ?? c.givenBy,
      at: c.at.toISOString(),
    })),
  anonymise: async () => {}, // kept: who recorded which text when, nothing about the person
};

const cv: PersonalDataSection = {
  name: "cv",
  async export(db, candidateId) {
    const file = await readCvContent(db, candidateId);
    return file ? { fileName: file.fileName, sizeBytes: file.sizeBytes, sha256: file.sha256, uploadedAt: file.uploadedAt.toISOString(), contentBase64: file.content.toString("base64") } : null;
  },
  anonymise: async (tx, candidateId) => {
    await deleteDocuments(tx, candidateId);
  },
};

const changes: PersonalDataSection = {
  name: "historique_des_modifications",
  export: (db, candidateId) => listChanges(db, candidateId),
  anonymise: async () => {},
};

const accesses: PersonalDataSection = {
  name: "consultations_par_des_professionnels",
  async export(db, candidateId) {
    const rows = await db
      .selectFrom("audit_log as a")
      .leftJoin("organisations as o", "o.id", "a.organisation_id")
      .select(["a.occurred_at", "a.action", "o.name"])
      .where("a.subject_type", "=", "candidate")
      .where("a.subject_id", "=", candidateId)
      .orderBy("a.id")
      .execute();
    return rows.map((r) => ({ at: r.occurred_at.toISOString(), action: r.action, organisation: r.name }));
  },
  anonymise: async () => {},
};

/** The sections, in order. Another capability appends its own (e.g. applications: messages, refusal texts). */
export const personalDataSections: PersonalDataSection[] = [account, profile, followers, consents, cv, changes, accesses, applicationsPersonalData];

export const registerPersonalDataSection = (section: PersonalDataSection): void => {
  if (!personalDataSections.some((s) => s.name === section.name)) personalDataSections.push(section);
};

export const exportPersonalData = async (db: Executor, candidateId: string, now: Date) => {
  const sections: Record<string, unknown> = {};
  for (const section of personalDataSections) sections[section.name] = await section.export(db, candidateId);
  return {
    format: "tremplin-donnees-personnelles",
    version: 1,
    exportedAt: now.toISOString(),
    candidateId,
    sections,
  };
};

/** Runs every section's anonymisation in the caller's transaction; the profile keeps its statistics. */
export const anonymiseCandidate = async (tx: Tx, candidateId: string, at: Date): Promise<void> => {
  // Lock the row: two erasures (or an erasure and an edit) never interleave.
  await sql`select id from candidates where id = ${candidateId} for update`.execute(tx);
  for (const section of personalDataSections) await section.anonymise(tx, candidateId, at);
};
