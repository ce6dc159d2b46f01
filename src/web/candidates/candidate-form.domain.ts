// The candidate form: its state (strings, as typed) ↔ the API body. Pure.
import type { CandidateDto, CreateCandidateBody } from "../../candidates/candidates.contract.ts";
import type { Availability, LanguageLevel } from "../../candidates/candidates.domain.ts";
import type { CodeLabel } from "../forms/code-picker.domain.ts";

export type CandidateFormState = {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  birthYear: string;
  address: string;
  targetAppellations: CodeLabel[];
  skills: CodeLabel[];
  languages: { name: string; level: LanguageLevel }[];
  drivingLicences: string[];
  mobilityRadiusKm: string;
  mobilityMeans: string[];
  availability: Availability | "";
  availableFrom: string;
  barriers: string[];
};

export const emptyCandidateForm: CandidateFormState = {
  firstName: "", lastName: "", email: "", phone: "", birthYear: "", address: "",
  targetAppellations: [], skills: [], languages: [], drivingLicences: [], mobilityRadiusKm: "", mobilityMeans: [],
  availability: "", availableFrom: "", barriers: [],
};

export const formFromCandidate = (c: CandidateDto): CandidateFormState => ({
  firstName: c.firstName ?? "",
  lastName: c.lastName ?? "",
  email: c.email ?? "",
  phone: c.phone ?? "",
  birthYear: c.birthYear === null ? "" : String(c.birthYear),
  address: c.address ?? "",
  targetAppellations: c.targetAppellationLabels,
  skills: c.skillLabels,
  languages: c.languages,
  drivingLicences: c.drivingLicences,
  mobilityRadiusKm: c.mobilityRadiusKm === null ? "" : String(c.mobilityRadiusKm),
  mobilityMeans: c.mobilityMeans,
  availability: c.availability ?? "",
  availableFrom: c.availableFrom ?? "",
  barriers: c.barriers,
});

/** A typed integer, or the text itself so that the server answers with its French message. */
const integerOrText = (value: string): number | string | null => {
  const trimmed = value.trim();
  if (trimmed === "") return null;
  return /^[0-9]+$/.test(trimmed) ? Number(trimmed) : trimmed;
};

export type CandidateBody = Omit<CreateCandidateBody, "consent">;

export const bodyFromForm = (form: CandidateFormState): CandidateBody =>
  ({
    firstName: form.firstName,
    lastName: form.lastName,
    email: form.email,
    phone: form.phone,
    birthYear: integerOrText(form.birthYear),
    address: form.address,
    targetAppellations: form.targetAppellations.map((a) => a.code),
    skills: form.skills.map((s) => s.code),
    languages: form.languages.filter((l) => l.name.trim() !== ""),
    drivingLicences: form.drivingLicences,
    mobilityRadiusKm: integerOrText(form.mobilityRadiusKm),
    mobilityMeans: form.mobilityMeans,
    availability: form.availability === "" ? null : form.availability,
    availableFrom: form.availability === "from_date" && form.availableFrom ? form.availableFrom : null,
    barriers: form.barriers,
  }) as CandidateBody;

/** Adds a value to a list once, or removes it. */
export const toggle = <T>(list: T[], value: T): T[] => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

/** The id of the input of a field, for the error summary links. */
export const fieldIds: Record<string, string> = {
  firstName: "candidate-first-name",
  lastName: "candidate-last-name",
  email: "candidate-email",
  phone: "candidate-phone",
  birthYear: "candidate-birth-year",
  address: "candidate-address",
  targetAppellations: "candidate-appellations",
  skills: "candidate-skills",
  languages: "candidate-languages",
  mobilityRadiusKm: "candidate-radius",
  availability: "candidate-availability",
  availableFrom: "candidate-available-from",
  barriers: "candidate-barriers",
  consent: "candidate-consent-choice-0", // the checkbox component names its input `${fieldset id}-0`
};

/** Field errors of nested paths ("languages.0.name") are shown on their list. */
export const topLevelErrors = (errors: Record<string, string>): Record<string, string> => {
  const result: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    const top = field.split(".")[0]!;
    result[top] ??= message;
  }
  return result;
};

/** The server words the missing agreement for a counsellor ("l'accord de la personne"): the person filling in their own profile is told in their own terms. */
export const consentRequiredSelf = "Cochez la case pour donner votre accord : il est nécessaire pour créer votre profil.";
export const errorsForSelf = (errors: Record<string, string>): Record<string, string> =>
  errors.consent ? { ...errors, consent: consentRequiredSelf } : errors;

export const formatBytes = (bytes: number): string =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024)).toLocaleString("fr-FR")} ko` : `${(bytes / (1024 * 1024)).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} Mo`;

export const formatDateFr = (iso: string): string =>
  new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" }).format(new Date(iso));
