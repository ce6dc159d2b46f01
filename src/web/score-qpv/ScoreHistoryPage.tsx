// Page "Historique du Score QPV" of the acting employer: the chart of the QPV and rural shares period after
// period with the national reference, its data table, and the saved scores (link to the saved copy and to the
// original report while it is kept, delete for admins); a filter by label (?libelle=) applies to all three.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { useEffect, useRef, useState } from "react";
import { NATIONAL_QPV_SHARE } from "../../score-qpv/report.domain.ts";
import type { SavedScoreSummary } from "../../score-qpv/score-history.contract.ts";
import { RequireSession, useSession } from "../accounts/index.ts";
import type { SessionOrganisation } from "../accounts/index.ts";
import { errorMessage } from "../api/client.ts";
import { useLoad } from "../api/use-load.ts";
import { PageHeading, usePageTitle } from "../layout/page.tsx";
import { Link, navigate, useLocation } from "../layout/router.tsx";
import { paths } from "../layout/router.domain.ts";
import { formatShare } from "../shared-format.ts";
import { HistoryChart } from "./HistoryChart.tsx";
import {
  compareSavedScores,
  effectiveFilter,
  filterByLabel,
  historySeries,
  historyUrl,
  labelChoices,
  labelFilterFromSearch,
  type LabelFilter,
  scoreName,
} from "./history.domain.ts";
import { historyText } from "./history.fr.ts";
import { compareShares } from "./report.domain.ts";
import { deleteSavedScore, fetchScoreHistory } from "./score-qpv.api.ts";

const t = historyText.page;

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
  const period = scoreName(score);
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

/** "Tous", each label, "Sans libellé": applied on change, in place (the focus stays on the select). */
const LabelFilterSelect = ({ choices, filter }: { choices: (string | null)[]; filter: LabelFilter }) => (
  <Select
    className="tremplin-history-filter"
    label={t.filterLabel}
    hint={t.filterHint}
    nativeSelectProps={{
      value: historyUrl(filter),
      onChange: (event) => navigate(event.target.value, { replace: true, keepPosition: true }),
    }}
  >
    <option value={historyUrl({ kind: "all" })}>{t.filterAll}</option>
    {choices.map((label) => (
      <option key={label ?? ""} value={historyUrl({ kind: "label", label })}>{label ?? t.filterNone}</option>
    ))}
  </Select>
);

const scoreLinks = (score: SavedScoreSummary) => {
  const name = scoreName(score);
  return (
    <>
      <Link className="fr-link tremplin-nowrap" href={paths.scoreQpvSavedScore(score.id)} aria-label={t.scoreLinkTitle(name)}>{t.scoreLink}</Link>
      <br />
      {score.reportId ? (
        <Link className="fr-link fr-link--sm tremplin-nowrap" href={paths.scoreQpvReport(score.reportId)} aria-label={t.reportLinkTitle(name)}>{t.reportLink}</Link>
      ) : (
        <span className="fr-text--xs fr-text-mention--grey">{t.reportGone}</span>
      )}
    </>
  );
};

const History = ({ organisation }: { organisation: SessionOrganisation }) => {
  const { search } = useLocation();
  const { state, reload } = useLoad((signal) => fetchScoreHistory(organisation.id, signal).then(({ scores }) => scores), [organisation.id]);
  const [notice, setNotice] = useState<{ severity: "success" | "error"; message: string } | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const isAdmin = organisation.role === "admin";

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  // A label no saved score has any more (its last one deleted, an old link) leaves the query string.
  const asked = labelFilterFromSearch(search);
  const staleLabel = state.kind === "done" && asked.kind === "label" && effectiveFilter(asked, labelChoices(state.value)).kind === "all";
  useEffect(() => {
    if (staleLabel) navigate(historyUrl({ kind: "all" }), { replace: true, keepPosition: true });
  }, [staleLabel]);

  const onRemoved = (message: string | null, error?: string) => {
    setNotice(message ? { severity: "success", message } : { severity: "error", message: error ?? "" });
    if (message) reload();
  };

  if (state.kind === "loading") return <p role="status">{t.loading}</p>;
  if (state.kind === "error") return <Alert severity="error" small description={state.message} />;

  const all = [...state.value].sort(compareSavedScores);
  const choices = labelChoices(all);
  const filter = effectiveFilter(asked, choices);
  const scores = filterByLabel(all, filter);
  const series = historySeries(scores);
  // The reference of the latest saved score, whatever the filter: one line for every view.
  const reference = all.at(-1)?.nationalQpvShare ?? NATIONAL_QPV_SHARE;
  return (
    <>
      {notice && (
        <div ref={noticeRef} tabIndex={-1} className="fr-mb-3w">
          <Alert severity={notice.severity} small description={notice.message} />
        </div>
      )}
      {all.length === 0 ? (
        <Alert severity="info" small description={t.empty} />
      ) : (
        <>
          {choices.length > 0 && (
            <div className="fr-mt-4w" data-testid="label-filter">
              <LabelFilterSelect choices={choices} filter={filter} />
              <p className="fr-text--sm fr-mb-0" role="status">
                {filter.kind === "label" ? t.filterSummary(scores.length, all.length, filter.label) : ""}
              </p>
            </div>
          )}
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
                  const row = [
                    t.savedOn(score.savedAt, score.savedBy?.name ?? null),
                    t.period(score.period.from, score.period.to),
                    score.label ?? t.noLabel,
                    formatShare(score.qpv.share),
                    formatShare(score.rural.share),
                    scoreLinks(score),
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
