// HTTP binding of the Score QPV: inspect an upload, start a score in the
// background (the file stays in memory, only the aggregated report is stored),
// follow the job, read and download the report.
import fastifyMultipart from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Geography } from "../geo/geography.types.ts";
import type { Geocoder } from "../geocoder/geocoder.types.ts";
import { createJob, failJob, findJob, type Job, succeedJob, updateProgress } from "../jobs/jobs.queries.ts";
import type { Database } from "../server/db.ts";
import { describeError, isDomainError } from "../server/errors.ts";
import { runInTransaction } from "../server/transaction.ts";
import { z } from "../shared/zod.ts";
import { assertScorable, inspectHrFile, openHrFile } from "./hr-file.reader.ts";
import { renderReport } from "./report.render.ts";
import {
  type ColumnMapping, columnMappingSchema, inspectionSchema, type ScoreJob, scoreJobFieldsSchema, scoreJobSchema, scoreQpvRoutes, storedReportSchema,
} from "./score-qpv.contract.ts";
import { scoreError } from "./score-qpv.errors.ts";
import { findReport, findReportIdByJob, saveReport } from "./score-qpv.queries.ts";
import { type AssessCertainty, runScoreQpv } from "./score.use-case.ts";

export type ScoreQpvRouteDeps = {
  db: Database;
  geocoder: Geocoder;
  geography: Geography;
  assessCertainty?: AssessCertainty;
  maxUploadBytes: number;
  departementQpvAddressShare?: (code: string) => number | null;
};

type Upload = { buffer: Buffer; fileName: string; fields: Record<string, string> };

/** Reads the multipart body: one `file` part (kept in memory) and text fields. */
const readUpload = async (request: FastifyRequest, maxBytes: number): Promise<Upload> => {
  if (!request.isMultipart()) throw scoreError("score.missing_file");
  const fields: Record<string, string> = {};
  let file: { buffer: Buffer; fileName: string } | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === "file") {
        const buffer = await part.toBuffer();
        if (part.fieldname === "file" && !file) file = { buffer, fileName: part.filename || "fichier" };
      } else if (typeof part.value === "string") {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    if ((error as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") throw scoreError("score.file_too_large", { maxBytes });
    throw error;
  }
  if (!file) throw scoreError("score.missing_file");
  return { ...file, fields };
};

const parseMapping = (text: string | undefined): ColumnMapping | undefined => {
  if (text === undefined || text.trim() === "") return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw scoreError("score.invalid_mapping");
  }
  const parsed = columnMappingSchema.safeParse(json);
  if (!parsed.success) throw scoreError("score.invalid_mapping");
  return parsed.data;
};

const toScoreJob = async (db: Database, job: Job): Promise<ScoreJob> => ({
  id: job.id,
  status: job.status,
  progress: { done: job.progressDone, total: job.progressTotal },
  reportId: job.status === "succeeded" ? await findReportIdByJob(db, job.id) : null,
  error: job.error,
});

const idParams = z.object({ id: z.string() });

