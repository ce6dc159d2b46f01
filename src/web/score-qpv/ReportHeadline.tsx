// Headline of the report: the three figures, then the comparison with the national and départements' references.
import { Table } from "@codegouvfr/react-dsfr/Table";
import type { ScoreQpvReport } from "../../score-qpv/score-qpv.contract.ts";
import { formatCount, formatInteger, formatShare } from "../shared-format.ts";
import { compareShares, departementsReference, ruralSchemesLabel } from "./report.domain.ts";
import { reportText } from "./report.fr.ts";

const t = reportText;

const Figure = ({ title, value, detail, testId }: { title: string; value: string; detail: string; testId: string }) => (
  <div className="fr-col-12 fr-col-md-4">
    <div className="tremplin-figure">
      <h3 className="fr-h6 fr-mb-1w">{title}</h3>
      <p className="tremplin-figure__value" data-testid={testId}>{value}</p>
      <p className="fr-text--sm fr-mb-0">{detail}</p>
    </div>
  </div>
);

export const ReportHeadline = ({ report }: { report: ScoreQpvReport }) => {
  const rural = ruralSchemesLabel(report);
  const { reference } = report;
  const national = compareShares(report.qpv.share, reference.nationalQpvShare);
  const departements = departementsReference(reference.departements);
  const departementsComparison = compareShares(report.qpv.share, departements);
  const share = formatShare(report.qpv.share);
  return (
    <>
      <section aria-labelledby="resultats">
        <h2 id="resultats">{t.headline}</h2>
        <div className="fr-grid-row fr-grid-row--gutters">
          <Figure title={t.tiles.qpv} value={share} detail={t.tiles.qpvDetail(report.qpv.count, report.rows.located)} testId="qpv-share" />
          <Figure title={t.tiles.rural(rural)} value={formatShare(report.rural.share)} detail={t.tiles.ruralDetail(report.rural.count)} testId="rural-share" />
          <Figure title={t.tiles.uncertain} value={formatInteger(report.qpv.uncertain)} detail={t.tiles.uncertainDetail(report.qpv.uncertain)} testId="uncertain" />
        </div>
        {report.qpv.share === null && <p className="fr-mt-2w">{t.tiles.notComputable}</p>}
      </section>
      <section aria-labelledby="comparaison" className="fr-mt-6w">
        <h2 id="comparaison">{t.comparison.heading}</h2>
        <p>{t.comparison.national(formatShare(reference.nationalQpvShare), reference.nationalSource)}</p>
        {national && <p className="fr-text--lead" data-testid="national-comparison">{t.comparison.sentence(share, national, t.comparison.nationalWhat)}</p>}
        {reference.departements.length > 0 && (
          <>
            <p>{t.comparison.departementsLead}</p>
            <Table
              caption={t.comparison.departementsCaption}
              headers={[...t.comparison.departementsHeaders]}
              data={reference.departements.map((d) => [`${d.name} (${d.code})`, formatCount(d.hires), formatShare(d.qpvAddressShare), d.source])}
            />
            {departements !== null && <p>{t.comparison.departementsWeighted(formatShare(departements))}</p>}
            {departementsComparison && <p>{t.comparison.sentence(share, departementsComparison, t.comparison.departementsWhat)}</p>}
          </>
        )}
      </section>
    </>
  );
};
