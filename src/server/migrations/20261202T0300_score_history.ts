// Score QPV history (issue 3 §6): the scores an organisation saves, year after
// year. A row copies the aggregated report (never an address nor a row) and the
// figures the chart and the comparison read, so that it outlives the stored
// report it came from (score_qpv_reports, which may be removed: report_id is
// then null). Saving always adds a row; only deletion removes one.
// Frozen in time: no application imports.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table score_history (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations (id) on delete cascade,
      report_id uuid references score_qpv_reports (id) on delete set null,
      saved_by uuid references users (id) on delete set null,
      saved_at timestamptz not null default now(),
      label text check (label is null or length(label) between 1 and 100),
      period_from date not null,
      period_to date not null,
      rows_total integer not null check (rows_total >= 0),
      rows_in_period integer not null check (rows_in_period >= 0),
      rows_located integer not null check (rows_located >= 0),
      qpv_count integer not null check (qpv_count >= 0),
      qpv_share double precision check (qpv_share between 0 and 1),
      qpv_uncertain integer not null check (qpv_uncertain >= 0),
      rural_count integer not null check (rural_count >= 0),
      rural_share double precision check (rural_share between 0 and 1),
      qpv_millesimes integer[] not null default '{}',
      rural_millesimes text[] not null default '{}',
      report jsonb not null,
      check (period_from <= period_to),
      check (rows_located <= rows_in_period and rows_in_period <= rows_total),
      check (qpv_count <= rows_located and rural_count <= rows_located)
    )`.execute(db);
  await sql`create index score_history_organisation_idx on score_history (organisation_id, period_to, saved_at)`.execute(db);
  // One report is saved once per organisation (another save of the same file is another report).
  await sql`create unique index score_history_report_key on score_history (organisation_id, report_id) where report_id is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("score_history").execute();
}
