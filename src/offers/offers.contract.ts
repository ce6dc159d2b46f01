// HTTP contract of job offers: public search, offer page, employer directory,
// employer CRUD and status changes, partner read-only access.
import { z } from "../shared/zod.ts";
import { closeReasons, type ContractType, contractTypes, radiusRules, statusReasonLabels } from "./offers.domain.ts";

const contractTypeEnum = z.enum(contractTypes as [ContractType, ...ContractType[]], "Type de contrat inconnu.");
const inseeCode = z.string().trim().regex(/^[0-9][0-9AB][0-9]{3}$/, "Code INSEE de commune attendu (5 caractères, ex. 75111).");
const flag = z.boolean("Vrai ou faux attendu.");

export const offerIdParamsSchema = z.object({ id: z.uuid("Identifiant d'offre invalide.") });
export const organisationOffersParamsSchema = z.object({ id: z.uuid("Identifiant d'organisation invalide.") });

const offerFields = {
  appellationCode: z.string("Choisissez le métier (appellation ROME).").trim().regex(/^\d{1,10}$/, "Choisissez le métier dans la liste des appellations ROME."),
  title: z.string("Indiquez l'intitulé du poste.").trim().min(1, "Indiquez l'intitulé du poste.").max(200, "Intitulé trop long (200 caractères au plus)."),
  description: z.string().trim().max(10000, "Description trop longue (10 000 caractères au plus)."),
  contractType: contractTypeEnum,
  hoursPerWeek: z.number("Indiquez la durée hebdomadaire en heures.").positive("La durée hebdomadaire doit être positive.").max(48, "48 heures par semaine au plus."),
  positions: z.number("Indiquez le nombre de postes.").int("Nombre entier de postes attendu.").min(1, "Au moins un poste.").max(1000, "1 000 postes au plus."),
  communeInsee: inseeCode.describe("Lieu de travail : code INSEE de la commune (ou bien `address`)"),
  address: z.string().trim().min(3, "Adresse trop courte.").max(300, "Adresse trop longue (300 caractères au plus).").describe("Lieu de travail : adresse, géocodée hors ligne"),
  withoutCv: flag.describe("Recrutement sans CV"),
  openToBeginners: flag.describe("Ouvert aux débutants"),
  drivingLicenceRequired: flag.describe("Permis de conduire exigé"),
};

export const createOfferBodySchema = z
  .object({
    ...offerFields,
    description: offerFields.description.default(""),
    positions: offerFields.positions.default(1),
    communeInsee: offerFields.communeInsee.optional(),
    address: offerFields.address.optional(),
    withoutCv: flag.default(false),
    openToBeginners: flag.default(false),
    drivingLicenceRequired: flag.default(false),
  })
  .refine((body) => body.communeInsee !== undefined || body.address !== undefined, {
    message: "Indiquez le lieu de travail : une commune ou une adresse.",
    path: ["communeInsee"],
  });
export const updateOfferBodySchema = z
  .object({
    appellationCode: offerFields.appellationCode,
    title: offerFields.title,
    description: offerFields.description,
    contractType: offerFields.contractType,
    hoursPerWeek: offerFields.hoursPerWeek,
    positions: offerFields.positions,
    communeInsee: offerFields.communeInsee,
    address: offerFields.address,
    withoutCv: offerFields.withoutCv,
    openToBeginners: offerFields.openToBeginners,
    drivingLicenceRequired: offerFields.drivingLicenceRequired,
  })
  .partial();
export type CreateOfferBody = z.infer<typeof createOfferBodySchema>;
export type UpdateOfferBody = z.infer<typeof updateOfferBodySchema>;

export const closeOfferBodySchema = z.object({
  reason: z.enum(Object.keys(closeReasons) as [keyof typeof closeReasons, ...(keyof typeof closeReasons)[]], "Motif de fermeture attendu : filled, cancelled ou other."),
  comment: z.string().trim().max(1000, "Commentaire trop long (1 000 caractères au plus).").optional(),
});
export const reopenOfferBodySchema = z.object({
  comment: z.string().trim().max(1000, "Commentaire trop long (1 000 caractères au plus).").optional(),
});

const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (typeof value === "string" ? value.split(",").filter(Boolean) : value), z.array(item).max(20, "20 valeurs au plus."));

export const offerSearchQuerySchema = z
  .object({
    q: z.string().max(100, "Recherche trop longue (100 caractères au plus).").optional().describe("Mots-clés (intitulé, métier)"),
    appellation: z.string().regex(/^\d{1,10}$/, "Code d'appellation ROME invalide.").optional().describe("Code OGR de l'appellation ROME"),
    commune: inseeCode.optional().describe("Code INSEE de la commune autour de laquelle chercher"),
    lat: z.coerce.number("Latitude attendue.").min(-90, "Latitude entre -90 et 90.").max(90, "Latitude entre -90 et 90.").optional(),
    lon: z.coerce.number("Longitude attendue.").min(-180, "Longitude entre -180 et 180.").max(180, "Longitude entre -180 et 180.").optional(),
    radiusKm: z.coerce
      .number("Rayon en kilomètres attendu.")
      .min(radiusRules.minKm, `Rayon de ${radiusRules.minKm} km au moins.`)
      .max(radiusRules.maxKm, `Rayon de ${radiusRules.maxKm} km au plus.`)
      .optional(),
    contractType: oneOrMany(contractTypeEnum).optional().describe("Un ou plusieurs types de contrat, séparés par des virgules"),
    structureKind: oneOrMany(z.string().regex(/^[A-Za-z_]{2,30}$/, "Type de structure inconnu.")).optional().describe("Un ou plusieurs types de structure (entreprise, ACI, EI…)"),
    employer: z.uuid("Identifiant d'employeur invalide.").optional(),
    withoutCv: z.enum(["true", "false"], "true ou false attendu.").transform((v) => v === "true").optional(),
    openToBeginners: z.enum(["true", "false"], "true ou false attendu.").transform((v) => v === "true").optional(),
    page: z.coerce.number("Numéro de page attendu.").int("Numéro de page entier attendu.").min(1, "Page 1 au moins.").max(1000, "Page 1 000 au plus.").default(1),
    perPage: z.coerce.number("Nombre de résultats attendu.").int("Nombre entier attendu.").min(1, "1 résultat au moins.").max(100, "100 résultats par page au plus.").default(20),
  })
  .refine((query) => (query.lat === undefined) === (query.lon === undefined), { message: "Donnez la latitude et la longitude ensemble.", path: ["lat"] })
  .refine((query) => query.radiusKm === undefined || query.commune !== undefined || query.lat !== undefined, {
    message: "Un rayon se donne avec une commune ou un point.",
    path: ["radiusKm"],
  });
