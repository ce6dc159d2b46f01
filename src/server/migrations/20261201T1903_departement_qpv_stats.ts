// Per département: how many BAN addresses lie in a QPV 2024, the reference the
// Score QPV compares a company's share with ("where the data allows").
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table departement_qpv_stats (
      departement text primary key,
      addresses integer not null check (addresses >= 0),
      addresses_in_qpv integer not null check (addresses_in_qpv >= 0 and addresses_in_qpv <= addresses),
      qpv_millesime smallint not null,
      qpv_imported_at timestamptz not null,
      ban_imported_at timestamptz not null,
      computed_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("departement_qpv_stats").execute();
}
