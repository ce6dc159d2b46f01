// What a saved score keeps of a report: the figures the history chart and the
// comparison read. Pure. The report itself is aggregated already (no address, no row).
import type { ScoreQpvReport } from "./score-qpv.contract.ts";

export type ScoreAggregates = {
  period: { from: string; to: string };
  rows: { total: number; inPeriod: number; located: number };
  qpv: { count: number; share: number | null; uncertain: number };
  rural: { count: number; share: number | null };
  millesimes: { qpv: number[]; rural: string[] };
};

/** The aggregates of a report; the millésimes are those that measured at least one hire, sorted. */
export const aggregatesOf = (report: ScoreQpvReport): ScoreAggregates => ({
  period: { from: report.period.from, to: report.period.to },
  rows: { total: report.rows.total, inPeriod: report.rows.inPeriod, located: report.rows.located },
  qpv: { count: report.qpv.count, share: report.qpv.share, uncertain: report.qpv.uncertain },
  rural: { count: report.rural.count, share: report.rural.share },
  millesimes: {
    qpv: [...new Set(report.geography.qpv.filter((g) => g.rows > 0).map((g) => g.millesime))].sort((a, b) => a - b),
    rural: [...new Set(report.geography.rural.filter((g) => g.rows > 0).map((g) => `${g.scheme}:${g.millesime}`))].sort(),
  },
});

/** An empty or blank label is no label. */
export const normaliseLabel = (label: string | undefined | null): string | null => {
  const trimmed = label?.replace(/\s+/g, " ").trim() ?? "";
  return trimmed === "" ? null : trimmed;
};
