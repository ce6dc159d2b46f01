// Candidates: authorise → load → check → write, with the audit entry (professionals)
// and the change log in the same transaction. Reads of personal data by a
// professional are audited too.
import type { AccountsDeps } from "../accounts/accounts.deps.ts";
import { findUserById } from "../accounts/users.queries.ts";
import type { Actor } from "../authorization/authorization.domain.ts";
import { ensureAllowed } from "../authorization/authorization.guard.ts";
import { accountsError } from "../accounts/accounts.errors.ts";
import { assessCertainty } from "../geo/certainty.ts";
import { type Geography, geographyAt } from "../geo/geography.types.ts";
import type { Geocoder } from "../geocoder/geocoder.types.ts";
import { runInTransaction, type Executor } from "../server/transaction.ts";
import { barrierLabel } from "./barriers.domain.ts";
import type { CandidateDto, CreateCandidateBody, UpdateCandidateBody } from "./candidates.contract.ts";
import {
  type CandidateLocation,
  changedFields,
  consentPurpose,
  consentShownTo,
  locationFrom,
  noLocation,
  uncertaintyReasonLabels,
} from "./candidates.domain.ts";
import { candidatesError } from "./candidates.errors.ts";
import {
  addFollower,
  type CandidateProfile,
  type CandidateRow,
  type ConsentRow,
  findCandidate,
  findCandidateOfUser,
  findCvMeta,
  followersOf,
  insertCandidate,
  insertConsent,
  linkAccountByEmail,
  listCandidatesOfOrganisation,
  listConsents,
  recordChange,
  touchCandidate,
  updateCandidateProfile,
} from "./candidates.queries.ts";
import { checkRomeCodes, romeLabels } from "./rome-codes.queries.ts";
import { audit, isProfessional, loadAllowed, notFound, now } from "./candidates.load.ts";

export type CandidatesDeps = AccountsDeps & { geography: Geography; geocoder: Geocoder };


// --- Location ---

/** Geocodes the address with the offline geocoder and classifies it (QPV / ZRR-FRR in force `at`, with its certainty). */
export const locateAddress = async (deps: Pick<CandidatesDeps, "geocoder" | "geography">, address: string | null, at: Date): Promise<CandidateLocation> => {
  if (!address) return noLocation;
  const result = await deps.geocoder.geocode({ full: address });
  if (!result.ok) {
    const rural = result.citycode ? deps.geography.ruralClass(result.citycode, geographyAt(at).rural) : null;
    return locationFrom(result, null, rural ? { scheme: rural.scheme, class: rural.class, label: rural.label } : null);
  }
  const membership = deps.geography.classify(result.lon, result.lat, result.citycode, at);
  const certainty = assessCertainty(result, membership, deps.geography.communeHasQpv(result.citycode, membership.geography.qpv));
  return locationFrom(result, { membership, certainty }, null);
};

// --- DTO ---

export const candidateDto = async (db: Executor, c: CandidateRow): Promise<CandidateDto> => {
  const [followers, cv, consents, labels] = await Promise.all([followersOf(db, c.id), findCvMeta(db, c.id), listConsents(db, c.id), romeLabels(db, c.targetAppellations, c.skills)]);
  const consent = consents.at(-1) ?? null;
  return {
    id: c.id,
    firstName: c.firstName,
    lastName: c.lastName,
    email: c.email,
    phone: c.phone,
    birthYear: c.birthYear,
    address: c.address,
    location: {
      status: c.location.status,
      label: c.location.geocodedLabel,
      communeInsee: c.location.communeInsee,
      postcode: c.location.postcode,
      qpv: c.location.qpv,
      rural: c.location.rural,
      uncertain: c.location.uncertain,
      reasons: c.location.reasons.map((code) => ({ code, label: uncertaintyReasonLabels[code] ?? code })),
      locatedAt: c.location.locatedAt?.toISOString() ?? null,
    },
    targetAppellations: c.targetAppellations,
    skills: c.skills,
    targetAppellationLabels: labels.appellations,
    skillLabels: labels.skills,
    languages: c.languages,
    drivingLicences: c.drivingLicences,
    mobilityRadiusKm: c.mobilityRadiusKm,
    mobilityMeans: c.mobilityMeans,
    availability: c.availability,
    availableFrom: c.availableFrom,
    barriers: c.barriers,
    createdVia: c.createdVia,
    hasAccount: c.userId !== null,
    followedBy: followers.map((f) => ({ ...f, since: f.since.toISOString() })),
    cv: cv ? { fileName: cv.fileName, sizeBytes: cv.sizeBytes, uploadedAt: cv.uploadedAt.toISOString() } : null,
    consent: consent ? consentDto(consent) : null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    anonymisedAt: c.anonymisedAt?.toISOString() ?? null,
  };
};

export const consentDto = (c: ConsentRow) => ({ ...c, at: c.at.toISOString() });

// --- Loading with authorisation ---


