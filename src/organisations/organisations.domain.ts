// Organisation kinds (employers, prescribers, territorial operators), SIRET
// validation, memberships rules. Pure: no I/O.
export type OrganisationFamily = "employer" | "prescriber" | "operator";
export type MembershipRole = "member" | "admin";
export type PrescriberAuthorization = "NOT_SET" | "VALIDATED" | "REFUSED" | "NOT_REQUIRED";

/** Employers: ordinary and public employers plus the kinds of iae_structure_kinds.json (OPCS is a clause facilitator, see operators). */
export const employerKinds = {
  entreprise: "Entreprise",
  employeur_public: "Employeur public",
  EI: "Entreprise d'insertion",
  AI: "Association intermédiaire",
  ACI: "Atelier chantier d'insertion",
  ETTI: "Entreprise de travail temporaire d'insertion",
  EITI: "Entreprise d'insertion par le travail indépendant",
  GEIQ: "Groupement d'employeurs pour l'insertion et la qualification",
  EA: "Entreprise adaptée",
  EATT: "Entreprise adaptée de travail temporaire",
} as const;

/** The 34 kinds of prescriber_organization_kinds.json (les emplois de l'inclusion). */
export const prescriberKinds = {
  AFPA: "AFPA - Agence nationale pour la formation professionnelle des adultes",
  ASE: "ASE - Aide sociale à l'enfance",
  Orienteur: "Autre organisation (orienteur)",
  CAARUD: "CAARUD - Centre d'accueil et d'accompagnement à la réduction de risques pour usagers de drogues",
  CADA: "CADA - Centre d'accueil de demandeurs d'asile",
  CAF: "CAF - Caisse d'allocations familiales",
  CAP_EMPLOI: "Cap emploi",
  CAVA: "CAVA - Centre d'adaptation à la vie active",
  CCAS: "CCAS - Centre communal d'action sociale ou centre intercommunal d'action sociale",
  CHRS: "CHRS - Centre d'hébergement et de réinsertion sociale",
  CHU: "CHU - Centre d'hébergement d'urgence",
  CIDFF: "CIDFF - Centre d'information sur les droits des femmes et des familles",
  CPH: "CPH - Centre provisoire d'hébergement",
  CSAPA: "CSAPA - Centre de soins, d'accompagnement et de prévention en addictologie",
  E2C: "E2C - École de la deuxième chance",
  EPIDE: "EPIDE - Établissement pour l'insertion dans l'emploi",
  FT: "France Travail",
  HUDA: "HUDA - Hébergement d'urgence pour demandeurs d'asile",
  ML: "Mission locale",
  MSA: "MSA - Mutualité Sociale Agricole",
  OACAS: "OACAS - Structure porteuse d'un agrément national organisme d'accueil communautaire et d'activité solidaire",
  OIL: "Opérateur d'intermédiation locative",
  ODC: "Organisation délégataire d'un Conseil Départemental (Orientation et suivi des BRSA)",
  OHPD: "Organisme habilité par le préfet de département",
  OCASF: "Organisme mentionné au 8° du I de l'article L. 312-1 du code de l'action sociale et des familles",
  PENSION: "Pension de famille / résidence accueil",
  PIJ_BIJ: "PIJ-BIJ - Point/Bureau information jeunesse",
  PJJ: "PJJ - Protection judiciaire de la jeunesse",
  PLIE: "PLIE - Plan local pour l'insertion et l'emploi",
  RS_FJT: "Résidence sociale / FJT - Foyer de Jeunes Travailleurs",
  PREVENTION: "Service ou club de prévention",
  DEPT: "Service social du conseil départemental",
  SPIP: "SPIP - Service pénitentiaire d'insertion et de probation",
  Autre: "Autre",
} as const;

/** Kinds a professional cannot pick when creating an organisation (a platform admin can). */
export const adminOnlyPrescriberKinds: readonly PrescriberKind[] = ["FT", "OHPD", "OCASF", "Orienteur"];

export const operatorKinds = {
  cite_emploi: "Cité de l'emploi",
  collectivite: "Collectivité territoriale",
  facilitateur_clauses: "Facilitateur des clauses sociales",
} as const;

export type EmployerKind = keyof typeof employerKinds;
export type PrescriberKind = keyof typeof prescriberKinds;
export type OperatorKind = keyof typeof operatorKinds;
export type OrganisationKind = EmployerKind | PrescriberKind | OperatorKind;

export const organisationKinds = [
  ...Object.keys(employerKinds),
  ...Object.keys(prescriberKinds),
  ...Object.keys(operatorKinds),
] as OrganisationKind[];

export const familyOfKind = (kind: OrganisationKind): OrganisationFamily =>
  kind in employerKinds ? "employer" : kind in prescriberKinds ? "prescriber" : "operator";

export const kindLabel = (kind: OrganisationKind): string =>
  ({ ...employerKinds, ...prescriberKinds, ...operatorKinds })[kind];

/**
 * A new prescriber organisation waits for its authorisation to be validated
 * (it acts as "orienteur" meanwhile); "Orienteur" and "Autre" never need one.
 */
export const initialAuthorization = (kind: OrganisationKind): PrescriberAuthorization | null => {
  if (familyOfKind(kind) !== "prescriber") return null;
  return kind === "Orienteur" || kind === "Autre" ? "NOT_REQUIRED" : "NOT_SET";
};

/** Only a prescriber whose authorisation is VALIDATED is "habilité"; every other one is an orienteur. */
export const isAuthorizedPrescriber = (family: OrganisationFamily, status: PrescriberAuthorization | null): boolean =>
  family === "prescriber" && status === "VALIDATED";

/** La Poste's establishments share one SIREN and break Luhn; their SIRET digits sum to a multiple of 5. */
const laPosteSiren = "356000000";

/** Luhn over a string of digits (rightmost digit not doubled). */
export const luhnValid = (digits: string): boolean => {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
};

export type SiretVerdict = "valid" | "not_14_digits" | "bad_checksum";

/** Checks a SIRET (spaces allowed between groups): 14 digits, SIREN and SIRET Luhn, La Poste exception. */
export const checkSiret = (input: string): SiretVerdict => {
  const siret = input.replace(/\s+/g, "");
  if (!/^\d{14}$/.test(siret)) return "not_14_digits";
  const siren = siret.slice(0, 9);
  if (siren === laPosteSiren) {
    const sum = [...siret].reduce((total, digit) => total + Number(digit), 0);
    return sum % 5 === 0 ? "valid" : "bad_checksum";
  }
  return luhnValid(siren) && luhnValid(siret) ? "valid" : "bad_checksum";
};

export const normaliseSiret = (input: string): string => input.replace(/\s+/g, "");

export const invitationValidityDays = 14;
export const invitationTtlMs = invitationValidityDays * 86_400_000;

/** The last admin can neither leave nor be demoted: an organisation always keeps one. */
export const keepsAnAdmin = (admins: number, change: { removesAdmin: boolean }): boolean => !change.removesAdmin || admins > 1;
