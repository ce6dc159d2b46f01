// Accounts, sessions, one-time codes, organisations, memberships, invitations,
// partner API keys, rate-limit counters, audit log and mail outbox (issue 3).
// Frozen in time: no application imports. Secrets (passwords, codes, tokens,
// session ids, API keys) are only ever stored hashed.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table users (
      id uuid primary key default gen_random_uuid(),
      email text not null check (email = lower(email) and position('@' in email) > 1),
      name text not null check (length(name) between 1 and 200),
      kind text not null check (kind in ('candidate', 'professional', 'admin')),
      email_verified_at timestamptz,
      password_hash text check (password_hash like '$argon2id$%'),
      password_changed_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index users_email_key on users (email)`.execute(db);

  await sql`
    create table user_identities (
      issuer text not null,
      subject text not null,
      user_id uuid not null references users (id) on delete cascade,
      created_at timestamptz not null default now(),
      last_login_at timestamptz not null default now(),
      primary key (issuer, subject)
    )`.execute(db);
  await sql`create index user_identities_user_idx on user_identities (user_id)`.execute(db);

  await sql`
    create table one_time_codes (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      purpose text not null check (purpose in ('verify_email', 'password_reset')),
      code_hash text not null,
      attempts integer not null default 0 check (attempts >= 0),
      expires_at timestamptz not null,
      consumed_at timestamptz,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index one_time_codes_user_idx on one_time_codes (user_id, purpose)`.execute(db);
  await sql`create unique index one_time_codes_hash_key on one_time_codes (code_hash) where purpose = 'password_reset'`.execute(db);

  await sql`
    create table organisations (
      id uuid primary key default gen_random_uuid(),
      family text not null check (family in ('employer', 'prescriber', 'operator')),
      kind text not null,
      name text not null check (length(name) between 1 and 200),
      siret text not null check (siret ~ '^[0-9]{14}$'),
      authorization_status text check (authorization_status in ('NOT_SET', 'VALIDATED', 'REFUSED', 'NOT_REQUIRED')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((family = 'prescriber') = (authorization_status is not null)),
      unique (siret, kind)
    )`.execute(db);

  await sql`
    create table memberships (
      organisation_id uuid not null references organisations (id) on delete cascade,
      user_id uuid not null references users (id) on delete cascade,
      role text not null check (role in ('member', 'admin')),
      created_at timestamptz not null default now(),
      primary key (organisation_id, user_id)
    )`.execute(db);
  await sql`create index memberships_user_idx on memberships (user_id)`.execute(db);

  await sql`
    create table invitations (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations (id) on delete cascade,
      email text not null check (email = lower(email)),
      role text not null check (role in ('member', 'admin')),
      token_hash text not null unique,
      invited_by uuid references users (id) on delete set null,
      expires_at timestamptz not null,
      accepted_at timestamptz,
      accepted_by uuid references users (id) on delete set null,
      revoked_at timestamptz,
      created_at timestamptz not null default now(),
      check (accepted_by is null or accepted_at is not null)
    )`.execute(db);
  await sql`create index invitations_organisation_idx on invitations (organisation_id)`.execute(db);

  await sql`
    create table sessions (
      id_hash text primary key,
      user_id uuid not null references users (id) on delete cascade,
      csrf_token text not null,
      acting_organisation_id uuid references organisations (id) on delete set null,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null,
      revoked_at timestamptz
    )`.execute(db);
  await sql`create index sessions_user_idx on sessions (user_id)`.execute(db);

  await sql`
    create table oidc_login_attempts (
      id_hash text primary key,
      state text not null,
      nonce text not null,
      code_verifier text not null,
      return_to text not null default '/',
      expires_at timestamptz not null,
      created_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table login_lockouts (
      key_hash text primary key,
      locked_until timestamptz not null
    )`.execute(db);

  await sql`
    create table rate_limit_counters (
      bucket text not null,
      window_start timestamptz not null,
      count integer not null check (count > 0),
      primary key (bucket, window_start)
    )`.execute(db);
  await sql`create index rate_limit_counters_window_idx on rate_limit_counters (window_start)`.execute(db);

  await sql`
    create table api_keys (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations (id) on delete cascade,
      name text not null check (length(name) between 1 and 100),
      prefix text not null,
      token_hash text not null unique,
      scopes text[] not null check (cardinality(scopes) > 0),
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    )`.execute(db);
  await sql`create index api_keys_organisation_idx on api_keys (organisation_id)`.execute(db);

  await sql`
    create table audit_log (
      id bigint generated always as identity primary key,
      occurred_at timestamptz not null default now(),
      actor_user_id uuid,
      actor_api_key_id uuid,
      organisation_id uuid,
      action text not null,
      subject_type text not null,
      subject_id text not null,
      details jsonb not null default '{}'
    )`.execute(db);
  await sql`create index audit_log_organisation_idx on audit_log (organisation_id, occurred_at)`.execute(db);
  await sql`create index audit_log_subject_idx on audit_log (subject_type, subject_id)`.execute(db);

  await sql`
    create table mail_outbox (
      id uuid primary key default gen_random_uuid(),
      template text not null,
      recipients text[] not null check (cardinality(recipients) > 0),
      subject text not null,
      text_body text not null,
      status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
      attempts integer not null default 0 check (attempts >= 0),
      next_attempt_at timestamptz not null default now(),
      last_error text,
      created_at timestamptz not null default now(),
      sent_at timestamptz,
      check ((status = 'sent') = (sent_at is not null))
    )`.execute(db);
  await sql`create index mail_outbox_pending_idx on mail_outbox (next_attempt_at) where status = 'pending'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "mail_outbox",
    "audit_log",
    "api_keys",
    "rate_limit_counters",
    "login_lockouts",
    "oidc_login_attempts",
    "sessions",
    "invitations",
    "memberships",
    "organisations",
    "one_time_codes",
    "user_identities",
    "users",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
