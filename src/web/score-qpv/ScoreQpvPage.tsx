// Page "Score QPV": upload → columns → progress, then navigation to the report page.
import { Stepper } from "@codegouvfr/react-dsfr/Stepper";
import { useCallback, useRef, useState } from "react";
import type { Inspection, ScoreJob } from "../../score-qpv/score-qpv.contract.ts";
import { useSession } from "../accounts/index.ts";
import { errorMessage } from "../api/client.ts";
import { PageHeading, usePageTitle } from "../layout/page.tsx";
import { Link, navigate } from "../layout/router.tsx";
import { paths } from "../layout/router.domain.ts";
import { historyText } from "./history.fr.ts";
import { InspectionStep, type StartRequest } from "./InspectionStep.tsx";
import { JobProgress } from "./JobProgress.tsx";
import { createJob, inspectFile } from "./score-qpv.api.ts";
import { scoreQpvText as t } from "./score-qpv.fr.ts";
import { UploadStep } from "./UploadStep.tsx";

type Step =
  | { kind: "upload"; busy: boolean; error: string | null }
  | { kind: "inspect"; file: File; inspection: Inspection; busy: boolean; error: string | null }
  | { kind: "run"; job: ScoreJob };

const stepIndex = { upload: 0, inspect: 1, run: 2 } as const;

export const ScoreQpvPage = () => {
  usePageTitle(t.title);
  const { acting } = useSession();
  const [step, setStep] = useState<Step>({ kind: "upload", busy: false, error: null });
  const stepper = useRef<HTMLDivElement>(null);
  /** After a step change, focus goes to the stepper's title ("Vérifier les colonnes — Étape 2 sur 4"). */
  const focusStep = () =>
    requestAnimationFrame(() => {
      const title = stepper.current?.querySelector<HTMLElement>("h2");
      title?.setAttribute("tabindex", "-1");
      title?.focus();
    });

  const inspect = async (file: File, sheet?: string) => {
    setStep((previous) => (previous.kind === "inspect" && sheet ? { ...previous, busy: true } : { kind: "upload", busy: true, error: null }));
    try {
      const inspection = await inspectFile(file, sheet);
      setStep({ kind: "inspect", file, inspection, busy: false, error: null });
      focusStep();
    } catch (error) {
      setStep((previous) =>
        previous.kind === "inspect" ? { ...previous, busy: false, error: errorMessage(error) } : { kind: "upload", busy: false, error: errorMessage(error) },
      );
    }
  };

  const start = async (file: File, request: StartRequest) => {
    setStep((previous) => (previous.kind === "inspect" ? { ...previous, busy: true, error: null } : previous));
    try {
      const job = await createJob({ file, ...request });
      setStep({ kind: "run", job });
      focusStep();
    } catch (error) {
      setStep((previous) => (previous.kind === "inspect" ? { ...previous, busy: false, error: errorMessage(error) } : previous));
    }
  };

  const restart = () => {
    setStep({ kind: "upload", busy: false, error: null });
    focusStep();
  };
  const done = useCallback((reportId: string) => navigate(paths.scoreQpvReport(reportId)), []);

  const current = stepIndex[step.kind];
  return (
    <>
      <PageHeading>{t.title}</PageHeading>
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-lg-9">
          {t.lead.map((line, i) => (
            <p key={i} className={i === 2 ? "fr-text--bold" : undefined}>{line}</p>
          ))}
          {acting?.family === "employer" && (
            <p>
              <Link className="fr-link fr-icon-line-chart-line fr-link--icon-left" href={paths.scoreQpvHistory}>{historyText.link}</Link>
            </p>
          )}
        </div>
      </div>
      <div ref={stepper} className="fr-mt-4w">
        <Stepper currentStep={current + 1} stepCount={t.steps.length} title={t.steps[current]} nextTitle={t.steps[current + 1]} />
      </div>
      <div className="tremplin-step">
        {step.kind === "upload" && <UploadStep busy={step.busy} serverError={step.error} onFile={(file) => inspect(file)} />}
        {step.kind === "inspect" && (
          <InspectionStep
            key={`${step.inspection.fileName}:${step.inspection.sheet ?? ""}`}
            inspection={step.inspection}
            busy={step.busy}
            serverError={step.error}
            onSheet={(sheet) => inspect(step.file, sheet)}
            onStart={(request) => start(step.file, request)}
            onRestart={restart}
          />
        )}
        {step.kind === "run" && <JobProgress initial={step.job} onDone={done} onRestart={restart} />}
      </div>
    </>
  );
};
