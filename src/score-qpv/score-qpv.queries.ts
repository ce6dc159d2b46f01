// Stored Score QPV reports: the aggregated report only, never a row nor an address.
import { sql } from "kysely";
import type { Executor } from "../server/transaction.ts";
import { type ScoreQpvReport, scoreQpvReportSchema } from "./score-qpv.contract.ts";

export type ReportSource = "web" | "cli" | "api";
export type StoredReport = { id: string; createdAt: string; report: ScoreQpvReport };

export const saveReport = async (db: Executor, report: ScoreQpvReport, options: { source: ReportSource; jobId?: string | null }): Promise<string> => {
  const row = await db
    .insertInto("score_qpv_reports")
    .values({
      job_id: options.jobId ?? null,
      source: options.source,
      period_from: report.period.from,
      period_to: report.period.to,
      rows_located: report.rows.located,
      qpv_share: report.qpv.share,
      rural_share: report.rural.share,
      report: JSON.stringify(report),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
};

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

export const findReport = async (db: Executor, id: string): Promise<StoredReport | null> => {
  if (!isUuid(id)) return null;
  const row = await db
    .selectFrom("score_qpv_reports")
    .select(["id", "report", sql<string>`to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`.as("created_at")])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) return null;
  const report = typeof row.report === "string" ? JSON.parse(row.report) : row.report;
  return { id: row.id, createdAt: row.created_at, report: scoreQpvReportSchema.parse(report) };
};

export const findReportIdByJob = async (db: Executor, jobId: string): Promise<string | null> => {
  const row = await db.selectFrom("score_qpv_reports").select("id").where("job_id", "=", jobId).executeTakeFirst();
  return row?.id ?? null;
};

/**
 * Removes a stored report (its link no longer opens). The scores an organisation saved from it keep their copy
 * of the aggregated report: their report_id becomes null (foreign key `on delete set null`). False when absent.
 */
export const deleteReport = async (db: Executor, id: string): Promise<boolean> => {
  if (!isUuid(id)) return false;
  const result = await db.deleteFrom("score_qpv_reports").where("id", "=", id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
};
