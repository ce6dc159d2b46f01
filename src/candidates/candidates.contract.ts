// HTTP contract of candidates (profiles, "mes candidats", consents, CV, RGPD export and erasure).
import { z } from "../shared/zod.ts";
import { barrierCodes } from "./barriers.domain.ts";
import { availabilities, drivingLicences, languageLevels, mobilityMeans } from "./candidates.domain.ts";

const name = (label: string) =>
  z.string(`Indiquez ${label}.`).trim().min(1, `Indiquez ${label}.`).max(100, "100 caractères au plus.");
const optionalText = (max: number, message: string) =>
  z.string().trim().max(max, message).transform((v) => (v === "" ? null : v)).nullable().optional();

const appellationCode = z.string().regex(/^[0-9]{1,7}$/, "Code d'appellation ROME invalide (chiffres attendus).");
const skillCode = z.string().regex(/^[0-9]{1,7}$/, "Code de compétence ROME invalide (chiffres attendus).");

export const candidateProfileFields = {
  firstName: name("le prénom"),
  lastName: name("le nom"),
  email: z
    .string()
    .trim()
    .max(254, "Adresse électronique trop longue.")
    .transform((v) => v.toLowerCase())
    .pipe(z.union([z.literal(""), z.email("Adresse électronique invalide.")]))
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional(),
  phone: z
    .string()
    .trim()
    .max(30, "Numéro de téléphone trop long.")
    .regex(/^(|\+?[0-9 .()-]{6,30})$/, "Numéro de téléphone invalide (chiffres, espaces, +, points ou tirets).")
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional(),
  birthYear: z
    .number("Année de naissance attendue (nombre).")
    .int("Année de naissance attendue (nombre entier).")
    .min(1920, "Année de naissance invalide.")
    .max(new Date().getUTCFullYear() - 14, "La personne doit avoir au moins 14 ans.")
    .nullable()
    .optional(),
  address: optionalText(300, "Adresse trop longue (300 caractères au plus).").describe("Adresse postale sur une ligne ; géocodée pour QPV / ZRR-FRR"),
  targetAppellations: z.array(appellationCode).max(10, "10 métiers recherchés au plus.").optional(),
  skills: z.array(skillCode).max(50, "50 compétences au plus.").optional(),
  languages: z
    .array(z.object({ name: name("la langue"), level: z.enum(languageLevels, "Niveau de langue inconnu.") }))
    .max(10, "10 langues au plus.")
    .optional(),
  drivingLicences: z.array(z.enum(drivingLicences, "Catégorie de permis inconnue.")).max(15).optional(),
  mobilityRadiusKm: z.number("Rayon attendu en kilomètres.").int("Rayon en kilomètres entiers.").min(0, "Rayon positif attendu.").max(200, "200 km au plus.").nullable().optional(),
  mobilityMeans: z.array(z.enum(mobilityMeans, "Moyen de déplacement inconnu.")).max(6).optional(),
  availability: z.enum(availabilities, "Disponibilité inconnue.").nullable().optional(),
  availableFrom: z.iso.date("Date attendue au format AAAA-MM-JJ.").nullable().optional(),
  barriers: z.array(z.enum(barrierCodes, "Frein périphérique inconnu.")).max(barrierCodes.length).optional(),
};

const noDuplicates = (value: { availability?: string | null; availableFrom?: string | null }, ctx: z.RefinementCtx) => {
  if (value.availability === "from_date" && !value.availableFrom) {
    ctx.addIssue({ code: "custom", path: ["availableFrom"], message: "Indiquez la date de disponibilité." });
  }
};

export const createCandidateBodySchema = z
  .object({
    ...candidateProfileFields,
    consent: z.literal(true, "L'accord de la personne est obligatoire pour créer son profil."),
  })
  .superRefine(noDuplicates);
export type CreateCandidateBody = z.infer<typeof createCandidateBodySchema>;

export const updateCandidateBodySchema = z
  .object({ ...candidateProfileFields, firstName: candidateProfileFields.firstName.optional(), lastName: candidateProfileFields.lastName.optional() })
  .superRefine(noDuplicates);
export type UpdateCandidateBody = z.infer<typeof updateCandidateBodySchema>;

export const consentBodySchema = z.object({ decision: z.enum(["given", "withdrawn"], "Décision attendue : given ou withdrawn.") });

export const candidateIdParamsSchema = z.object({ id: z.uuid("Identifiant de candidat invalide.") });

export const listCandidatesQuerySchema = z.object({
  q: z.string().trim().max(100, "Recherche trop longue.").optional(),
  qpv: z.enum(["oui", "non"], "Filtre QPV attendu : oui ou non.").optional(),
  barrier: z.enum(barrierCodes, "Frein périphérique inconnu.").optional(),
  page: z.coerce.number("Page attendue (nombre).").int().min(1, "Page 1 au moins.").max(1000).default(1),
  pageSize: z.coerce.number("Taille de page attendue (nombre).").int().min(1, "Taille de page : 1 au moins.").max(200, "Taille de page : 200 au plus.").default(50),
});

