// Form helpers of the candidate screens (RGAA): field states and an error summary that takes the focus.
import { useEffect, useId, useRef } from "react";
import { ApiError } from "../api/client.ts";

export const fieldState = (message: string | undefined) =>
  message ? ({ state: "error", stateRelatedMessage: message } as const) : ({ state: "default" } as const);

export type SummaryError = { message: string; fieldId?: string };

/** The French messages per field of a 400 answer, keyed by the field's path inside the body. */
export const fieldErrors = (error: unknown): Record<string, string> => {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return {};
  const errors: Record<string, string> = {};
  for (const detail of error.details as { field?: unknown; message?: unknown }[]) {
    if (typeof detail?.field !== "string" || typeof detail.message !== "string") continue;
    errors[detail.field.replace(/^(body|querystring|params)\./, "")] ??= detail.message;
  }
  return errors;
};

export const summaryOf = (errors: Record<string, string | undefined>, fields: Record<string, string>, general?: string | null): SummaryError[] => [
  ...(general ? [{ message: general }] : []),
  ...Object.entries(fields).flatMap(([name, fieldId]) => (errors[name] ? [{ message: errors[name]!, fieldId }] : [])),
];

export const ErrorSummary = ({ errors, attempt, title }: { errors: SummaryError[]; attempt: number; title: string }) => {
  const ref = useRef<HTMLDivElement>(null);
  const headingId = useId();
  useEffect(() => {
    if (attempt > 0 && errors.length > 0) ref.current?.focus();
  }, [attempt]);
  if (errors.length === 0) return null;
  return (
    <div ref={ref} tabIndex={-1} className="fr-alert fr-alert--error fr-mb-4w" role="alert" aria-labelledby={headingId}>
      <h2 id={headingId} className="fr-alert__title">{title}</h2>
      <ul>
        {errors.map((error, i) => (
          <li key={`${error.fieldId ?? "general"}-${i}`}>
            {error.fieldId ? (
              <a
                href={`#${error.fieldId}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(error.fieldId!)?.focus();
                }}
              >
                {error.message}
              </a>
            ) : (
              error.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
};