export type OfferSearchQuery = z.infer<typeof offerSearchQuerySchema>;

export const employerDirectoryQuerySchema = z.object({
  q: z.string().max(100, "Recherche trop longue (100 caractères au plus).").optional(),
  structureKind: oneOrMany(z.string().regex(/^[A-Za-z_]{2,30}$/, "Type de structure inconnu.")).optional(),
  page: z.coerce.number("Numéro de page attendu.").int("Numéro de page entier attendu.").min(1, "Page 1 au moins.").max(1000, "Page 1 000 au plus.").default(1),
  perPage: z.coerce.number("Nombre de résultats attendu.").int("Nombre entier attendu.").min(1, "1 résultat au moins.").max(100, "100 résultats par page au plus.").default(20),
});

const statusSchema = z.enum(["open", "closed"]);
export const offerSchema = z.object({
  id: z.string(),
  status: statusSchema,
  title: z.string(),
  description: z.string(),
  appellation: z.object({ code: z.string(), label: z.string(), romeCode: z.string(), romeLabel: z.string() }),
  contractType: z.string(),
  contractTypeLabel: z.string(),
  hoursPerWeek: z.number(),
  positions: z.number(),
  withoutCv: z.boolean(),
  openToBeginners: z.boolean(),
  drivingLicenceRequired: z.boolean(),
  place: z.object({
    communeInsee: z.string(),
    communeName: z.string(),
    addressLabel: z.string().nullable(),
    lat: z.number().nullable(),
    lon: z.number().nullable(),
  }),
  employer: z.object({ id: z.string(), name: z.string(), kind: z.string(), kindLabel: z.string() }),
  createdAt: z.string(),
  updatedAt: z.string(),
  distanceKm: z.number().nullable().describe("Distance au centre de la recherche, quand il y en a un"),
});
export type OfferDto = z.infer<typeof offerSchema>;

export const employerOfferSchema = offerSchema.extend({
  stale: z.boolean().describe("Sans mise à jour depuis 60 jours : à confirmer ou fermer"),
  autoCloseOn: z.string().nullable().describe("Date de fermeture automatique si l'offre reste sans mise à jour"),
  staleNotifiedAt: z.string().nullable(),
});
export type EmployerOfferDto = z.infer<typeof employerOfferSchema>;

export const offerSearchResultSchema = z.object({
  total: z.number(),
  page: z.number(),
  perPage: z.number(),
  centre: z.object({ lat: z.number(), lon: z.number(), radiusKm: z.number() }).nullable(),
  results: z.array(offerSchema),
});
export type OfferSearchResult = z.infer<typeof offerSearchResultSchema>;

export const statusChangeSchema = z.object({
  status: statusSchema,
  reason: z.enum(Object.keys(statusReasonLabels) as [keyof typeof statusReasonLabels, ...(keyof typeof statusReasonLabels)[]]),
  reasonLabel: z.string(),
  comment: z.string().nullable(),
  byUserId: z.string().nullable().describe("null : fermeture automatique par la plateforme"),
  byName: z.string().nullable(),
  at: z.string(),
});
export type StatusChangeDto = z.infer<typeof statusChangeSchema>;

export const employerDirectoryEntrySchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  openOffers: z.number(),
  communes: z.array(z.string()),
});
export const employerDirectorySchema = z.object({ total: z.number(), page: z.number(), perPage: z.number(), results: z.array(employerDirectoryEntrySchema) });
export type EmployerDirectory = z.infer<typeof employerDirectorySchema>;

export const contractTypesSchema = z.array(z.object({ code: z.string(), label: z.string() }));

export const offersRoutes = {
  search: { method: "GET", url: "/api/v1/offers" },
  get: { method: "GET", url: "/api/v1/offers/:id" },
  update: { method: "PATCH", url: "/api/v1/offers/:id" },
  close: { method: "POST", url: "/api/v1/offers/:id/close" },
  reopen: { method: "POST", url: "/api/v1/offers/:id/reopen" },
  confirm: { method: "POST", url: "/api/v1/offers/:id/confirm" },
  history: { method: "GET", url: "/api/v1/offers/:id/history" },
  listMine: { method: "GET", url: "/api/v1/organisations/:id/offers" },
  create: { method: "POST", url: "/api/v1/organisations/:id/offers" },
  contractTypes: { method: "GET", url: "/api/v1/organisations/:id/contract-types" },
  employers: { method: "GET", url: "/api/v1/employers" },
  partnerSearch: { method: "GET", url: "/api/v1/partner/offers" },
  partnerGet: { method: "GET", url: "/api/v1/partner/offers/:id" },
} as const;
