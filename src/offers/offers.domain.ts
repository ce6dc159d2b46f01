// Job offers: contract types by structure kind, staleness, search text. Pure.
import { foldText } from "../geocoder/address-normaliser.ts";
import type { EmployerKind } from "../organisations/organisations.domain.ts";

/** Contract types of les emplois de l'inclusion (iae_structure_kinds.json), plus the internship of an ordinary company. */
export const contractTypeLabels = {
  PERMANENT: "CDI",
  PERMANENT_I: "CDI inclusion",
  FIXED_TERM: "CDD",
  FIXED_TERM_USAGE: "CDD d'usage",
  FIXED_TERM_I: "CDD insertion",
  FIXED_TERM_I_PHC: "CDD-I PHC",
  FIXED_TERM_I_CVG: "CDD-I CVG",
  FIXED_TERM_TREMPLIN: "CDD Tremplin",
  APPRENTICESHIP: "Contrat d'apprentissage",
  PROFESSIONAL_TRAINING: "Contrat de professionnalisation",
  TEMPORARY: "Contrat de mission intérimaire",
  INTERNSHIP: "Stage",
  BUSINESS_CREATION: "Accompagnement à la création d'entreprise",
  OTHER: "Autre type de contrat",
} as const;
export type ContractType = keyof typeof contractTypeLabels;
export const contractTypes = Object.keys(contractTypeLabels) as ContractType[];

const siae: readonly ContractType[] = ["FIXED_TERM_I", "FIXED_TERM_USAGE", "TEMPORARY", "PROFESSIONAL_TRAINING", "OTHER"];
const adapted: readonly ContractType[] = ["PERMANENT", "FIXED_TERM", "TEMPORARY", "FIXED_TERM_TREMPLIN", "APPRENTICESHIP", "PROFESSIONAL_TRAINING", "OTHER"];
const ordinary: readonly ContractType[] = ["PERMANENT", "FIXED_TERM", "TEMPORARY", "APPRENTICESHIP", "PROFESSIONAL_TRAINING", "INTERNSHIP", "OTHER"];

/** What each employer kind may offer (SIAE, GEIQ, EA from les emplois; ordinary and public employers: common law contracts). */
export const allowedContractTypesByKind: Record<EmployerKind, readonly ContractType[]> = {
  entreprise: ordinary,
  employeur_public: ordinary,
  ACI: siae,
  AI: siae,
  EI: siae,
  ETTI: siae,
  EITI: ["BUSINESS_CREATION", "OTHER"],
  GEIQ: ["APPRENTICESHIP", "PROFESSIONAL_TRAINING", "OTHER"],
  EA: adapted,
  EATT: adapted,
};

export const allowedContractTypes = (kind: string): readonly ContractType[] =>
  allowedContractTypesByKind[kind as EmployerKind] ?? [];

export const isContractTypeAllowed = (kind: string, contractType: string): boolean =>
  allowedContractTypes(kind).includes(contractType as ContractType);

/** An offer not updated for 60 days is flagged to its employer, and closed after 90. */
export const staleRules = { flagAfterDays: 60, closeAfterDays: 90 } as const;
const dayMs = 86_400_000;

export type Staleness = "fresh" | "stale" | "expired";

export const stalenessOf = (updatedAt: Date, now: Date): Staleness => {
  const age = now.getTime() - updatedAt.getTime();
  if (age >= staleRules.closeAfterDays * dayMs) return "expired";
  if (age >= staleRules.flagAfterDays * dayMs) return "stale";
  return "fresh";
};

export const staleSince = (now: Date): Date => new Date(now.getTime() - staleRules.flagAfterDays * dayMs);
export const expiredSince = (now: Date): Date => new Date(now.getTime() - staleRules.closeAfterDays * dayMs);
/** The day an open offer will be closed automatically if nobody updates it. */
export const autoCloseDate = (updatedAt: Date): Date => new Date(updatedAt.getTime() + staleRules.closeAfterDays * dayMs);

export const closeReasons = {
  filled: "Poste pourvu",
  cancelled: "Recrutement abandonné",
  other: "Autre raison",
} as const;
export type CloseReason = keyof typeof closeReasons;

export const statusReasonLabels = {
  created: "Offre publiée",
  reopened: "Offre rouverte",
  ...closeReasons,
  stale: "Fermée automatiquement : sans mise à jour depuis 90 jours",
} as const;
export type StatusReason = keyof typeof statusReasonLabels;

/** Folded text the keyword search looks into: title, appellation and fiche labels. */
export const offerSearchText = (parts: { title: string; appellationLabel: string; romeLabel: string }): string =>
  foldText(`${parts.title} ${parts.appellationLabel} ${parts.romeLabel}`);

/** Keywords of a search: folded words (at most 6). */
export const searchWords = (q: string | undefined): string[] => foldText(q ?? "").split(" ").filter(Boolean).slice(0, 6);

export const radiusRules = { minKm: 2, maxKm: 100, defaultKm: 30 } as const;
