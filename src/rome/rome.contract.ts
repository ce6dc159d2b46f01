// HTTP contract of the ROME 4.0 reference (public, read-only).
import { z } from "../shared/zod.ts";

export const romeSearchQuerySchema = z.object({
  q: z.string().max(100, "Recherche trop longue (100 caractères au plus).").optional().describe("Texte libre (accents et majuscules indifférents) ou code de fiche ROME"),
  limit: z.coerce.number().int("Nombre entier attendu.").min(1, "Au moins 1 résultat.").max(50, "50 résultats au plus.").default(20),
});
export const appellationCodeParamsSchema = z.object({ code: z.string().regex(/^\d{1,10}$/, "Code d'appellation ROME invalide (code OGR numérique).") });

export const appellationSchema = z.object({
  code: z.string().describe("Code OGR de l'appellation"),
  label: z.string(),
  shortLabel: z.string(),
  romeCode: z.string().describe("Code de la fiche ROME (ex. D1102)"),
  romeLabel: z.string(),
});
export const competenceSchema = z.object({
  code: z.string().describe("Code OGR de la compétence"),
  label: z.string(),
  kind: z.enum(["competence", "macro_competence"]),
  category: z.string(),
});

export type AppellationDto = z.infer<typeof appellationSchema>;
export type CompetenceDto = z.infer<typeof competenceSchema>;

export const romeRoutes = {
  appellations: { method: "GET", url: "/api/v1/rome/appellations" },
  appellation: { method: "GET", url: "/api/v1/rome/appellations/:code" },
  competences: { method: "GET", url: "/api/v1/rome/competences" },
} as const;