const validateRome = async (db: Executor, profile: { targetAppellations?: string[]; skills?: string[] }) => {
  const { unknownAppellations, unknownSkills } = await checkRomeCodes(db, profile.targetAppellations ?? [], profile.skills ?? []);
  if (unknownAppellations.length) throw candidatesError("candidate.unknown_appellations", { codes: unknownAppellations.join(", ") });
  if (unknownSkills.length) throw candidatesError("candidate.unknown_skills", { codes: unknownSkills.join(", ") });
};

const dedupe = <T>(values: T[] | undefined) => (values ? [...new Set(values)] : values);

const normaliseProfile = <T extends Partial<CandidateProfile>>(p: T): T => ({
  ...p,
  targetAppellations: dedupe(p.targetAppellations),
  skills: dedupe(p.skills),
  drivingLicences: dedupe(p.drivingLicences),
  mobilityMeans: dedupe(p.mobilityMeans),
  barriers: dedupe(p.barriers),
  ...(p.availability !== undefined && p.availability !== "from_date" ? { availableFrom: null } : {}),
});

// --- Use cases ---

export const createCandidate = async (deps: CandidatesDeps, actor: Actor | null, body: CreateCandidateBody): Promise<CandidateDto> => {
  if (!actor) throw accountsError("auth.unauthenticated");
  const at = now(deps);
  const { consent: _consent, ...input } = body;
  const self = actor.role === "candidate";
  if (self) ensureAllowed(actor, "create", "candidate", { ownerUserId: actor.userId }, notFound);
  else {
    if (!actor.organisationId) {
      ensureAllowed(actor, "create", "candidate", {}, notFound);
      throw candidatesError("candidate.needs_organisation");
    }
    ensureAllowed(actor, "create", "candidate", { organisationIds: [actor.organisationId] }, notFound);
  }
  const createdVia = self ? "self" : actor.role.startsWith("prescriber") ? "prescriber" : "employer";
  const user = self ? await findUserById(deps.db, actor.userId) : null;
  const profile: CandidateProfile = normaliseProfile({
    firstName: input.firstName,
    lastName: input.lastName,
    email: input.email ?? user?.email ?? null,
    phone: input.phone ?? null,
    birthYear: input.birthYear ?? null,
    address: input.address ?? null,
    targetAppellations: input.targetAppellations ?? [],
    skills: input.skills ?? [],
    languages: input.languages ?? [],
    drivingLicences: input.drivingLicences ?? [],
    mobilityRadiusKm: input.mobilityRadiusKm ?? null,
    mobilityMeans: input.mobilityMeans ?? [],
    availability: input.availability ?? null,
    availableFrom: input.availableFrom ?? null,
    barriers: input.barriers ?? [],
  });
  if (self && (await linkRecordedProfile(deps, actor.userId))) throw candidatesError("candidate.already_exists");
  await validateRome(deps.db, profile);
  const location = await locateAddress(deps, profile.address, at);
  const id = await runInTransaction(deps.db, async (tx) => {
    if (self && (await findCandidateOfUser(tx, actor.userId))) throw candidatesError("candidate.already_exists");
    const id = await insertCandidate(tx, {
      profile,
      location,
      userId: self ? actor.userId : null,
      createdVia,
      createdByUserId: actor.userId,
      createdByOrganisationId: self ? null : actor.organisationId,
      now: at,
    });
    if (createdVia === "prescriber") await addFollower(tx, id, actor.organisationId!, actor.userId, at);
    const givenBy = self ? "candidate" : createdVia === "prescriber" ? "prescriber" : "employer";
    const shown = consentShownTo(givenBy);
    await insertConsent(tx, id, {
      decision: "given",
      purpose: consentPurpose,
      textVersion: shown.version,
      text: shown.text,
      givenBy,
      byUserId: actor.userId,
      byOrganisationId: self ? null : actor.organisationId,
      at,
    });
    await recordChange(tx, id, { action: "created", fields: Object.keys(profile), byUserId: actor.userId, byOrganisationId: self ? null : actor.organisationId, at });
    if (!self) await audit(tx, actor, "candidate.created", id, at, { via: createdVia });
    return id;
  });
  return candidateDto(deps.db, (await findCandidate(deps.db, id))!);
};

export const readCandidate = async (deps: AccountsDeps, actor: Actor | null, id: string): Promise<CandidateDto> => {
  const candidate = await loadAllowed(deps, actor, "read", id);
  const at = now(deps);
  if (isProfessional(actor!)) await audit(deps.db, actor!, "candidate.read", id, at);
  else await touchCandidate(deps.db, id, at);
  return candidateDto(deps.db, candidate);
};

/** A person signing in for the first time finds the profile their counsellor recorded with their verified e-mail. */
const linkRecordedProfile = async (deps: AccountsDeps, userId: string): Promise<CandidateRow | null> => {
  const user = await findUserById(deps.db, userId);
  if (!user?.emailVerifiedAt) return null;
  const id = await runInTransaction(deps.db, (tx) => linkAccountByEmail(tx, userId, user.email, now(deps)));
  return id ? findCandidate(deps.db, id) : null;
};

