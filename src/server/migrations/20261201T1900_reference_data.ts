// Reference geography: communes (COG), QPV perimeters, ZRR/FRR classes, and the
// register of imported datasets (source, millésime) that reports cite.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create extension if not exists unaccent`.execute(db);
  await sql`create extension if not exists cube`.execute(db);
  await sql`create extension if not exists earthdistance`.execute(db);

  await sql`
    create table reference_datasets (
      kind text not null check (kind in ('qpv', 'zrr', 'frr', 'communes', 'ban')),
      scope text not null,
      millesime text not null,
      source text not null,
      row_count integer not null check (row_count >= 0),
      imported_at timestamptz not null default now(),
      primary key (kind, scope)
    )`.execute(db);

  await sql`
    create table communes (
      code_insee text not null check (code_insee ~ '^[0-9][0-9AB][0-9]{3}$'),
      type text not null check (type in ('commune-actuelle', 'commune-deleguee', 'commune-associee', 'arrondissement-municipal')),
      nom text not null,
      name_norm text not null,
      departement text not null,
      region text,
      commune_parente text,
      codes_postaux text[] not null default '{}',
      population integer,
      primary key (code_insee, type)
    )`.execute(db);
  await sql`create index communes_codes_postaux_idx on communes using gin (codes_postaux)`.execute(db);
  await sql`create index communes_name_norm_trgm_idx on communes using gist (name_norm gist_trgm_ops)`.execute(db);

  await sql`
    create table qpv_perimeters (
      millesime smallint not null check (millesime in (2015, 2024)),
      code text not null check (code ~ '^Q[PN][0-9A-Z]{6}$'),
      name text not null,
      commune_codes text[] not null default '{}',
      commune_names text not null default '',
      geometry jsonb not null,
      min_lon double precision not null,
      min_lat double precision not null,
      max_lon double precision not null,
      max_lat double precision not null,
      primary key (millesime, code)
    )`.execute(db);

  await sql`
    create table rural_communes (
      scheme text not null check (scheme in ('zrr', 'frr')),
      code_insee text not null,
      class text not null,
      label text not null,
      classified boolean not null,
      primary key (scheme, code_insee)
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["rural_communes", "qpv_perimeters", "communes", "reference_datasets"]) {
    await db.schema.dropTable(table).execute();
  }
}
