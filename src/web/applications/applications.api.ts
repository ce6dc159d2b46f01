// Calls to the applications API, validated by its contract. Writes carry the CSRF token
// of the shared session (src/web/accounts), added by the API client.
import { z } from "zod";
import { candidateListSchema, candidatesRoutes } from "../../candidates/candidates.contract.ts";
import {
  applicationDetailSchema,
  applicationsRoutes,
  createdSchema,
  sendApplicationBodySchema,
  hireableCandidatesSchema,
  listPageSchema,
  settingsSchema,
  type TransitionBody,
} from "../../applications/applications.contract.ts";
import { fillPath, getJson, sendJson, withQuery } from "../api/client.ts";

export type ListView = "received" | "sent" | "mine";
export type ListQuery = { state?: string; senderKind?: string; from?: string; to?: string; offerId?: string; cursor?: string };

export const fetchApplications = (view: ListView, query: ListQuery, signal?: AbortSignal) =>
  getJson(withQuery(applicationsRoutes[view].url, { ...query, limit: 20 }), listPageSchema, signal);

export const fetchApplication = (id: string, signal?: AbortSignal) => getJson(fillPath(applicationsRoutes.get.url, { id }), applicationDetailSchema, signal);

/** The download link of the candidate's current CV (PDF), for the employer and the counsellor (`hasCv`). */
export const applicationCvUrl = (id: string) => fillPath(applicationsRoutes.cv.url, { id });

export const runTransition = (id: string, body: TransitionBody) => sendJson("POST", fillPath(applicationsRoutes.transition.url, { id }), body, applicationDetailSchema);

export const moveHiringDates = (id: string, body: { hiringStartAt: string; hiringEndAt: string | null }) =>
  sendJson("PUT", fillPath(applicationsRoutes.hiringDates.url, { id }), body, applicationDetailSchema);

export const sendMessage = (id: string, body: string) => sendJson("POST", fillPath(applicationsRoutes.postMessage.url, { id }), { body }, z.object({ id: z.number() }));

/** A counsellor's application (candidateId), the candidate's own (no candidateId) or an employer's direct hire (contract dates). */
export const sendApplication = (body: z.input<typeof sendApplicationBodySchema>) => sendJson("POST", applicationsRoutes.send.url, body, createdSchema);

/** The people the acting employer may record a direct hire for (by name, or one by id). */
export const fetchHireableCandidates = (query: { q?: string; candidateId?: string }, signal?: AbortSignal) =>
  getJson(withQuery(applicationsRoutes.hireable.url, { ...query, limit: 100 }), hireableCandidatesSchema, signal);

export const fetchSettings = () => getJson(applicationsRoutes.settings.url, settingsSchema);
export const saveSettings = (settings: { kind: string; enabled: boolean }[]) => sendJson("PUT", applicationsRoutes.saveSettings.url, { settings }, settingsSchema);

/** The counsellor's "mes candidats", to choose whom to apply for. */
export const fetchMyCandidates = (signal?: AbortSignal) => getJson(withQuery(candidatesRoutes.list.url, { pageSize: 100 }), candidateListSchema, signal);