const locationSchema = z.object({
  status: z.enum(["no_address", "located", "not_located"]),
  label: z.string().nullable(),
  communeInsee: z.string().nullable(),
  postcode: z.string().nullable(),
  qpv: z.object({ code: z.string(), name: z.string(), millesime: z.number() }).nullable(),
  rural: z.object({ scheme: z.enum(["zrr", "frr"]), class: z.string(), label: z.string() }).nullable(),
  uncertain: z.boolean().nullable().describe("Vrai quand la réponse QPV pourrait changer dans la précision du géocodage"),
  reasons: z.array(z.object({ code: z.string(), label: z.string() })),
  locatedAt: z.string().nullable(),
});
export type CandidateLocationDto = z.infer<typeof locationSchema>;

export const consentSchema = z.object({
  decision: z.enum(["given", "withdrawn"]),
  purpose: z.string(),
  textVersion: z.string(),
  text: z.string(),
  givenBy: z.enum(["candidate", "prescriber", "employer"]),
  byUserId: z.string().nullable(),
  byOrganisationId: z.string().nullable(),
  at: z.string(),
});

export const candidateSchema = z.object({
  id: z.string(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  birthYear: z.number().nullable(),
  address: z.string().nullable(),
  location: locationSchema,
  targetAppellations: z.array(z.string()),
  skills: z.array(z.string()),
  targetAppellationLabels: z.array(z.object({ code: z.string(), label: z.string() })).describe("Libellés ROME 4.0 des métiers recherchés"),
  skillLabels: z.array(z.object({ code: z.string(), label: z.string() })).describe("Libellés ROME 4.0 des compétences"),
  languages: z.array(z.object({ name: z.string(), level: z.enum(languageLevels) })),
  drivingLicences: z.array(z.string()),
  mobilityRadiusKm: z.number().nullable(),
  mobilityMeans: z.array(z.string()),
  availability: z.enum(availabilities).nullable(),
  availableFrom: z.string().nullable(),
  barriers: z.array(z.string()),
  createdVia: z.enum(["self", "prescriber", "employer"]),
  hasAccount: z.boolean(),
  followedBy: z.array(z.object({ organisationId: z.string(), name: z.string(), since: z.string() })),
  cv: z.object({ fileName: z.string(), sizeBytes: z.number(), uploadedAt: z.string() }).nullable(),
  consent: consentSchema.nullable().describe("La dernière décision de consentement"),
  createdAt: z.string(),
  updatedAt: z.string(),
  anonymisedAt: z.string().nullable(),
});
export type CandidateDto = z.infer<typeof candidateSchema>;

export const candidateListItemSchema = z.object({
  id: z.string(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  communeInsee: z.string().nullable(),
  locationLabel: z.string().nullable(),
  qpv: z.boolean(),
  rural: z.boolean(),
  uncertain: z.boolean().nullable(),
  barriers: z.array(z.string()),
  targetAppellations: z.array(z.string()),
  updatedAt: z.string(),
});
export const candidateListSchema = z.object({
  items: z.array(candidateListItemSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type CandidateList = z.infer<typeof candidateListSchema>;

export const barriersResponseSchema = z.array(z.object({ code: z.string(), label: z.string() }));
export const consentTextSchema = z.object({
  purpose: z.string(),
  version: z.string(),
  text: z.string(),
  textOnBehalf: z.string().describe("Recueilli par un conseiller ou une conseillère"),
  employerVersion: z.string(),
  textOnBehalfEmployer: z.string().describe("Recueilli par l'employeur qui embauche (embauche directe)"),
});

export const candidatesRoutes = {
  barriers: { method: "GET", url: "/api/v1/candidates/barriers" },
  consentText: { method: "GET", url: "/api/v1/candidates/consent-text" },
  list: { method: "GET", url: "/api/v1/candidates" },
  create: { method: "POST", url: "/api/v1/candidates" },
  mine: { method: "GET", url: "/api/v1/candidates/me" },
  get: { method: "GET", url: "/api/v1/candidates/:id" },
  update: { method: "PATCH", url: "/api/v1/candidates/:id" },
  consents: { method: "GET", url: "/api/v1/candidates/:id/consents" },
  recordConsent: { method: "POST", url: "/api/v1/candidates/:id/consents" },
  uploadCv: { method: "PUT", url: "/api/v1/candidates/:id/cv" }, // body: the PDF itself (Content-Type: application/pdf), ?name=
  downloadCv: { method: "GET", url: "/api/v1/candidates/:id/cv" },
  deleteCv: { method: "DELETE", url: "/api/v1/candidates/:id/cv" },
  export: { method: "GET", url: "/api/v1/candidates/:id/export" },
  erase: { method: "POST", url: "/api/v1/candidates/:id/erasure" },
} as const;
