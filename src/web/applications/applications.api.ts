// Calls to the applications API, validated by its contract. Writes carry the
// session's CSRF token (read once from GET /api/v1/auth/session).
import { z } from "zod";
import { candidateListSchema, candidatesRoutes } from "../../candidates/candidates.contract.ts";
import {
  applicationDetailSchema,
  applicationsRoutes,
  createdSchema,
  listPageSchema,
  settingsSchema,
  type TransitionBody,
} from "../../applications/applications.contract.ts";
import { ApiError, fillPath, getJson, withQuery } from "../api/client.ts";

let csrf: string | null = null;
const csrfToken = async (): Promise<string> => {
  if (csrf) return csrf;
  const session = await getJson("/api/v1/auth/session", z.object({ csrfToken: z.string().nullable() }).passthrough());
  if (!session.csrfToken) throw new ApiError("auth.unauthenticated", "Connectez-vous pour continuer.", 401);
  csrf = session.csrfToken;
  return csrf;
};

const write = async <S extends z.ZodType>(method: "POST" | "PUT", url: string, body: unknown, schema: S): Promise<z.infer<S>> => {
  const token = await csrfToken();
  let response: Response;
  try {
    response = await fetch(url, { method, headers: { accept: "application/json", "content-type": "application/json", "x-csrf-token": token }, body: JSON.stringify(body) });
  } catch {
    throw new ApiError("network_error", "Le service ne répond pas. Vérifiez votre connexion puis réessayez.", 0);
  }
  const text = await response.text();
  const json: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    if (response.status === 403) csrf = null;
    const b = (json ?? {}) as { code?: string; message?: string; details?: unknown };
    throw new ApiError(b.code ?? "http_error", b.message ?? `Erreur HTTP ${response.status}.`, response.status, b.details);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ApiError("invalid_response", "Le service a renvoyé une réponse inattendue. Réessayez plus tard.", response.status);
  return parsed.data;
};

export type ListView = "received" | "sent" | "mine";
export type ListQuery = { state?: string; senderKind?: string; from?: string; to?: string; offerId?: string; cursor?: string };

export const fetchApplications = (view: ListView, query: ListQuery, signal?: AbortSignal) =>
  getJson(withQuery(applicationsRoutes[view].url, { ...query, limit: 20 }), listPageSchema, signal);

export const fetchApplication = (id: string, signal?: AbortSignal) => getJson(fillPath(applicationsRoutes.get.url, { id }), applicationDetailSchema, signal);

export const runTransition = (id: string, body: TransitionBody) => write("POST", fillPath(applicationsRoutes.transition.url, { id }), body, applicationDetailSchema);

export const sendMessage = (id: string, body: string) => write("POST", fillPath(applicationsRoutes.postMessage.url, { id }), { body }, z.object({ id: z.number() }));

export const sendApplication = (body: { candidateId?: string; offerId?: string | null; employerOrganisationId?: string | null; message?: string }) =>
  write("POST", applicationsRoutes.send.url, body, createdSchema);

export const fetchSettings = () => getJson(applicationsRoutes.settings.url, settingsSchema);
export const saveSettings = (settings: { kind: string; enabled: boolean }[]) => write("PUT", applicationsRoutes.saveSettings.url, { settings }, settingsSchema);

/** The counsellor's "mes candidats", to choose whom to apply for. */
export const fetchMyCandidates = (signal?: AbortSignal) => getJson(withQuery(candidatesRoutes.list.url, { pageSize: 100 }), candidateListSchema, signal);
