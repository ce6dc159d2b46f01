// Calls of the candidate screens, validated with the contract's schemas.
import { z } from "zod";
import {
  barriersResponseSchema,
  candidateListSchema,
  candidateSchema,
  candidatesRoutes,
  consentSchema,
  consentTextSchema,
} from "../../candidates/candidates.contract.ts";
import { appellationSchema, competenceSchema, romeRoutes } from "../../rome/rome.contract.ts";
import { fillPath, getJson, sendBody, sendCommand, sendJson } from "../api/client.ts";
import type { CandidateBody } from "./candidate-form.domain.ts";

// Writes carry the CSRF token of the shared session (src/web/accounts), added by the API client.
const byId = (template: string, id: string) => fillPath(template, { id });

export const fetchBarriers = (signal?: AbortSignal) => getJson(candidatesRoutes.barriers.url, barriersResponseSchema, signal);
export const fetchConsentText = (signal?: AbortSignal) => getJson(candidatesRoutes.consentText.url, consentTextSchema, signal);

export const fetchMyCandidates = (query: { q?: string; qpv?: string; barrier?: string; page?: number }, signal?: AbortSignal) => {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.qpv) params.set("qpv", query.qpv);
  if (query.barrier) params.set("barrier", query.barrier);
  if (query.page && query.page > 1) params.set("page", String(query.page));
  const search = params.toString();
  return getJson(`${candidatesRoutes.list.url}${search ? `?${search}` : ""}`, candidateListSchema, signal);
};

export const fetchCandidate = (id: string, signal?: AbortSignal) => getJson(byId(candidatesRoutes.get.url, id), candidateSchema, signal);
export const fetchMyProfile = (signal?: AbortSignal) => getJson(candidatesRoutes.mine.url, candidateSchema, signal);
export const createCandidate = (body: CandidateBody & { consent: boolean }) => sendJson("POST", candidatesRoutes.create.url, body, candidateSchema);
export const updateCandidate = (id: string, body: Partial<CandidateBody>) => sendJson("PATCH", byId(candidatesRoutes.update.url, id), body, candidateSchema);
export const recordConsent = (id: string, decision: "given" | "withdrawn") =>
  sendJson("POST", byId(candidatesRoutes.recordConsent.url, id), { decision }, z.array(consentSchema));
export const deleteCv = (id: string) => sendCommand("DELETE", byId(candidatesRoutes.deleteCv.url, id));
export const eraseCandidate = (id: string) => sendCommand("POST", byId(candidatesRoutes.erase.url, id));
export const cvUrl = (id: string) => byId(candidatesRoutes.downloadCv.url, id);
export const exportUrl = (id: string) => byId(candidatesRoutes.export.url, id);

const cvMetaSchema = z.object({ fileName: z.string(), sizeBytes: z.number(), uploadedAt: z.string() });

/** The PDF is the request body itself; the server checks its type by its first bytes and its size (5 MB). */
export const uploadCv = (id: string, file: File) =>
  sendBody("PUT", `${byId(candidatesRoutes.uploadCv.url, id)}?name=${encodeURIComponent(file.name.slice(0, 200))}`, file, "application/pdf", cvMetaSchema);

export const searchAppellations = (q: string, signal?: AbortSignal) =>
  getJson(`${romeRoutes.appellations.url}?${new URLSearchParams({ q, limit: "8" })}`, z.array(appellationSchema), signal);
export const searchCompetences = (q: string, signal?: AbortSignal) =>
  getJson(`${romeRoutes.competences.url}?${new URLSearchParams({ q, limit: "8" })}`, z.array(competenceSchema), signal);
