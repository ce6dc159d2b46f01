// Page "Historique du Score QPV" of the acting employer: the chart of the QPV and rural shares period after
// period with the national reference, its data table, and the saved scores (link to the report, delete for admins).
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { useEffect, useRef, useState } from "react";
import { NATIONAL_QPV_SHARE } from "../../score-qpv/report.domain.ts";
import type { SavedScoreSummary } from "../../score-qpv/score-history.contract.ts";
import { RequireSession, useSession } from "../accounts/index.ts";
import type { SessionOrganisation } from "../accounts/index.ts";
import { errorMessage } from "../api/client.ts";
import { PageHeading, usePageTitle } from "../layout/page.tsx";
import { Link } from "../layout/router.tsx";
import { paths } from "../layout/router.domain.ts";
import { formatShare } from "../shared-format.ts";
import { HistoryChart } from "./HistoryChart.tsx";
import { compareSavedScores, historySeries, periodLabel } from "./history.domain.ts";
import { historyText } from "./history.fr.ts";
import { compareShares } from "./report.domain.ts";
import { deleteSavedScore, fetchScoreHistory } from "./score-qpv.api.ts";

const t = historyText.page;

type State = { kind: "loading" } | { kind: "error"; message: string } | { kind: "done"; scores: SavedScoreSummary[] };

const gap = (share: number | null, reference: number) => {
  const comparison = compareShares(share, reference);
  if (!comparison) return "—";
  return comparison.direction === "equal" ? "égale" : t.evolution(comparison.direction === "above" ? comparison.points : -comparison.points);
};

const RemoveButton = ({ score, onRemoved }: { score: SavedScoreSummary; onRemoved: (message: string | null, error?: string) => void }) => {
  const { acting } = useSession();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const removeRef = useRef<HTMLButtonElement>(null);
  const period = periodLabel(score.period.from, score.period.to) + (score.label ? ` · ${score.label}` : "");
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  if (!confirming) {
    return (
      <button ref={removeRef} type="button" className="fr-btn fr-btn--sm fr-btn--tertiary fr-icon-delete-line fr-btn--icon-left" aria-label={t.removeTitle(period)} onClick={() => setConfirming(true)}>
        {t.remove}
      </button>
    );
  }
  const remove = async () => {
    setBusy(true);
    try {
      await deleteSavedScore(acting!.id, score.id);
      onRemoved(t.removed);
    } catch (error) {
      setBusy(false);
      setConfirming(false);
      onRemoved(null, errorMessage(error));
    }
  };
  return (
    <ul className="fr-btns-group fr-btns-group--sm fr-btns-group--inline">
      <li>
        <button ref={confirmRef} type="button" className="fr-btn fr-btn--sm" aria-label={t.confirmRemoveTitle(period)} disabled={busy} onClick={remove}>
          {t.confirmRemove}
        </button>
      </li>
      <li>
        <button type="button" className="fr-btn fr-btn--sm fr-btn--secondary" disabled={busy} onClick={() => setConfirming(false)}>{t.cancel}</button>
      </li>
    </ul>
  );
};

const History = ({ organisation }: { organisation: SessionOrganisation }) => {
  const [state, setState] = useState<State>({ kind: "loading" });
  const [notice, setNotice] = useState<{ severity: "success" | "error"; message: string } | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const [version, setVersion] = useState(0);
  const isAdmin = organisation.role === "admin";

  useEffect(() => {
    const abort = new AbortController();
    fetchScoreHistory(organisation.id, abort.signal)
      .then(({ scores }) => setState({ kind: "done", scores }))
      .catch((error: unknown) => {
        if (!abort.signal.aborted) setState({ kind: "error", message: errorMessage(error) });
      });
    return () => abort.abort();
  }, [organisation.id, version]);

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const onRemoved = (message: string | null, error?: string) => {
    setNotice(message ? { severity: "success", message } : { severity: "error", message: error ?? "" });
    if (message) setVersion((v) => v + 1);
  };

  if (state.kind === "loading") return <p role="status">{t.loading}</p>;
  if (state.kind === "error") return <Alert severity="error" small description={state.message} />;

  const scores = [...state.scores].sort(compareSavedScores);
  const series = historySeries(scores);
  const reference = scores.at(-1)?.nationalQpvShare ?? NATIONAL_QPV_SHARE;
  return (
    <>
      {notice && (
        <div ref={noticeRef} tabIndex={-1} className="fr-mb-3w">
          <Alert severity={notice.severity} small description={notice.message} />
        </div>
      )}
      {scores.length === 0 ? (
        <Alert severity="info" small description={t.empty} />
      ) : (
        <>
          <section aria-labelledby="historique-evolution" className="fr-mt-4w">
            <h2 id="historique-evolution">{t.chartHeading}</h2>
            <HistoryChart series={series} reference={reference} />
            <div data-testid="history-table">
              <Table
                caption={t.tableCaption}
                headers={[...t.tableHeaders]}
                data={series.map((point) => [
                  point.name,
                  point.located.toLocaleString("fr-FR"),
                  formatShare(point.qpvShare),
                  t.evolution(point.qpvEvolution),
                  gap(point.qpvShare, reference),
                  formatShare(point.ruralShare),
                ])}
              />
            </div>
          </section>
          <section aria-labelledby="historique-liste" className="fr-mt-6w">
            <h2 id="historique-liste">{t.listHeading}</h2>
            <div data-testid="saved-scores">
              <Table
                caption={t.listCaption}
                headers={[...(isAdmin ? t.listHeaders : t.listHeadersMember)]}
                data={[...scores].reverse().map((score) => {
                  const period = periodLabel(score.period.from, score.period.to);
                  const row = [
                    t.savedOn(score.savedAt, score.savedBy?.name ?? null),
                    t.period(score.period.from, score.period.to),
                    score.label ?? t.noLabel,
                    formatShare(score.qpv.share),
                    formatShare(score.rural.share),
                    score.reportId ? (
                      <Link className="fr-link" href={paths.scoreQpvReport(score.reportId)} aria-label={t.reportLinkTitle(period + (score.label ? ` · ${score.label}` : ""))}>{t.reportLink}</Link>
                    ) : (
                      t.reportGone
                    ),
                  ];
                  return isAdmin ? [...row, <RemoveButton key={score.id} score={score} onRemoved={onRemoved} />] : row;
                })}
              />
            </div>
          </section>
        </>
      )}
      <p className="fr-mt-4w">
        <Link className="fr-btn fr-btn--secondary fr-icon-add-line fr-btn--icon-left" href={paths.scoreQpv}>{t.newScore}</Link>
      </p>
    </>
  );
};

const Content = () => {
  const { acting } = useSession();
  usePageTitle(t.title);
  return (
    <>
      <PageHeading>{t.title}</PageHeading>
      <p className="fr-text--lead">{t.lead(acting!.name)}</p>
      <History organisation={acting!} />
    </>
  );
};

export const ScoreHistoryPage = () => (
  <RequireSession title={t.guardTitle} kinds={["professional"]} family="employer">
    <Content />
  </RequireSession>
);
