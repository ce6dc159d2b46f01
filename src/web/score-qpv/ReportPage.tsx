// Page of a stored Score QPV report: figures, comparison, tables, sources and downloads.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import type { z } from "zod";
import type { storedReportSchema } from "../../score-qpv/score-qpv.contract.ts";
import { useLoad } from "../api/use-load.ts";
import { PageHeading, usePageTitle } from "../layout/page.tsx";
import { Link } from "../layout/router.tsx";
import { paths } from "../layout/router.domain.ts";
import { ReportHeadline } from "./ReportHeadline.tsx";
import { BreakdownsSection, RowsSection, SourcesSection } from "./ReportTables.tsx";
import { SaveScore } from "./SaveScore.tsx";
import { type ReportFormat, fetchReport, reportFileUrl } from "./score-qpv.api.ts";
import { reportText as t } from "./report.fr.ts";

type StoredReport = z.infer<typeof storedReportSchema>;

const Downloads = ({ id }: { id: string }) => (
  <section aria-labelledby="telechargements" className="fr-mt-6w">
    <h2 id="telechargements">{t.downloads.heading}</h2>
    <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
      {(["pdf", "csv", "md"] as ReportFormat[]).map((format, i) => (
        <li key={format}>
          <a
            className={`fr-btn fr-icon-download-line ${i === 0 ? "" : "fr-btn--secondary"}`}
            href={reportFileUrl(id, format)}
            download
          >
            {t.downloads[format]}
          </a>
        </li>
      ))}
    </ul>
  </section>
);

export const ReportPage = ({ reportId }: { reportId: string }) => {
  usePageTitle(t.title);
  const { state } = useLoad((signal) => fetchReport(reportId, signal), [reportId]);

  return (
    <>
      <PageHeading>{t.title}</PageHeading>
      {state.kind === "loading" && <p role="status">{t.loading}</p>}
      {state.kind === "error" && <Alert severity="error" as="h2" title={t.notFound} description={state.message} />}
      {state.kind === "done" && <ReportBody stored={state.value} />}
      <p className="fr-mt-6w">
        <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={paths.scoreQpv}>{t.back}</Link>
      </p>
    </>
  );
};

const ReportBody = ({ stored }: { stored: StoredReport }) => {
  const { report } = stored;
  return (
    <>
      <p className="fr-text--lead">{t.period(report.period.from, report.period.to, report.period.defaulted)}</p>
      <p className="fr-text--sm">
        {t.generatedAt(stored.createdAt)} {t.anonymity}
      </p>
      <ReportHeadline report={report} />
      <SaveScore reportId={stored.id} />
      <RowsSection report={report} />
      <BreakdownsSection report={report} />
      <SourcesSection report={report} />
      <Downloads id={stored.id} />
    </>
  );
};

