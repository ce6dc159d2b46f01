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
import { ApiError, fillPath, getJson } from "../api/client.ts";
import { forgetSession, loadSession } from "./session.tsx";
import type { CandidateBody } from "./candidate-form.domain.ts";

const byId = (template: string, id: string) => fillPath(template, { id });

const networkError = () => new ApiError("network_error", "Le service ne répond pas. Vérifiez votre connexion puis réessayez.", 0);

/** An unsafe request carrying the session's CSRF token; answers the parsed JSON (or undefined for 204). */
const write = async (method: "POST" | "PUT" | "PATCH" | "DELETE", url: string, body: BodyInit | undefined, contentType: string | null): Promise<unknown> => {
  const session = await loadSession();
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      body,
      headers: { accept: "application/json", ...(contentType ? { "content-type": contentType } : {}), ...(session.csrfToken ? { "x-csrf-token": session.csrfToken } : {}) },
    });
  } catch {
    throw networkError();
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!response.ok) {
    if (response.status === 403) forgetSession();
    const b = (json ?? {}) as { code?: string; message?: string; details?: unknown };
    throw new ApiError(b.code ?? "http_error", b.message ?? `Le service a répondu par une erreur (HTTP ${response.status}).`, response.status, b.details);
  }
  return json;
};
const sendJson = async <S extends z.ZodType>(method: "POST" | "PATCH", url: string, body: unknown, schema: S): Promise<z.infer<S>> => {
  const parsed = schema.safeParse(await write(method, url, JSON.stringify(body), "application/json"));
  if (!parsed.success) throw new ApiError("invalid_response", "Le service a renvoyé une réponse inattendue. Réessayez plus tard.", 200);
  return parsed.data;
};
const sendCommand = async (method: "POST" | "DELETE", url: string): Promise<void> => {
  await write(method, url, undefined, null);
};

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
export const uploadCv = async (id: string, file: File) =>
  cvMetaSchema.parse(await write("PUT", `${byId(candidatesRoutes.uploadCv.url, id)}?name=${encodeURIComponent(file.name.slice(0, 200))}`, file, "application/pdf"));

export const searchAppellations = (q: string, signal?: AbortSignal) =>
  getJson(`${romeRoutes.appellations.url}?${new URLSearchParams({ q, limit: "8" })}`, z.array(appellationSchema), signal);
export const searchCompetences = (q: string, signal?: AbortSignal) =>
  getJson(`${romeRoutes.competences.url}?${new URLSearchParams({ q, limit: "8" })}`, z.array(competenceSchema), signal);
