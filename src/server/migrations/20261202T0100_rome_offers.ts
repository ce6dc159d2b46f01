// ROME 4.0 reference (fiches, appellations, compétences) and job offers with
// their append-only status history (issue 3, § Job offers). Frozen in time:
// no application imports.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table reference_datasets drop constraint if exists reference_datasets_kind_check`.execute(db);
  await sql`alter table reference_datasets add constraint reference_datasets_kind_check
    check (kind in ('qpv', 'zrr', 'frr', 'communes', 'ban', 'rome'))`.execute(db);

  await sql`
    create table rome_fiches (
      code text primary key check (code ~ '^[A-N][0-9]{4}$'),
      label text not null,
      parent_code text not null
    )`.execute(db);

  await sql`
    create table rome_appellations (
      code text primary key check (code ~ '^[0-9]+$'),
      rome_code text not null references rome_fiches (code),
      label text not null,
      short_label text not null,
      label_norm text not null,
      rarely_used boolean not null default false
    )`.execute(db);
  await sql`create index rome_appellations_rome_idx on rome_appellations (rome_code)`.execute(db);
  await sql`create index rome_appellations_label_trgm_idx on rome_appellations using gin (label_norm gin_trgm_ops)`.execute(db);

  await sql`
    create table rome_competences (
      code text primary key check (code ~ '^[0-9]+$'),
      kind text not null check (kind in ('competence', 'macro_competence')),
      label text not null,
      category text not null default '',
      label_norm text not null
    )`.execute(db);
  await sql`create index rome_competences_label_trgm_idx on rome_competences using gin (label_norm gin_trgm_ops)`.execute(db);

  await sql`
    create table offers (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations (id) on delete cascade,
      appellation_code text not null references rome_appellations (code),
      title text not null check (length(title) between 1 and 200),
      description text not null check (length(description) <= 10000),
      contract_type text not null,
      hours_per_week double precision not null check (hours_per_week > 0 and hours_per_week <= 48),
      positions integer not null check (positions between 1 and 1000),
      commune_insee text not null check (commune_insee ~ '^[0-9][0-9AB][0-9]{3}$'),
      address_label text,
      lat double precision check (lat between -90 and 90),
      lon double precision check (lon between -180 and 180),
      status text not null default 'open' check (status in ('open', 'closed')),
      without_cv boolean not null default false,
      open_to_beginners boolean not null default false,
      driving_licence_required boolean not null default false,
      search_norm text not null,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      stale_notified_at timestamptz,
      check ((lat is null) = (lon is null))
    )`.execute(db);
  await sql`create index offers_organisation_idx on offers (organisation_id, updated_at)`.execute(db);
  await sql`create index offers_open_earth_idx on offers using gist (ll_to_earth(lat, lon)) where status = 'open' and lat is not null`.execute(db);
  await sql`create index offers_open_appellation_idx on offers (appellation_code) where status = 'open'`.execute(db);
  await sql`create index offers_open_updated_idx on offers (updated_at) where status = 'open'`.execute(db);
  await sql`create index offers_open_commune_idx on offers (commune_insee) where status = 'open'`.execute(db);
  await sql`create index offers_open_search_trgm_idx on offers using gin (search_norm gin_trgm_ops) where status = 'open'`.execute(db);

  // Every opening and closing, by whom (null: the platform), when and why. Never updated.
  await sql`
    create table offer_status_changes (
      id bigint generated always as identity primary key,
      offer_id uuid not null references offers (id) on delete cascade,
      status text not null check (status in ('open', 'closed')),
      reason text not null check (reason in ('created', 'reopened', 'filled', 'cancelled', 'other', 'stale')),
      comment text check (length(comment) <= 1000),
      by_user_id uuid references users (id) on delete set null,
      at timestamptz not null default now()
    )`.execute(db);
  await sql`create index offer_status_changes_offer_idx on offer_status_changes (offer_id, id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["offer_status_changes", "offers", "rome_competences", "rome_appellations", "rome_fiches"]) {
    await db.schema.dropTable(table).execute();
  }
  await sql`delete from reference_datasets where kind = 'rome'`.execute(db);
  await sql`alter table reference_datasets drop constraint if exists reference_datasets_kind_check`.execute(db);
  await sql`alter table reference_datasets add constraint reference_datasets_kind_check
    check (kind in ('qpv', 'zrr', 'frr', 'communes', 'ban'))`.execute(db);
}
