// Calls to the Score QPV API, validated by its contract.
import {
  type ColumnMapping,
  inspectionSchema,
  scoreJobSchema,
  scoreQpvRoutes,
  storedReportSchema,
} from "../../score-qpv/score-qpv.contract.ts";
import { type SaveScoreBody, savedScoreListSchema, savedScoreSchema, scoreHistoryRoutes } from "../../score-qpv/score-history.contract.ts";
import { fillPath, getJson, postForm, sendCommand, sendJson } from "../api/client.ts";

export type JobRequest = { file: File; mapping: ColumnMapping; sheet: string | null; from?: string; to?: string };

export const inspectFile = (file: File, sheet?: string | null, signal?: AbortSignal) => {
  const form = new FormData();
  if (sheet) form.set("sheet", sheet);
  form.set("file", file);
  return postForm(scoreQpvRoutes.inspect.url, form, inspectionSchema, signal);
};

/** Starts a score. Text fields come before the file so that a streaming server reads them first. */
export const createJob = (request: JobRequest, signal?: AbortSignal) => {
  const form = new FormData();
  form.set("mapping", JSON.stringify(request.mapping));
  if (request.sheet) form.set("sheet", request.sheet);
  if (request.from) form.set("from", request.from);
  if (request.to) form.set("to", request.to);
  form.set("file", request.file);
  return postForm(scoreQpvRoutes.createJob.url, form, scoreJobSchema, signal);
};

export const fetchJob = (id: string, signal?: AbortSignal) => getJson(fillPath(scoreQpvRoutes.job.url, { id }), scoreJobSchema, signal);

export const fetchReport = (id: string, signal?: AbortSignal) =>
  getJson(fillPath(scoreQpvRoutes.report.url, { id }), storedReportSchema, signal);

export type ReportFormat = "pdf" | "csv" | "md";
export const reportFileUrl = (id: string, format: ReportFormat) => fillPath(scoreQpvRoutes.reportFile.url, { id, format });

// --- Score QPV history of the acting organisation (src/score-qpv/score-history.contract.ts) ---
export const fetchScoreHistory = (organisationId: string, signal?: AbortSignal) =>
  getJson(fillPath(scoreHistoryRoutes.list.url, { id: organisationId }), savedScoreListSchema, signal);

export const fetchSavedScore = (organisationId: string, scoreId: string, signal?: AbortSignal) =>
  getJson(fillPath(scoreHistoryRoutes.get.url, { id: organisationId, scoreId }), savedScoreSchema, signal);

export const saveScore = (organisationId: string, body: SaveScoreBody) =>
  sendJson("POST", fillPath(scoreHistoryRoutes.save.url, { id: organisationId }), body, savedScoreSchema);

export const deleteSavedScore = (organisationId: string, scoreId: string) =>
  sendCommand("DELETE", fillPath(scoreHistoryRoutes.remove.url, { id: organisationId, scoreId }));
