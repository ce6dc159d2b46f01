// Persisted long jobs (imports, scores) with progress and checkpoints, and the
// aggregated Score QPV reports (never an address nor a row).
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table jobs (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('import_qpv', 'import_zrr', 'import_frr', 'import_communes', 'import_ban', 'score_qpv')),
      status text not null default 'pending' check (status in ('pending', 'running', 'succeeded', 'failed', 'interrupted')),
      params jsonb not null default '{}',
      progress_done integer not null default 0 check (progress_done >= 0),
      progress_total integer check (progress_total >= 0),
      checkpoint jsonb,
      error_code text,
      error_message text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      finished_at timestamptz,
      check ((status in ('succeeded', 'failed', 'interrupted')) = (finished_at is not null)),
      check ((status = 'failed') = (error_code is not null))
    )`.execute(db);
  await sql`create index jobs_kind_status_idx on jobs (kind, status)`.execute(db);

  await sql`
    create table score_qpv_reports (
      id uuid primary key default gen_random_uuid(),
      job_id uuid references jobs (id) on delete set null,
      source text not null check (source in ('web', 'cli', 'api')),
      period_from date not null,
      period_to date not null,
      rows_located integer not null check (rows_located >= 0),
      qpv_share double precision,
      rural_share double precision,
      report jsonb not null,
      created_at timestamptz not null default now(),
      check (period_from <= period_to)
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("score_qpv_reports").execute();
  await db.schema.dropTable("jobs").execute();
}
