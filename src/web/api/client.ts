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

const send = async <S extends z.ZodType>(url: string, init: RequestInit, schema: S): Promise<z.infer<S>> => {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { accept: "application/json", ...init.headers } });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError("network_error", networkMessage, 0);
  }
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

/** Fills a route template such as `/reports/:id`. */
export const fillPath = (template: string, params: Record<string, string>): string =>
  template.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ""));

/** French text of any error caught from the client. */
export const errorMessage = (error: unknown): string =>
  error instanceof ApiError ? error.message : "Une erreur inattendue est survenue. Réessayez.";
