// Offline address index built from Base Adresse Nationale CSV exports.
// One département is replaced atomically: rows are staged per import job
// (resumable checkpoints), then swapped in one transaction.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table ban_addresses (
      departement text not null,
      code_insee text not null,
      code_postal text not null default '',
      street_norm text not null,
      nom_voie text not null,
      numero integer,
      suffix text not null default '',
      locality text not null default '',
      lon double precision not null,
      lat double precision not null
    )`.execute(db);
  await sql`create index ban_addresses_commune_idx on ban_addresses (code_insee)`.execute(db);
  await sql`create index ban_addresses_departement_idx on ban_addresses (departement)`.execute(db);
  // Reverse geocoding: nearest address by KNN on the earthdistance cube (`<->`).
  await sql`create index ban_addresses_earth_idx on ban_addresses using gist (ll_to_earth(lat, lon))`.execute(db);

  await sql`
    create table ban_streets (
      departement text not null,
      code_insee text not null,
      code_postal text not null default '',
      street_norm text not null,
      nom_voie text not null,
      lon double precision not null,
      lat double precision not null,
      address_count integer not null,
      primary key (code_insee, code_postal, street_norm)
    )`.execute(db);
  await sql`create index ban_streets_departement_idx on ban_streets (departement)`.execute(db);
  await sql`create index ban_streets_norm_trgm_idx on ban_streets using gist (street_norm gist_trgm_ops)`.execute(db);

  await sql`
    create table ban_communes (
      code_insee text primary key,
      departement text not null,
      nom text not null,
      lon double precision not null,
      lat double precision not null,
      radius_m double precision not null,
      address_count integer not null,
      outline jsonb not null
    )`.execute(db);
  await sql`create index ban_communes_departement_idx on ban_communes (departement)`.execute(db);

  await sql`
    create table ban_import_staging (
      job_id uuid not null,
      line integer not null,
      departement text not null,
      code_insee text not null,
      code_postal text not null default '',
      street_norm text not null,
      nom_voie text not null,
      numero integer,
      suffix text not null default '',
      locality text not null default '',
      lon double precision not null,
      lat double precision not null,
      commune_name text not null default '',
      primary key (job_id, line)
    )`.execute(db);
  await sql`create index ban_import_staging_commune_idx on ban_import_staging (job_id, code_insee)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["ban_import_staging", "ban_communes", "ban_streets", "ban_addresses"]) {
    await db.schema.dropTable(table).execute();
  }
}
