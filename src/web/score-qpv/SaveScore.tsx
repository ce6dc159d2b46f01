// "Enregistrer dans mon organisation" on the report page: for a person acting for an employer; a hint otherwise.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { scoreHistoryRules } from "../../score-qpv/score-history.contract.ts";
import { signInUrl, useSession } from "../accounts/index.ts";
import { ApiError, errorMessage, fieldErrors } from "../api/client.ts";
import { fieldState } from "../forms/forms.tsx";
import { Link, useLocation } from "../layout/router.tsx";
import { paths } from "../layout/router.domain.ts";
import { historyText } from "./history.fr.ts";
import { saveScore } from "./score-qpv.api.ts";

const t = historyText.save;

type Status = { kind: "idle" } | { kind: "saving" } | { kind: "saved"; organisation: string } | { kind: "error"; message: string; field?: string; already?: boolean };

export const SaveScore = ({ reportId }: { reportId: string }) => {
  const session = useSession();
  const { pathname, search } = useLocation();
  const [label, setLabel] = useState("");
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const result = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (status.kind === "saved" || (status.kind === "error" && !status.field)) result.current?.focus();
  }, [status]);

  if (session.status === "loading") return null;
  const body = (() => {
    if (session.status === "anonymous") {
      return (
        <p>
          {t.signedOut}{" "}
          <Link className="fr-link" href={signInUrl(pathname + search)}>{t.signInLink}</Link>
        </p>
      );
    }
    const acting = session.acting;
    if (!acting || acting.family !== "employer") return <p>{t.notEmployer}</p>;
    const submit = async (event: FormEvent) => {
      event.preventDefault();
      setStatus({ kind: "saving" });
      try {
        await saveScore(acting.id, { reportId, label: label.trim() === "" ? undefined : label });
        setStatus({ kind: "saved", organisation: acting.name });
      } catch (error) {
        const field = fieldErrors(error).label;
        setStatus({ kind: "error", message: field ?? errorMessage(error), field: field ? "label" : undefined, already: error instanceof ApiError && error.code === "score_history.already_saved" });
      }
    };
    if (status.kind === "saved") {
      return (
        <div ref={result} tabIndex={-1}>
          <Alert
            severity="success"
            small
            description={
              <>
                {t.saved(status.organisation)}{" "}
                <Link className="fr-link" href={paths.scoreQpvHistory}>{t.historyLink}</Link>
              </>
            }
          />
        </div>
      );
    }
    const fieldError = status.kind === "error" && status.field ? status.message : undefined;
    return (
      <>
        <p>{t.lead(acting.name)}</p>
        <form onSubmit={submit} noValidate className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
          <div className="fr-col-12 fr-col-md-6">
            <Input
              label={t.label}
              hintText={t.labelHint}
              {...fieldState(fieldError)}
              nativeInputProps={{ id: "score-label", name: "label", value: label, maxLength: scoreHistoryRules.labelMaxLength + 20, onChange: (e) => setLabel(e.target.value) }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-6 fr-mb-3w">
            <button type="submit" className="fr-btn fr-icon-save-line fr-btn--icon-left" disabled={status.kind === "saving"}>
              {status.kind === "saving" ? t.saving : t.button}
            </button>
          </div>
        </form>
        {status.kind === "error" && !status.field && (
          <div ref={result} tabIndex={-1}>
            <Alert
              severity={status.already ? "info" : "error"}
              small
              description={
                <>
                  {status.message}
                  {status.already && <> <Link className="fr-link" href={paths.scoreQpvHistory}>{t.historyLink}</Link></>}
                </>
              }
            />
          </div>
        )}
      </>
    );
  })();
  return (
    <section aria-labelledby="enregistrer" className="fr-mt-6w">
      <h2 id="enregistrer">{t.heading}</h2>
      {body}
    </section>
  );
};
