// Candidates (issue 3 §4 and §7): profiles, the prescriber organisations that
// follow them ("mes candidats"), consents (append-only), CVs and the profile
// change log. Frozen in time: no application imports.
//
// CVs are stored in the database (bytea), not under ./var: one backup holds
// everything, the upload is in the same transaction as its audit row, several
// server instances share it, and erasure is a DELETE. 5 MB at most per file.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table candidates (
      id uuid primary key default gen_random_uuid(),
      user_id uuid references users (id) on delete set null,
      first_name text check (length(first_name) between 1 and 100),
      last_name text check (length(last_name) between 1 and 100),
      email text check (email = lower(email) and position('@' in email) > 1),
      phone text check (length(phone) between 6 and 30),
      birth_year integer check (birth_year between 1900 and 2100),
      address_text text check (length(address_text) <= 300),
      location_status text not null default 'no_address' check (location_status in ('no_address', 'located', 'not_located')),
      geocoded_label text,
      commune_insee text check (commune_insee ~ '^[0-9][0-9AB][0-9]{3}$'),
      postcode text,
      lat double precision,
      lon double precision,
      qpv_code text,
      qpv_name text,
      qpv_millesime integer,
      rural_scheme text check (rural_scheme in ('zrr', 'frr')),
      rural_class text,
      rural_label text,
      location_uncertain boolean,
      location_reasons text[] not null default '{}',
      located_at timestamptz,
      target_appellations text[] not null default '{}',
      skills text[] not null default '{}',
      languages jsonb not null default '[]',
      driving_licences text[] not null default '{}',
      mobility_radius_km integer check (mobility_radius_km between 0 and 200),
      mobility_means text[] not null default '{}',
      availability text check (availability in ('immediate', 'from_date', 'unavailable')),
      available_from date,
      barriers text[] not null default '{}',
      created_via text not null check (created_via in ('self', 'prescriber', 'employer')),
      created_by_user_id uuid references users (id) on delete set null,
      created_by_organisation_id uuid references organisations (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      last_activity_at timestamptz not null default now(),
      inactivity_notified_at timestamptz,
      anonymised_at timestamptz,
      check ((lat is null) = (lon is null)),
      check (anonymised_at is not null or (first_name is not null and last_name is not null))
    )`.execute(db);
  await sql`create unique index candidates_user_key on candidates (user_id) where user_id is not null`.execute(db);
  await sql`create index candidates_activity_idx on candidates (last_activity_at) where anonymised_at is null`.execute(db);
  await sql`create index candidates_created_by_organisation_idx on candidates (created_by_organisation_id)`.execute(db);

  await sql`
    create table candidate_followers (
      candidate_id uuid not null references candidates (id) on delete cascade,
      organisation_id uuid not null references organisations (id) on delete cascade,
      since timestamptz not null default now(),
      by_user_id uuid references users (id) on delete set null,
      primary key (candidate_id, organisation_id)
    )`.execute(db);
  await sql`create index candidate_followers_organisation_idx on candidate_followers (organisation_id, since)`.execute(db);

  await sql`
    create table candidate_consents (
      id bigint generated always as identity primary key,
      candidate_id uuid not null references candidates (id) on delete cascade,
      purpose text not null,
      decision text not null check (decision in ('given', 'withdrawn')),
      text_version text not null,
      text text not null,
      given_by text not null check (given_by in ('candidate', 'prescriber', 'employer')),
      by_user_id uuid references users (id) on delete set null,
      by_organisation_id uuid references organisations (id) on delete set null,
      at timestamptz not null default now()
    )`.execute(db);
  await sql`create index candidate_consents_candidate_idx on candidate_consents (candidate_id, at)`.execute(db);

  await sql`
    create table candidate_documents (
      id uuid primary key default gen_random_uuid(),
      candidate_id uuid not null references candidates (id) on delete cascade,
      kind text not null check (kind in ('cv')),
      file_name text not null check (length(file_name) between 1 and 200),
      content_type text not null check (content_type in ('application/pdf')),
      size_bytes integer not null check (size_bytes between 1 and 5242880),
      sha256 text not null,
      content bytea not null,
      uploaded_by_user_id uuid references users (id) on delete set null,
      uploaded_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index candidate_documents_cv_key on candidate_documents (candidate_id) where kind = 'cv'`.execute(db);

  // Which fields changed, who, when — never the values (they stay in one place only).
  await sql`
    create table candidate_changes (
      id bigint generated always as identity primary key,
      candidate_id uuid not null references candidates (id) on delete cascade,
      at timestamptz not null default now(),
      by_user_id uuid references users (id) on delete set null,
      by_organisation_id uuid references organisations (id) on delete set null,
      action text not null,
      fields text[] not null default '{}'
    )`.execute(db);
  await sql`create index candidate_changes_candidate_idx on candidate_changes (candidate_id, at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["candidate_changes", "candidate_documents", "candidate_consents", "candidate_followers", "candidates"]) {
    await db.schema.dropTable(table).execute();
  }
}
