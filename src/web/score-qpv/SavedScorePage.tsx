// Page of one saved Score QPV of the acting employer (/score-qpv/historique/:scoreId): the copy of the
// aggregated report kept in the history, shown with the report page's sections, and who saved it and when.
// It opens even when the original stored report is gone (reportId null).
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import type { SavedScore } from "../../score-qpv/score-history.contract.ts";
import { RequireSession, useSession } from "../accounts/index.ts";
import type { SessionOrganisation } from "../accounts/index.ts";
import { useLoad } from "../api/use-load.ts";
import { PageHeading, usePageTitle } from "../layout/page.tsx";
import { Link } from "../layout/router.tsx";
import { paths } from "../layout/router.domain.ts";
import { formatDate } from "../shared-format.ts";
import { ReportHeadline } from "./ReportHeadline.tsx";
import { BreakdownsSection, RowsSection, SourcesSection } from "./ReportTables.tsx";
import { scoreName } from "./history.domain.ts";
import { historyText } from "./history.fr.ts";
import { reportText } from "./report.fr.ts";
import { fetchSavedScore } from "./score-qpv.api.ts";

const t = historyText.saved;

const Copy = ({ score, organisation }: { score: SavedScore; organisation: string }) => (
  <div className="fr-callout fr-icon-archive-line fr-my-4w" data-testid="saved-copy">
    <h2 className="fr-callout__title fr-h5">{t.copyTitle(score.savedAt)}</h2>
    <p className="fr-callout__text fr-text--md">{t.copy(organisation)}</p>
    <p className="fr-callout__text fr-text--md fr-mt-2w">
      {score.reportId ? (
        <>
          {t.original}{" "}
          <Link className="fr-link" href={paths.scoreQpvReport(score.reportId)}>{t.originalLink}</Link>
        </>
      ) : (
        t.originalGone
      )}
    </p>
  </div>
);

const Facts = ({ score }: { score: SavedScore }) => (
  <dl className="tremplin-facts" data-testid="saved-facts">
    <dt>{t.factsLabel}</dt>
    <dd>{score.label ?? t.noLabel}</dd>
    <dt>{t.factsSaved}</dt>
    <dd>{t.savedOn(score.savedAt, score.savedBy?.name ?? null)}</dd>
    <dt>{t.factsPeriod}</dt>
    <dd>{t.period(score.period.from, score.period.to, score.report.period.defaulted)}</dd>
    <dt>{t.factsGenerated}</dt>
    <dd>{formatDate(score.report.generatedAt)}</dd>
  </dl>
);

const Saved = ({ organisation, scoreId }: { organisation: SessionOrganisation; scoreId: string }) => {
  const { state } = useLoad((signal) => fetchSavedScore(organisation.id, scoreId, signal), [organisation.id, scoreId]);
  const name = state.kind === "done" ? scoreName(state.value) : null;
  usePageTitle(name ? t.heading(name) : t.title);

  return (
    <>
      <PageHeading>{name ? t.heading(name) : t.title}</PageHeading>
      {state.kind === "loading" && <p role="status">{t.loading}</p>}
      {state.kind === "error" && <Alert severity="error" as="h2" title={t.notFound} description={state.message} />}
      {state.kind === "done" && (
        <>
          <Facts score={state.value} />
          <Copy score={state.value} organisation={organisation.name} />
          <p className="fr-text--sm">{reportText.anonymity}</p>
          <ReportHeadline report={state.value.report} />
          <RowsSection report={state.value.report} />
          <BreakdownsSection report={state.value.report} />
          <SourcesSection report={state.value.report} />
        </>
      )}
      <p className="fr-mt-6w">
        <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={paths.scoreQpvHistory}>{t.back}</Link>
      </p>
    </>
  );
};

const Content = ({ scoreId }: { scoreId: string }) => {
  const { acting } = useSession();
  return <Saved organisation={acting!} scoreId={scoreId} />;
};

export const SavedScorePage = ({ scoreId }: { scoreId: string }) => (
  <RequireSession title={t.guardTitle} kinds={["professional"]} family="employer">
    <Content scoreId={scoreId} />
  </RequireSession>
);
