// Choose ROME 4.0 codes (appellations or compétences) by searching their labels; `single` keeps one code
// (choosing another replaces it), as the employer's offer form needs for its appellation.
import { useEffect, useId, useState } from "react";
import { type CodeLabel, addCode } from "./code-picker.domain.ts";
import { formsText } from "./forms.fr.ts";

const t = formsText.codePicker;

export const CodePicker = ({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  search,
  single = false,
  chooseLabel = t.add,
  required = false,
}: {
  id: string;
  label: string;
  hint: string;
  error?: string;
  value: CodeLabel[];
  onChange: (value: CodeLabel[]) => void;
  search: (q: string, signal: AbortSignal) => Promise<CodeLabel[]>;
  /** At most one code: choosing one replaces the current one. */
  single?: boolean;
  /** Text of the button that picks a result ("Ajouter « … »" by default). */
  chooseLabel?: (label: string) => string;
  required?: boolean;
}) => {
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<CodeLabel[] | null>(null);
  const hintId = useId();
  const errorId = useId();
  const statusId = useId();

  useEffect(() => {
    if (query.trim().length < 2) {
      setResults(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      search(query.trim(), controller.signal).then(setResults, () => setResults([]));
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, search]);

  return (
    <div className={`fr-input-group${error ? " fr-input-group--error" : ""}`}>
      <label className="fr-label" htmlFor={id}>
        {label}
        <span className="fr-hint-text" id={hintId}>{hint}</span>
      </label>
      {value.length > 0 && (
        <ul className="fr-tags-group fr-mt-1w" aria-label={label}>
          {value.map((item) => (
            <li key={item.code}>
              <button type="button" className="fr-tag fr-tag--dismiss" aria-label={t.remove(item.label)} onClick={() => onChange(value.filter((v) => v.code !== item.code))}>
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        className={`fr-input${error ? " fr-input--error" : ""}`}
        id={id}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        aria-describedby={[hintId, error ? errorId : null, statusId].filter(Boolean).join(" ")}
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
        autoComplete="off"
      />
      <p id={statusId} className="fr-sr-only" aria-live="polite">
        {results === null ? "" : results.length === 0 ? t.noResult : t.results(results.length)}
      </p>
      {results && results.length > 0 && (
        <ul className="tremplin-code-results fr-mt-1w">
          {results.map((item) => (
            <li key={item.code}>
              <button
                type="button"
                className="fr-btn fr-btn--tertiary fr-btn--sm fr-mb-1v"
                onClick={() => {
                  onChange(single ? [item] : addCode(value, item));
                  setQuery("");
                  document.getElementById(id)?.focus();
                }}
              >
                {chooseLabel(item.label)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {results && results.length === 0 && <p className="fr-text--sm fr-mt-1w">{t.noResult}</p>}
      {error && <p className="fr-error-text" id={errorId}>{error}</p>}
    </div>
  );
};
