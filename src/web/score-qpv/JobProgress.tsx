// Step 3: follows the job every ~500 ms, shows a progress bar and hands over the report id when done.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useEffect, useState } from "react";
import type { ScoreJob } from "../../score-qpv/score-qpv.contract.ts";
import { errorMessage } from "../api/client.ts";
import { fetchJob } from "./score-qpv.api.ts";
import { scoreQpvText } from "./score-qpv.fr.ts";

const t = scoreQpvText.progress;
const pollEveryMs = 500;

/** Announced to screen readers only by tenths, so the live region does not speak twice a second. */
const announcement = (job: ScoreJob) => {
  const { done, total } = job.progress;
  if (job.status === "pending") return t.pending;
  if (total === null || total === 0) return t.counted(Math.floor(done / 1000) * 1000, null);
  return t.counted(Math.floor((done / total) * 10) * Math.floor(total / 10), total);
};

export const JobProgress = ({ initial, onDone, onRestart }: { initial: ScoreJob; onDone: (reportId: string) => void; onRestart: () => void }) => {
  const [job, setJob] = useState(initial);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await fetchJob(initial.id, abort.signal);
        setJob(next);
        if (next.status === "succeeded" && next.reportId) return onDone(next.reportId);
        if (next.status === "failed" || next.status === "interrupted") return;
      } catch (reason) {
        if (abort.signal.aborted) return;
        setError(errorMessage(reason));
        return;
      }
      timer = setTimeout(poll, pollEveryMs);
    };
    timer = setTimeout(poll, initial.status === "succeeded" ? 0 : pollEveryMs);
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [initial.id, initial.status, onDone]);

  const { done, total } = job.progress;
  const failure = error ?? (job.status === "failed" ? (job.error?.message ?? t.failed) : job.status === "interrupted" ? t.interrupted : null);
  return (
    <section aria-labelledby="progress-heading">
      <h2 id="progress-heading">{t.heading}</h2>
      {failure ? (
        <>
          <Alert severity="error" as="h3" title={t.failed} description={failure} role="alert" />
          <Button type="button" className="fr-mt-3w" onClick={onRestart}>{t.retry}</Button>
        </>
      ) : (
        <>
          <label htmlFor="score-progress" className="fr-label">{t.label}</label>
          <progress
            id="score-progress"
            className="tremplin-progress"
            max={total ?? undefined}
            value={total === null ? undefined : done}
            aria-describedby="score-progress-text"
          />
          <p id="score-progress-text" className="fr-mt-1w" data-testid="progress-text">
            {job.status === "pending" ? t.pending : t.counted(done, total)}
          </p>
          <p className="fr-sr-only" aria-live="polite">{announcement(job)}</p>
        </>
      )}
    </section>
  );
};