export const readMine = async (deps: AccountsDeps, actor: Actor | null): Promise<CandidateDto> => {
  if (!actor) throw accountsError("auth.unauthenticated");
  if (actor.role !== "candidate") throw accountsError("auth.forbidden");
  const candidate = (await findCandidateOfUser(deps.db, actor.userId)) ?? (await linkRecordedProfile(deps, actor.userId));
  if (!candidate) throw candidatesError("candidate.no_profile");
  await touchCandidate(deps.db, candidate.id, now(deps));
  return candidateDto(deps.db, candidate);
};

export const listMyCandidates = async (
  deps: AccountsDeps,
  actor: Actor | null,
  query: { q?: string; qpv?: "oui" | "non"; barrier?: string; page: number; pageSize?: number },
) => {
  if (!actor) throw accountsError("auth.unauthenticated");
  if (actor.kind === "candidate") throw accountsError("auth.forbidden");
  if (!actor.organisationId) {
    ensureAllowed(actor, "read", "candidate", {}, notFound);
    throw candidatesError("candidate.needs_organisation");
  }
  ensureAllowed(actor, "read", "candidate", { organisationIds: [actor.organisationId] }, notFound);
  const pageSize = query.pageSize ?? 50;
  const { total, rows } = await listCandidatesOfOrganisation(deps.db, actor.organisationId, {
    q: query.q || undefined,
    qpv: query.qpv === undefined ? undefined : query.qpv === "oui",
    barrier: query.barrier,
    page: query.page,
    pageSize,
  });
  const at = now(deps);
  if (rows.length > 0) {
    await deps.db
      .insertInto("audit_log")
      .values(
        rows.map((r) => ({
          occurred_at: at, actor_user_id: actor.userId, actor_api_key_id: null, organisation_id: actor.organisationId,
          action: "candidate.listed", subject_type: "candidate", subject_id: r.id, details: "{}",
        })),
      )
      .execute();
  }
  return {
    total,
    page: query.page,
    pageSize,
    items: rows.map((r) => ({
      id: r.id,
      firstName: r.first_name,
      lastName: r.last_name,
      communeInsee: r.commune_insee,
      locationLabel: r.geocoded_label,
      qpv: r.qpv_code !== null,
      rural: r.rural_class !== null,
      uncertain: r.location_uncertain,
      barriers: r.barriers,
      targetAppellations: r.target_appellations,
      updatedAt: r.updated_at.toISOString(),
    })),
  };
};

export const updateCandidate = async (deps: CandidatesDeps, actor: Actor | null, id: string, body: UpdateCandidateBody): Promise<CandidateDto> => {
  const candidate = await loadAllowed(deps, actor, "update", id);
  if (candidate.anonymisedAt) throw candidatesError("candidate.anonymised");
  const at = now(deps);
  const patch = normaliseProfile(body as Partial<CandidateProfile>);
  const current: Record<string, unknown> = { ...candidate };
  const fields = changedFields(current, patch as Record<string, unknown>);
  if (fields.length === 0) return candidateDto(deps.db, candidate);
  await validateRome(deps.db, patch);
  const location = fields.includes("address") ? await locateAddress(deps, patch.address ?? null, at) : undefined;
  const changes = Object.fromEntries(fields.map((f) => [f, patch[f as keyof CandidateProfile]])) as Partial<CandidateProfile>;
  await runInTransaction(deps.db, async (tx) => {
    await updateCandidateProfile(tx, id, changes, location, at);
    const professional = isProfessional(actor!);
    await recordChange(tx, id, { action: "updated", fields, byUserId: actor!.userId, byOrganisationId: professional ? actor!.organisationId : null, at });
    if (professional) await audit(tx, actor!, "candidate.updated", id, at, { fields: fields.join(",") });
  });
  return candidateDto(deps.db, (await findCandidate(deps.db, id))!);
};

export const readConsents = async (deps: AccountsDeps, actor: Actor | null, id: string) => {
  await loadAllowed(deps, actor, "read", id);
  if (isProfessional(actor!)) await audit(deps.db, actor!, "candidate.consents_read", id, now(deps));
  return (await listConsents(deps.db, id)).map(consentDto);
};

/** A new consent row (given again, or withdrawn): the history is never rewritten. */
export const recordConsentDecision = async (deps: AccountsDeps, actor: Actor | null, id: string, decision: "given" | "withdrawn") => {
  const candidate = await loadAllowed(deps, actor, "update", id);
  if (candidate.anonymisedAt) throw candidatesError("candidate.anonymised");
  const at = now(deps);
  const self = !isProfessional(actor!);
  await runInTransaction(deps.db, async (tx) => {
    const givenBy = self ? "candidate" : actor!.role.startsWith("prescriber") ? "prescriber" : "employer";
    const shown = consentShownTo(givenBy);
    await insertConsent(tx, id, {
      decision,
      purpose: consentPurpose,
      textVersion: shown.version,
      text: shown.text,
      givenBy,
      byUserId: actor!.userId,
      byOrganisationId: self ? null : actor!.organisationId,
      at,
    });
    await touchCandidate(tx, id, at);
    if (!self) await audit(tx, actor!, `candidate.consent_${decision}`, id, at);
  });
  return (await listConsents(deps.db, id)).map(consentDto);
};

export { barrierLabel };