export const registerScoreQpvRoutes = async (scope: FastifyInstance, deps: ScoreQpvRouteDeps): Promise<void> => {
  await scope.register(fastifyMultipart, { limits: { fileSize: deps.maxUploadBytes, files: 1, fields: 10 } });
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const running = new Set<Promise<void>>();
  app.addHook("onClose", async () => {
    await Promise.allSettled([...running]);
  });

  /** The score itself, after the 202: progress every 1,000 rows, then the report and the job in one transaction. */
  const runInBackground = async (jobId: string, upload: Upload, options: { mapping?: ColumnMapping; sheet?: string; from?: string; to?: string }) => {
    try {
      const report = await runScoreQpv({
        source: { buffer: upload.buffer, fileName: upload.fileName },
        ...options,
        maxBytes: deps.maxUploadBytes,
        geocoder: deps.geocoder,
        geography: deps.geography,
        assessCertainty: deps.assessCertainty,
        departementQpvAddressShare: deps.departementQpvAddressShare,
        progressEvery: 1000,
        onProgress: (done, total) => updateProgress(db, jobId, { done, total }),
      });
      await runInTransaction(db, async (tx) => {
        await saveReport(tx, report, { source: "web", jobId });
        await succeedJob(tx, jobId, report.rows.total);
      });
    } catch (error) {
      const failure = isDomainError(error)
        ? { code: error.code, message: describeError(error).message }
        : { code: "internal", message: "Une erreur inattendue a interrompu le calcul." };
      // Never the error message itself: it could quote a row.
      if (!isDomainError(error)) app.log.error({ jobId, error: (error as Error)?.name }, "score_qpv job failed");
      await failJob(db, jobId, failure);
    }
  };

  app.post(scoreQpvRoutes.inspect.url, { schema: { tags: ["score-qpv"], summary: "Lire l'en-tête d'un fichier RH", response: { 200: inspectionSchema } } }, async (request) => {
    const upload = await readUpload(request, deps.maxUploadBytes);
    return inspectHrFile({ buffer: upload.buffer, fileName: upload.fileName }, { sheet: upload.fields.sheet || undefined, maxBytes: deps.maxUploadBytes });
  });

  app.post(scoreQpvRoutes.createJob.url, { schema: { tags: ["score-qpv"], summary: "Lancer un Score QPV", response: { 202: scoreJobSchema } } }, async (request, reply) => {
    const upload = await readUpload(request, deps.maxUploadBytes);
    const parsedFields = scoreJobFieldsSchema.safeParse(upload.fields);
    if (!parsedFields.success) {
      throw scoreError("score.invalid_fields", { fields: parsedFields.error.issues.map((issue) => issue.path.join(".")).join(", ") });
    }
    const fields = parsedFields.data;
    const options = { mapping: parseMapping(fields.mapping), sheet: fields.sheet || undefined, from: fields.from, to: fields.to };
    if (options.from && options.to && options.from > options.to) throw scoreError("score.invalid_period", { from: options.from, to: options.to });
    // An unusable file is refused now (4xx), not as a failed job.
    const file = await openHrFile({ buffer: upload.buffer, fileName: upload.fileName }, { ...options, maxBytes: deps.maxUploadBytes });
    assertScorable(file.layout);
    const job = await createJob(db, "score_qpv", { source: "web", bytes: upload.buffer.length });
    const task = runInBackground(job.id, upload, options).finally(() => running.delete(task));
    running.add(task);
    return reply.code(202).send(await toScoreJob(db, job));
  });

  app.get(scoreQpvRoutes.job.url, { schema: { tags: ["score-qpv"], params: idParams, response: { 200: scoreJobSchema } } }, async (request) => {
    const job = await findJob(db, request.params.id);
    if (!job || job.kind !== "score_qpv") throw scoreError("score.job_not_found");
    return toScoreJob(db, job);
  });

  app.get(scoreQpvRoutes.report.url, { schema: { tags: ["score-qpv"], params: idParams, response: { 200: storedReportSchema } } }, async (request) => {
    const stored = await findReport(db, request.params.id);
    if (!stored) throw scoreError("score.report_not_found");
    return stored;
  });

  app.get(scoreQpvRoutes.reportFile.url, { schema: { tags: ["score-qpv"], params: z.object({ id: z.string(), format: z.string() }) } }, async (request, reply) => {
    const { id, format } = request.params;
    if (format !== "pdf" && format !== "csv" && format !== "md") throw scoreError("score.unknown_format", { format });
    const stored = await findReport(db, id);
    if (!stored) throw scoreError("score.report_not_found");
    const rendered = await renderReport(stored.report, format);
    return reply
      .header("content-type", rendered.contentType)
      .header("content-disposition", `attachment; filename="score-qpv-${stored.report.period.from}-${stored.report.period.to}.${rendered.extension}"`)
      .send(rendered.body);
  });
};
