// HTTP contract and report shape of the Score QPV, shared by server, CLI, web and tests.
import { z } from "../shared/zod.ts";

/** Index (0-based) of the file column holding each field; absent = not in the file. */
export const columnMappingSchema = z.object({
  address: z.number().int().min(0).optional().describe("Adresse complète sur une colonne"),
  street: z.number().int().min(0).optional().describe("N° et voie"),
  number: z.number().int().min(0).optional().describe("Numéro dans la voie, quand il est dans une colonne à part"),
  complement: z.number().int().min(0).optional(),
  postcode: z.number().int().min(0).optional(),
  city: z.number().int().min(0).optional(),
  lat: z.number().int().min(0).optional(),
  lon: z.number().int().min(0).optional(),
  hireDate: z.number().int().min(0).optional(),
  contractType: z.number().int().min(0).optional(),
  establishment: z.number().int().min(0).optional(),
});
export type ColumnMapping = z.infer<typeof columnMappingSchema>;
export type MappedField = keyof ColumnMapping;

export const mappedFieldLabels: Record<MappedField, string> = {
  address: "Adresse complète",
  street: "N° et voie",
  number: "Numéro (colonne séparée)",
  complement: "Complément d'adresse",
  postcode: "Code postal",
  city: "Commune",
  lat: "Latitude",
  lon: "Longitude",
  hireDate: "Date d'embauche",
  contractType: "Type de contrat",
  establishment: "Établissement",
};

export const inspectionSchema = z.object({
  fileName: z.string(),
  format: z.enum(["csv", "xlsx"]),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  sheets: z.array(z.string()),
  sheet: z.string().nullable(),
  headerLine: z.number().int().describe("Numéro (1-based) de la ligne d'en-tête dans le fichier ou la feuille"),
  columns: z.array(z.object({ index: z.number().int(), header: z.string(), samples: z.array(z.string()) })),
  mapping: columnMappingSchema,
  needsMapping: z.boolean().describe("Vrai quand les en-têtes ne suffisent pas à reconnaître les colonnes"),
  warnings: z.array(z.string()),
});
export type Inspection = z.infer<typeof inspectionSchema>;

/**
 * A count in a breakdown: exact, "< 5" when small enough to identify someone, or "masqué" when it is ≥ 5 but
 * hidden so that a "< 5" cell of the same column cannot be recomputed by subtraction from the total.
 */
export const suppressedCountSchema = z.union([z.number().int(), z.literal("< 5"), z.literal("masqué")]);
export type SuppressedCount = z.infer<typeof suppressedCountSchema>;

const breakdownRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  located: suppressedCountSchema,
  qpv: suppressedCountSchema,
  rural: suppressedCountSchema,
  qpvShare: z.number().nullable().describe("null quand l'effectif est masqué"),
});

export const scoreQpvReportSchema = z.object({
  version: z.literal(1),
  generatedAt: z.string(),
  period: z.object({ from: z.string(), to: z.string(), defaulted: z.boolean() }),
  rows: z.object({
    total: z.number().int(),
    inPeriod: z.number().int(),
    located: z.number().int(),
    unlocated: z.number().int(),
    outOfPeriod: z.number().int(),
    invalid: z.number().int(),
    duplicates: z.number().int(),
  }),
  unlocatedReasons: z.array(z.object({ reason: z.string(), label: z.string(), count: z.number().int() })),
  invalidReasons: z.array(z.object({ reason: z.string(), label: z.string(), count: z.number().int(), firstLines: z.array(z.number().int()) })),
  qpv: z.object({ count: z.number().int(), share: z.number().nullable(), uncertain: z.number().int() }),
  rural: z.object({ count: z.number().int(), share: z.number().nullable(), uncertain: z.number().int() }),
  geography: z.object({
    qpv: z.array(z.object({ millesime: z.number(), source: z.string(), rows: z.number().int() })),
    rural: z.array(z.object({ scheme: z.enum(["zrr", "frr"]), millesime: z.string(), source: z.string(), rows: z.number().int() })),
  }),
  breakdowns: z.object({
    byMonth: z.array(breakdownRowSchema),
    byContractType: z.array(breakdownRowSchema),
    byEstablishment: z.array(breakdownRowSchema),
    byQpv: z.array(z.object({ code: z.string(), name: z.string(), millesime: z.number(), count: suppressedCountSchema })),
    byDepartement: z.array(breakdownRowSchema),
  }),
  reference: z.object({
    nationalQpvShare: z.number().describe("Part de la population vivant en QPV (Insee 2024)"),
    nationalSource: z.string(),
    departements: z.array(
      z.object({ code: z.string(), name: z.string(), hires: suppressedCountSchema, qpvAddressShare: z.number().nullable(), source: z.string() }),
    ),
  }),
  geocoder: z.object({ name: z.string(), remoteUsed: z.boolean() }),
});
export type ScoreQpvReport = z.infer<typeof scoreQpvReportSchema>;

export const scoreJobSchema = z.object({
  id: z.string(),
  status: z.enum(["pending", "running", "succeeded", "failed", "interrupted"]),
  progress: z.object({ done: z.number().int(), total: z.number().int().nullable() }),
  reportId: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type ScoreJob = z.infer<typeof scoreJobSchema>;

export const storedReportSchema = z.object({ id: z.string(), createdAt: z.string(), report: scoreQpvReportSchema });

/** Multipart fields sent with the file to start a score (besides the `file` part). */
export const scoreJobFieldsSchema = z.object({
  mapping: z.string().optional().describe("ColumnMapping en JSON"),
  sheet: z.string().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

export const scoreQpvRoutes = {
  inspect: { method: "POST", url: "/api/v1/score-qpv/inspect" }, // multipart: file (+ sheet) → Inspection
  createJob: { method: "POST", url: "/api/v1/score-qpv/jobs" }, // multipart: file + scoreJobFields → 202 ScoreJob
  job: { method: "GET", url: "/api/v1/score-qpv/jobs/:id" }, // → ScoreJob
  report: { method: "GET", url: "/api/v1/score-qpv/reports/:id" }, // → storedReport
  reportFile: { method: "GET", url: "/api/v1/score-qpv/reports/:id/:format" }, // format: pdf | csv | md → file download
} as const;
