// Form helpers shared by the pages (RGAA): field states, an error summary that takes the focus, a password field.
import { Input } from "@codegouvfr/react-dsfr/Input";
import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { formsText as t } from "./forms.fr.ts";

/** DSFR state props of a field: error with its message (linked by the component through aria-describedby), or default. */
export const fieldState = (message: string | undefined) =>
  message ? ({ state: "error", stateRelatedMessage: message } as const) : ({ state: "default" } as const);

export type SummaryError = { message: string; fieldId?: string };

/**
 * The error summary at the top of a form: a heading, then one link per error pointing to its field.
 * It takes the focus each time `attempt` changes (a failed submission), so screen readers announce it.
 */
export const ErrorSummary = ({ errors, attempt, title }: { errors: SummaryError[]; attempt: number; title?: string }) => {
  const ref = useRef<HTMLDivElement>(null);
  const headingId = useId();
  useEffect(() => {
    if (attempt > 0 && errors.length > 0) ref.current?.focus();
    // Focus only after a submission, not on every change of the list.
  }, [attempt]);
  if (errors.length === 0) return null;
  const focusField = (fieldId: string) => (event: { preventDefault(): void }) => {
    event.preventDefault();
    const field = document.getElementById(fieldId);
    field?.focus();
    field?.scrollIntoView({ block: "center" });
  };
  return (
    <div ref={ref} tabIndex={-1} className="fr-alert fr-alert--error fr-mb-4w tremplin-error-summary" role="alert" aria-labelledby={headingId}>
      <h2 id={headingId} className="fr-alert__title">{title ?? t.summaryTitle(errors.length)}</h2>
      {errors.some((e) => e.fieldId) && <p>{t.summaryLead}</p>}
      <ul>
        {errors.map((error, i) => (
          <li key={`${error.fieldId ?? "general"}-${i}`}>
            {error.fieldId ? (
              <a href={`#${error.fieldId}`} onClick={focusField(error.fieldId)}>{error.message}</a>
            ) : (
              error.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
};

/** Summary entries of field errors, in the order of `fields` (name → input id). */
export const summaryOf = (errors: Record<string, string | undefined>, fields: Record<string, string>, general?: string | null): SummaryError[] => [
  ...(general ? [{ message: general }] : []),
  ...Object.entries(fields).flatMap(([name, fieldId]) => (errors[name] ? [{ message: errors[name]!, fieldId }] : [])),
];

/** A password input (DSFR) with a "show" checkbox; autocomplete says whether it is the current or a new password. */
export const PasswordField = ({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  autoComplete,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete: "current-password" | "new-password";
}) => {
  const [shown, setShown] = useState(false);
  return (
    <div className="fr-mb-3w">
      <Input
        label={label}
        hintText={hint}
        {...fieldState(error)}
        className="fr-mb-1w"
        nativeInputProps={{
          id,
          name: id,
          type: shown ? "text" : "password",
          value,
          onChange: (event) => onChange(event.target.value),
          autoComplete,
          required: true,
          spellCheck: false,
          autoCapitalize: "off",
        }}
      />
      <div className="fr-checkbox-group fr-checkbox-group--sm">
        <input type="checkbox" id={`${id}-show`} checked={shown} onChange={() => setShown((s) => !s)} aria-controls={id} />
        <label className="fr-label" htmlFor={`${id}-show`}>{t.showPassword}</label>
      </div>
    </div>
  );
};
