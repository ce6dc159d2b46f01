// Detail of the report: rows read, reasons, breakdowns (DSFR tables, counts under 5 shown "< 5"), sources.
import { Table } from "@codegouvfr/react-dsfr/Table";
import type { ScoreQpvReport } from "../../score-qpv/score-qpv.contract.ts";
import { formatCount, formatInteger, formatShare } from "../shared-format.ts";
import { MonthChart } from "./MonthChart.tsx";
import { ruralSchemesLabel } from "./report.domain.ts";
import { reportText } from "./report.fr.ts";

const t = reportText;
type BreakdownKey = "byMonth" | "byContractType" | "byEstablishment" | "byDepartement";

export const RowsSection = ({ report }: { report: ScoreQpvReport }) => {
  const { rows } = report;
  const r = t.rows;
  return (
    <section aria-labelledby="lignes" className="fr-mt-6w">
      <h2 id="lignes">{r.heading}</h2>
      <Table
        caption={r.caption}
        headers={[...r.headers]}
        data={(
          [
            [r.total, rows.total],
            [r.outOfPeriod, rows.outOfPeriod],
            [r.invalid, rows.invalid],
            [r.duplicates, rows.duplicates],
            [r.inPeriod, rows.inPeriod],
            [r.located, rows.located],
            [r.unlocated, rows.unlocated],
          ] as const
        ).map(([label, value]) => [label, formatInteger(value)])}
      />
      <h3>{r.unlocatedHeading}</h3>
      {report.unlocatedReasons.length === 0 ? (
        <p>{r.none}</p>
      ) : (
        <Table caption={r.unlocatedCaption} headers={[...r.reasonHeaders]} data={report.unlocatedReasons.map((x) => [x.label, formatInteger(x.count)])} />
      )}
      <h3>{r.invalidHeading}</h3>
      {report.invalidReasons.length === 0 ? (
        <p>{r.none}</p>
      ) : (
        <Table
          caption={r.invalidCaption}
          headers={[...r.invalidHeaders]}
          data={report.invalidReasons.map((x) => [x.label, formatInteger(x.count), x.firstLines.map(formatInteger).join(", ")])}
        />
      )}
    </section>
  );
};

const BreakdownTable = ({ report, which }: { report: ScoreQpvReport; which: BreakdownKey }) => {
  const b = t.breakdowns;
  const rows = report.breakdowns[which];
  return (
    <>
      <h3>{b[which]}</h3>
      {rows.length === 0 ? (
        <p>{b.empty}</p>
      ) : (
        <Table
          caption={b[which]}
          noCaption
          headers={b.headers(b.firstColumn[which], ruralSchemesLabel(report))}
          data={rows.map((row) => [row.label, formatCount(row.located), formatCount(row.qpv), formatShare(row.qpvShare), formatCount(row.rural)])}
        />
      )}
    </>
  );
};

export const BreakdownsSection = ({ report }: { report: ScoreQpvReport }) => {
  const b = t.breakdowns;
  return (
    <section aria-labelledby="repartitions" className="fr-mt-6w">
      <h2 id="repartitions">{b.heading}</h2>
      <MonthChart rows={report.breakdowns.byMonth} />
      <BreakdownTable report={report} which="byMonth" />
      <BreakdownTable report={report} which="byContractType" />
      <BreakdownTable report={report} which="byEstablishment" />
      <BreakdownTable report={report} which="byDepartement" />
      <h3>{b.byQpv}</h3>
      {report.breakdowns.byQpv.length === 0 ? (
        <p>{b.empty}</p>
      ) : (
        <Table
          caption={b.byQpv}
          noCaption
          headers={[...b.qpvHeaders]}
          data={report.breakdowns.byQpv.map((q) => [q.name, q.code, String(q.millesime), formatCount(q.count)])}
        />
      )}
    </section>
  );
};

export const SourcesSection = ({ report }: { report: ScoreQpvReport }) => {
  const s = t.sources;
  return (
    <section aria-labelledby="sources" className="fr-mt-6w">
      <h2 id="sources">{s.heading}</h2>
      <ul>
        {report.geography.qpv.map((g) => (
          <li key={`qpv-${g.millesime}`}>{s.qpv(g.millesime, g.rows, g.source)}</li>
        ))}
        {report.geography.rural.map((g) => (
          <li key={`rural-${g.scheme}-${g.millesime}`}>{s.rural(g.scheme, g.millesime, g.rows, g.source)}</li>
        ))}
        <li>{report.reference.nationalSource}</li>
        <li>{report.geocoder.remoteUsed ? s.geocoderRemote : s.geocoderLocal}</li>
      </ul>
    </section>
  );
};
