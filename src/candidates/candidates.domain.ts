// Candidates: vocabularies, consent text, location assessment, change detection,
// retention rules and anonymisation. Pure (no SQL, no Fastify), shared with the web
// where useful.
import type { Certainty } from "../geo/certainty.ts";
import type { Membership } from "../geo/geography.types.ts";
import type { GeocodeResult } from "../geocoder/geocoder.types.ts";

/** French driving licence categories (permis de conduire). */
export const drivingLicences = ["AM", "A1", "A2", "A", "B1", "B", "BE", "C1", "C1E", "C", "CE", "D1", "D1E", "D", "DE"] as const;
export type DrivingLicence = (typeof drivingLicences)[number];

export const mobilityMeans = ["walk", "bike", "public_transport", "two_wheeler", "car", "carpool"] as const;
export type MobilityMean = (typeof mobilityMeans)[number];
export const mobilityMeanLabels: Record<MobilityMean, string> = {
  walk: "À pied",
  bike: "Vélo",
  public_transport: "Transports en commun",
  two_wheeler: "Deux-roues motorisé",
  car: "Voiture personnelle",
  carpool: "Covoiturage",
};

export const languageLevels = ["basic", "intermediate", "fluent", "native"] as const;
export type LanguageLevel = (typeof languageLevels)[number];
export const languageLevelLabels: Record<LanguageLevel, string> = {
  basic: "Notions",
  intermediate: "Intermédiaire",
  fluent: "Courant",
  native: "Langue maternelle",
};

export const availabilities = ["immediate", "from_date", "unavailable"] as const;
export type Availability = (typeof availabilities)[number];
export const availabilityLabels: Record<Availability, string> = {
  immediate: "Disponible immédiatement",
  from_date: "Disponible à partir d'une date",
  unavailable: "Pas disponible pour le moment",
};

/** Who created the profile, and who recorded a consent decision, in French (export, profile page). */
export const createdViaLabels: Record<"self" | "prescriber" | "employer", string> = {
  self: "par la personne",
  prescriber: "par un conseiller ou une conseillère",
  employer: "par un employeur",
};
export const consentGivenByLabels: Record<string, string> = { candidate: "par la personne", prescriber: "recueilli par un conseiller", employer: "recueilli par un employeur" };
export const consentDecisionLabels: Record<string, string> = { given: "Accord donné", withdrawn: "Accord retiré" };

/** The consent asked before a profile is created; its version is stored with each consent row. */
export const consentPurpose = "accompagnement_candidatures";
export const consentVersion = "2026-12-01";
export const consentText =
  "J'accepte que Tremplin enregistre les informations de ce profil (coordonnées, adresse, parcours, freins périphériques, CV) " +
  "pour m'accompagner dans ma recherche d'emploi et transmettre mes candidatures aux employeurs que je choisis, " +
  "avec mon conseiller ou ma conseillère. Ces informations sont conservées tant que le profil est actif et supprimées " +
  "(anonymisées) après 2 ans sans activité. Je peux à tout moment les consulter, les exporter, retirer mon accord " +
  "ou demander leur effacement.";
/** The same consent recorded by a professional on the candidate's behalf (they confirm the person agreed). */
export const consentTextOnBehalf = `La personne a été informée et a donné son accord : « ${consentText} »`;

/**
 * The consent of a person an employer records for a direct hire: no counsellor there, the employer who hires.
 * A text of its own, hence its own version; consent rows keep the text that was shown.
 */
export const consentEmployerVersion = "2026-12-02-employeur";
export const consentTextEmployer =
  "J'accepte que Tremplin enregistre les informations de ce profil (coordonnées, adresse, parcours, freins périphériques, CV) " +
  "pour que l'employeur qui m'embauche déclare mon embauche et suive mon parcours, et pour transmettre mes candidatures " +
  "aux employeurs que je choisis. Ces informations sont conservées tant que le profil est actif et supprimées " +
  "(anonymisées) après 2 ans sans activité. Je peux à tout moment les consulter, les exporter, retirer mon accord " +
  "ou demander leur effacement.";
export const consentTextOnBehalfEmployer = `La personne a été informée et a donné son accord : « ${consentTextEmployer} »`;

/** Who records a consent decision: the person, a counsellor, or an employer. */
export type ConsentRecorder = "candidate" | "prescriber" | "employer";
/** The text (and its version) shown to whoever records the decision. */
export const consentShownTo = (givenBy: ConsentRecorder): { version: string; text: string } =>
  givenBy === "candidate"
    ? { version: consentVersion, text: consentText }
    : givenBy === "prescriber"
      ? { version: consentVersion, text: consentTextOnBehalf }
      : { version: consentEmployerVersion, text: consentTextOnBehalfEmployer };

// --- Location ---

export type CandidateLocation = {
  status: "no_address" | "located" | "not_located";
  geocodedLabel: string | null;
  communeInsee: string | null;
  postcode: string | null;
  lat: number | null;
  lon: number | null;
  qpv: { code: string; name: string; millesime: number } | null;
  rural: { scheme: "zrr" | "frr"; class: string; label: string } | null;
  uncertain: boolean | null;
  reasons: string[];
};

