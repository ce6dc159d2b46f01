// Typed HTTP client of the web app: every answer is validated against the contract's zod schema.
import type { z } from "zod";

/** Error answered by the API (`{ code, message, details? }`, message in French) or raised by the client. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;
  constructor(code: string, message: string, status: number, details?: unknown) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

const networkMessage = "Le service ne répond pas. Vérifiez votre connexion puis réessayez.";
const invalidAnswerMessage = "Le service a renvoyé une réponse inattendue. Réessayez plus tard.";

const errorFromBody = (body: unknown, status: number): ApiError => {
  if (body && typeof body === "object" && "message" in body && typeof body.message === "string") {
    const code = "code" in body && typeof body.code === "string" ? body.code : "http_error";
    return new ApiError(code, body.message, status, "details" in body ? body.details : undefined);
  }
  return new ApiError("http_error", `Le service a répondu par une erreur (HTTP ${status}).`, status);
};

const readJson = async (response: Response): Promise<unknown> => {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/**
 * Anti-CSRF token of the current session (GET /api/v1/auth/session), sent back in `x-csrf-token`
 * on every POST/PUT/PATCH/DELETE. Kept up to date by the session provider (src/web/accounts).
 */
let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};
const csrfHeaderName = "x-csrf-token";
const isUnsafe = (method: string | undefined) => !["GET", "HEAD", "OPTIONS"].includes((method ?? "GET").toUpperCase());

/** Headers of a request: JSON accepted, and the CSRF token on unsafe methods. */
export const requestHeaders = (method: string | undefined, extra: HeadersInit | undefined, token: string | null = csrfToken): Record<string, string> => ({
  accept: "application/json",
  ...(isUnsafe(method) && token ? { [csrfHeaderName]: token } : {}),
  ...Object.fromEntries(new Headers(extra).entries()),
});

const fetchOrFail = async (url: string, init: RequestInit): Promise<Response> => {
  try {
    return await fetch(url, { ...init, headers: requestHeaders(init.method, init.headers) });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError("network_error", networkMessage, 0);
  }
};

const send = async <S extends z.ZodType>(url: string, init: RequestInit, schema: S): Promise<z.infer<S>> => {
  const response = await fetchOrFail(url, init);
  const body = await readJson(response);
  if (!response.ok) throw errorFromBody(body, response.status);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    console.error("Réponse non conforme au contrat", url, parsed.error.issues);
    throw new ApiError("invalid_response", invalidAnswerMessage, response.status, parsed.error.issues);
  }
  return parsed.data;
};

/** Builds `path?query` leaving out undefined values. */
export const withQuery = (path: string, query: Record<string, string | number | undefined>): string => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== "") params.set(key, String(value));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
};

export const getJson = <S extends z.ZodType>(url: string, schema: S, signal?: AbortSignal) =>
  send(url, { method: "GET", signal }, schema);

export const postForm = <S extends z.ZodType>(url: string, form: FormData, schema: S, signal?: AbortSignal) =>
  send(url, { method: "POST", body: form, signal }, schema);

type UnsafeMethod = "POST" | "PUT" | "PATCH" | "DELETE";

/** Sends a JSON body (or none) and validates the JSON answer. */
export const sendJson = <S extends z.ZodType>(method: UnsafeMethod, url: string, body: unknown, schema: S, signal?: AbortSignal) =>
  send(url, { method, signal, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }) }, schema);

/** Sends a raw body (a file, e.g. a PDF) with its content type, and validates the JSON answer. */
export const sendBody = <S extends z.ZodType>(method: UnsafeMethod, url: string, body: BodyInit, contentType: string, schema: S, signal?: AbortSignal) =>
  send(url, { method, signal, body, headers: { "content-type": contentType } }, schema);

/** Sends a command whose success answer has no body we need (204, 202). */
export const sendCommand = async (method: UnsafeMethod, url: string, body?: unknown, signal?: AbortSignal): Promise<void> => {
  const response = await fetchOrFail(url, {
    method,
    signal,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
  });
  if (!response.ok) throw errorFromBody(await readJson(response), response.status);
};

/** Fills a route template such as `/reports/:id`. */
export const fillPath = (template: string, params: Record<string, string>): string =>
  template.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ""));

/**
 * The French messages per form field of a 400 answer (`details: [{ field: "body.email", message }]`),
 * keyed by the field's name inside the body ("email"); nested paths are joined with dots.
 */
export const fieldErrors = (error: unknown): Record<string, string> => {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return {};
  const errors: Record<string, string> = {};
  for (const detail of error.details as unknown[]) {
    if (!detail || typeof detail !== "object" || !("field" in detail) || !("message" in detail)) continue;
    if (typeof detail.field !== "string" || typeof detail.message !== "string") continue;
    const field = detail.field.replace(/^(body|querystring|params)\./, "");
    errors[field] ??= detail.message;
  }
  return errors;
};

/** French text of any error caught from the client. */
export const errorMessage = (error: unknown): string =>
  error instanceof ApiError ? error.message : "Une erreur inattendue est survenue. Réessayez.";
