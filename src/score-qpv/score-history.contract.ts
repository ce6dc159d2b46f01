// HTTP contract of the Score QPV history: the scores an organisation saves from its
// reports, to follow its QPV and rural shares year after year. Aggregates only.
import { z } from "../shared/zod.ts";
import { scoreQpvReportSchema } from "./score-qpv.contract.ts";

export const scoreHistoryRules = { labelMaxLength: 100 } as const;

export const organisationScoresParamsSchema = z.object({ id: z.uuid("Identifiant d'organisation invalide.") });
export const savedScoreParamsSchema = z.object({
  id: z.uuid("Identifiant d'organisation invalide."),
  scoreId: z.uuid("Identifiant de score enregistré invalide."),
});

export const saveScoreBodySchema = z.object({
  reportId: z.uuid("Identifiant de rapport invalide : enregistrez un rapport de Score QPV terminé.").describe("Rapport d'un calcul de Score QPV terminé"),
  label: z
    .string("Le libellé doit être un texte.")
    .trim()
    .max(scoreHistoryRules.labelMaxLength, `Libellé trop long (${scoreHistoryRules.labelMaxLength} caractères au plus).`)
    .optional()
    .describe("Libellé facultatif (un site, un périmètre…)"),
});
export type SaveScoreBody = z.infer<typeof saveScoreBodySchema>;

export const savedScoreSummarySchema = z.object({
  id: z.string(),
  organisationId: z.string(),
  reportId: z.string().nullable().describe("Rapport d'origine, null quand il n'est plus conservé"),
  savedAt: z.string(),
  savedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  label: z.string().nullable(),
  period: z.object({ from: z.string(), to: z.string() }),
  rows: z.object({ total: z.number().int(), inPeriod: z.number().int(), located: z.number().int() }),
  qpv: z.object({ count: z.number().int(), share: z.number().nullable(), uncertain: z.number().int() }),
  rural: z.object({ count: z.number().int(), share: z.number().nullable() }),
  millesimes: z.object({
    qpv: z.array(z.number().int()).describe("Géographies QPV utilisées (2015, 2024)"),
    rural: z.array(z.string()).describe("Classements ruraux utilisés, « zrr:… » ou « frr:… »"),
  }),
  nationalQpvShare: z.number().describe("Référence nationale au moment du calcul (part de la population en QPV)"),
});
export type SavedScoreSummary = z.infer<typeof savedScoreSummarySchema>;

export const savedScoreSchema = savedScoreSummarySchema.extend({ report: scoreQpvReportSchema });
export type SavedScore = z.infer<typeof savedScoreSchema>;

export const savedScoreListSchema = z.object({ scores: z.array(savedScoreSummarySchema) });

export const scoreHistoryRoutes = {
  list: { method: "GET", url: "/api/v1/organisations/:id/score-history" },
  save: { method: "POST", url: "/api/v1/organisations/:id/score-history" },
  get: { method: "GET", url: "/api/v1/organisations/:id/score-history/:scoreId" },
  remove: { method: "DELETE", url: "/api/v1/organisations/:id/score-history/:scoreId" },
} as const;
