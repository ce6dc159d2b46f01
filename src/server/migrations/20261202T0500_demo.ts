// Demo territory (issue 3): one row per seeding step, so that `npm start`
// seeds each step once, whatever the number of restarts or processes.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table demo_seed_runs (
      step text primary key,
      started_at timestamptz not null default now(),
      finished_at timestamptz,
      counts jsonb not null default '{}',
      check (finished_at is null or finished_at >= started_at)
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("demo_seed_runs").execute();
}