export const noLocation: CandidateLocation = {
  status: "no_address", geocodedLabel: null, communeInsee: null, postcode: null, lat: null, lon: null, qpv: null, rural: null, uncertain: null, reasons: [],
};

/**
 * What is kept of a geocoded address: the commune, the point (needed to match offers
 * within the mobility radius) and the QPV / ZRR-FRR result with its certainty.
 * A failed geocoding is uncertain by definition (the answer is unknown).
 */
export const locationFrom = (
  result: GeocodeResult,
  classified: { membership: Membership; certainty: Certainty } | null,
  ruralOfCommune: CandidateLocation["rural"],
): CandidateLocation => {
  if (!result.ok || !classified) {
    return { ...noLocation, status: "not_located", communeInsee: result.ok ? result.citycode : (result.citycode ?? null), rural: ruralOfCommune, uncertain: true, reasons: result.ok ? [] : [`geocoding_${result.reason}`] };
  }
  const { membership, certainty } = classified;
  return {
    status: "located",
    geocodedLabel: result.label,
    communeInsee: result.citycode,
    postcode: result.postcode,
    lat: result.lat,
    lon: result.lon,
    qpv: membership.qpv ? { code: membership.qpv.code, name: membership.qpv.name, millesime: membership.qpv.millesime } : null,
    rural: membership.rural ? { scheme: membership.rural.scheme, class: membership.rural.class, label: membership.rural.label } : null,
    uncertain: certainty.uncertain,
    reasons: certainty.reasons,
  };
};

export const uncertaintyReasonLabels: Record<string, string> = {
  low_score: "adresse reconnue avec un score faible",
  imprecise_match: "adresse trouvée seulement à la rue ou à la commune, un QPV est à portée",
  near_boundary: "adresse à moins de 30 m de la limite d'un QPV",
  geocoding_empty_address: "adresse vide ou inexploitable",
  geocoding_commune_not_found: "commune introuvable",
  geocoding_commune_not_covered: "adresses de la commune non importées",
  geocoding_street_not_found: "voie introuvable dans la commune",
  geocoding_remote_error: "géocodeur national indisponible",
};

// --- Changes ---

/** Names of the fields whose value differs (deep comparison through JSON). */
export const changedFields = <T extends Record<string, unknown>>(before: T, patch: Partial<T>): (keyof T & string)[] =>
  (Object.keys(patch) as (keyof T & string)[]).filter((key) => patch[key] !== undefined && JSON.stringify(before[key] ?? null) !== JSON.stringify(patch[key] ?? null));

// --- Retention (RGPD) ---

const day = 86_400_000;
export const retention = {
  /** A profile without activity for this long is notified, then anonymised. */
  inactivityMs: 730 * day,
  /** Time left to the person between the notice and the anonymisation. */
  noticeMs: 30 * day,
  noticeDays: 30,
};

export type RetentionState = { lastActivityAt: Date; inactivityNotifiedAt: Date | null; anonymisedAt: Date | null };

/** What the scheduled job does with one profile at `now`. */
export const retentionStep = (c: RetentionState, now: Date): "keep" | "notify" | "anonymise" | "wait" => {
  if (c.anonymisedAt) return "keep";
  const inactiveSince = now.getTime() - c.lastActivityAt.getTime();
  if (inactiveSince < retention.inactivityMs) return "keep";
  if (!c.inactivityNotifiedAt || c.inactivityNotifiedAt < c.lastActivityAt) return "notify";
  return now.getTime() - c.inactivityNotifiedAt.getTime() >= retention.noticeMs ? "anonymise" : "wait";
};

/** Cut-off dates the SQL queries use: the same rule as `retentionStep`. */
export const retentionCutoffs = (now: Date) => ({
  inactiveBefore: new Date(now.getTime() - retention.inactivityMs),
  notifiedBefore: new Date(now.getTime() - retention.noticeMs),
});

// --- CV ---

export const cvMaxBytes = 5 * 1024 * 1024;
/** "%PDF-" */
const pdfMagic = [0x25, 0x50, 0x44, 0x46, 0x2d];

export type CvVerdict = "ok" | "empty" | "too_large" | "not_pdf";

/** The type is checked by its first bytes ("%PDF-"), never by the name or the declared type. */
export const checkCv = (content: Uint8Array): CvVerdict => {
  if (content.byteLength === 0) return "empty";
  if (content.byteLength > cvMaxBytes) return "too_large";
  if (content.byteLength < pdfMagic.length || pdfMagic.some((byte, i) => content[i] !== byte)) return "not_pdf";
  return "ok";
};

/** A file name safe to store and to send back in Content-Disposition. */
export const safeFileName = (name: string | undefined): string => {
  const base = (name ?? "").split(/[\\/]/).pop() ?? "";
  const cleaned = base.normalize("NFC").replace(/[^\p{L}\p{N} ._()-]/gu, "_").replace(/\s+/g, " ").trim().slice(0, 120);
  if (!cleaned) return "cv.pdf";
  return cleaned.toLowerCase().endsWith(".pdf") ? cleaned : `${cleaned}.pdf`;
};
