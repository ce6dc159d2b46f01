// HTTP contract of the geography capability, shared by server, web and tests.
import { z } from "../shared/zod.ts";

export const matchTypeSchema = z.enum(["housenumber", "street", "locality", "municipality"]);

export const uncertaintyReasonSchema = z.enum(["low_score", "imprecise_match", "near_boundary"]);
export const uncertaintyReasonLabels: Record<z.infer<typeof uncertaintyReasonSchema>, string> = {
  low_score: "Géocodage peu sûr (score inférieur à 0,8)",
  imprecise_match: "Adresse localisée à la voie ou à la commune seulement, un QPV est à portée",
  near_boundary: "Point à quelques dizaines de mètres d'un périmètre QPV",
};

export const locateQuerySchema = z
  .object({
    address: z.string().trim().min(3, "Saisissez une adresse d'au moins 3 caractères.").max(300).optional(),
    lat: z.coerce.number().min(-90).max(90).optional(),
    lon: z.coerce.number().min(-180).max(180).optional(),
    date: z.iso.date().optional().describe("Date à laquelle mesurer (AAAA-MM-JJ) ; par défaut aujourd'hui"),
  })
  .refine((q) => q.address !== undefined || (q.lat !== undefined && q.lon !== undefined), {
    message: "Indiquez une adresse (address) ou des coordonnées (lat et lon).",
  });

export const locateResponseSchema = z.object({
  date: z.string(),
  geocoding: z
    .object({
      label: z.string(),
      score: z.number(),
      matchType: matchTypeSchema,
      lat: z.number(),
      lon: z.number(),
      citycode: z.string(),
      postcode: z.string(),
      precisionM: z.number(),
    })
    .nullable(),
  failure: z.object({ reason: z.string(), message: z.string() }).nullable(),
  qpv: z.object({ code: z.string(), name: z.string(), millesime: z.union([z.literal(2015), z.literal(2024)]) }).nullable(),
  rural: z.object({ scheme: z.enum(["zrr", "frr"]), class: z.string(), label: z.string() }).nullable(),
  uncertain: z.boolean(),
  uncertaintyReasons: z.array(uncertaintyReasonSchema),
  qpvBoundaryDistanceM: z.number().nullable(),
  geography: z.object({ qpv: z.union([z.literal(2015), z.literal(2024)]), rural: z.enum(["zrr", "frr"]) }),
});
export type LocateResponse = z.infer<typeof locateResponseSchema>;

export const perimetersQuerySchema = z.object({
  bbox: z
    .string()
    .regex(/^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$/, "bbox attendu : minLon,minLat,maxLon,maxLat")
    .describe("minLon,minLat,maxLon,maxLat"),
  millesime: z.coerce.number().pipe(z.union([z.literal(2015), z.literal(2024)])).default(2024),
});

const geoJsonGeometry = z.object({ type: z.string(), coordinates: z.array(z.any()) });

export const perimetersResponseSchema = z.object({
  type: z.literal("FeatureCollection"),
  features: z.array(
    z.object({
      type: z.literal("Feature"),
      properties: z.object({ code: z.string(), name: z.string(), millesime: z.number() }),
      geometry: geoJsonGeometry,
    }),
  ),
});

export const communeOutlineResponseSchema = z.object({
  type: z.literal("Feature"),
  properties: z.object({ code: z.string(), name: z.string(), approximate: z.boolean() }),
  geometry: geoJsonGeometry,
});

export const communeSearchQuerySchema = z.object({
  q: z.string("Texte attendu : un nom de commune ou un code postal.").trim().min(2, "Tapez au moins 2 caractères.").max(80, "Recherche trop longue."),
  limit: z.coerce.number("Limite attendue (nombre).").int().min(1).max(20, "20 communes au plus.").default(10),
});

export const communeHitSchema = z.object({
  code: z.string().describe("code INSEE"),
  nom: z.string(),
  departement: z.string(),
  codesPostaux: z.array(z.string()),
  arrondissement: z.boolean(),
});

export const geoRoutes = {
  communes: { method: "GET", url: "/api/v1/geo/communes" },
  locate: { method: "GET", url: "/api/v1/geo/locate" },
  perimeters: { method: "GET", url: "/api/v1/geo/perimeters" },
  communeOutline: { method: "GET", url: "/api/v1/geo/communes/:code/outline" },
} as const;
