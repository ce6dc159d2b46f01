// What a failed submission shows: the messages per field and the general message of the error summary. Pure.
import { ApiError, errorMessage, fieldErrors } from "../api/client.ts";

export type FormFailure = { errors: Record<string, string>; general: string | null };

/**
 * The failure shown for an error caught from the API client. A 400 (`validation`) puts its French messages on
 * their fields (`details`) and has no general message; an error whose code belongs to one field (`fieldOfCode`,
 * e.g. a SIRET already taken) puts its message on that field; any other error is a general message.
 */
export const failureOf = (error: unknown, fieldOfCode: Readonly<Record<string, string>> = {}): FormFailure => {
  const field = error instanceof ApiError ? fieldOfCode[error.code] : undefined;
  if (field) return { errors: { [field]: errorMessage(error) }, general: null };
  return {
    errors: fieldErrors(error),
    general: error instanceof ApiError && error.code === "validation" ? null : errorMessage(error),
  };
};
