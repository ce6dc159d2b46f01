// Saved Score QPV rows of an organisation: aggregates and the aggregated report, never a row nor an address.
import { sql } from "kysely";
import type { Executor } from "../server/transaction.ts";
import { NATIONAL_QPV_SHARE } from "./report.domain.ts";
import type { SavedScore, SavedScoreSummary } from "./score-history.contract.ts";
import { aggregatesOf } from "./score-history.domain.ts";
import { type ScoreQpvReport, scoreQpvReportSchema } from "./score-qpv.contract.ts";

export type NewSavedScore = { organisationId: string; reportId: string; savedBy: string; label: string | null; report: ScoreQpvReport; at: Date };

export const insertSavedScore = async (db: Executor, score: NewSavedScore): Promise<string> => {
  const a = aggregatesOf(score.report);
  const row = await db
    .insertInto("score_history")
    .values({
      organisation_id: score.organisationId,
      report_id: score.reportId,
      saved_by: score.savedBy,
      saved_at: score.at,
      label: score.label,
      period_from: a.period.from,
      period_to: a.period.to,
      rows_total: a.rows.total,
      rows_in_period: a.rows.inPeriod,
      rows_located: a.rows.located,
      qpv_count: a.qpv.count,
      qpv_share: a.qpv.share,
      qpv_uncertain: a.qpv.uncertain,
      rural_count: a.rural.count,
      rural_share: a.rural.share,
      qpv_millesimes: a.millesimes.qpv,
      rural_millesimes: a.millesimes.rural,
      report: JSON.stringify(score.report),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
};

export const isReportSaved = async (db: Executor, organisationId: string, reportId: string): Promise<boolean> =>
  Boolean(await db.selectFrom("score_history").select("id").where("organisation_id", "=", organisationId).where("report_id", "=", reportId).executeTakeFirst());

const isoDate = (column: string) => sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;
const isoTimestamp = (column: string) => sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const summaryQuery = (db: Executor, organisationId: string) =>
  db
    .selectFrom("score_history as s")
    .leftJoin("users as u", "u.id", "s.saved_by")
    .select([
      "s.id", "s.organisation_id", "s.report_id", "s.saved_by", "u.name as saved_by_name", "s.label",
      "s.rows_total", "s.rows_in_period", "s.rows_located", "s.qpv_count", "s.qpv_share", "s.qpv_uncertain", "s.rural_count", "s.rural_share",
      "s.qpv_millesimes", "s.rural_millesimes",
      isoDate("s.period_from").as("period_from"),
      isoDate("s.period_to").as("period_to"),
      isoTimestamp("s.saved_at").as("saved_at"),
      sql<number | null>`(s.report -> 'reference' ->> 'nationalQpvShare')::double precision`.as("national_qpv_share"),
    ])
    .where("s.organisation_id", "=", organisationId);

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>["executeTakeFirstOrThrow"]>>;

const toSummary = (row: SummaryRow): SavedScoreSummary => ({
  id: row.id,
  organisationId: row.organisation_id,
  reportId: row.report_id,
  savedAt: row.saved_at,
  savedBy: row.saved_by && row.saved_by_name ? { id: row.saved_by, name: row.saved_by_name } : null,
  label: row.label,
  period: { from: row.period_from, to: row.period_to },
  rows: { total: row.rows_total, inPeriod: row.rows_in_period, located: row.rows_located },
  qpv: { count: row.qpv_count, share: row.qpv_share, uncertain: row.qpv_uncertain },
  rural: { count: row.rural_count, share: row.rural_share },
  millesimes: { qpv: row.qpv_millesimes.map(Number), rural: row.rural_millesimes },
  nationalQpvShare: row.national_qpv_share ?? NATIONAL_QPV_SHARE,
});

/** The organisation's saved scores, oldest period first (then the order they were saved in). */
export const listSavedScores = async (db: Executor, organisationId: string): Promise<SavedScoreSummary[]> => {
  const rows = await summaryQuery(db, organisationId).orderBy("s.period_to").orderBy("s.period_from").orderBy("s.saved_at").orderBy("s.id").execute();
  return rows.map(toSummary);
};

/** One saved score of the organisation; null when absent or another organisation's. */
export const findSavedScore = async (db: Executor, organisationId: string, scoreId: string): Promise<SavedScore | null> => {
  const row = await summaryQuery(db, organisationId).select("s.report").where("s.id", "=", scoreId).executeTakeFirst();
  if (!row) return null;
  const report = typeof row.report === "string" ? JSON.parse(row.report) : row.report;
  return { ...toSummary(row), report: scoreQpvReportSchema.parse(report) };
};

export const deleteSavedScore = async (db: Executor, organisationId: string, scoreId: string): Promise<boolean> => {
  const result = await db.deleteFrom("score_history").where("organisation_id", "=", organisationId).where("id", "=", scoreId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
};
