// Applications (issue 3 §5): the application row holds the current state (a
// projection); application_transitions is the append-only log of every state
// change (who, for which organisation, when, why, what was said); messages
// between the employer and the counsellor; notification settings per member
// and per kind. Frozen in time: no application imports.
import { type Kysely, sql } from "kysely";

const states = "'new', 'processing', 'postponed', 'prior_to_hire', 'accepted', 'refused', 'cancelled', 'obsolete', 'pool'";
const reasons =
  "'did_not_come', 'did_not_come_to_interview', 'hired_elsewhere', 'training', 'non_eligible', 'not_mobile', 'not_interested', " +
  "'lacking_skills', 'incompatible', 'prevent_objectives', 'no_position', 'duplicate', 'auto', 'other'";
const transitions =
  "'process', 'postpone', 'accept', 'add_to_pool', 'move_to_prior_to_hire', 'cancel_prior_to_hire', 'refuse', 'cancel', 'render_obsolete'";
const kinds =
  "'application_received', 'application_sent', 'application_accepted', 'application_refused', 'application_postponed', " +
  "'application_pooled', 'hire_cancelled', 'message_received'";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table applications (
      id uuid primary key default gen_random_uuid(),
      candidate_id uuid not null references candidates (id) on delete cascade,
      offer_id uuid references offers (id) on delete cascade,
      employer_organisation_id uuid not null references organisations (id) on delete cascade,
      sender_kind text not null check (sender_kind in ('prescriber', 'candidate', 'employer')),
      sender_user_id uuid references users (id) on delete set null,
      sender_organisation_id uuid references organisations (id) on delete cascade,
      message text not null default '' check (length(message) <= 5000),
      state text not null default 'new' check (state in (${sql.raw(states)})),
      refusal_reason text check (refusal_reason in (${sql.raw(reasons)})),
      refusal_reason_shared boolean,
      hiring_start_at date,
      hiring_end_at date,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((sender_kind = 'candidate') = (sender_organisation_id is null)),
      check (sender_kind <> 'employer' or sender_organisation_id = employer_organisation_id),
      check ((state = 'refused') = (refusal_reason is not null)),
      check (state <> 'accepted' or hiring_start_at is not null),
      check (hiring_end_at is null or hiring_end_at >= hiring_start_at)
    )`.execute(db);
  // No two active applications of one person to one offer (a spontaneous application counts as the employer's "offer").
  await sql`
    create unique index applications_one_active_key on applications
      (candidate_id, employer_organisation_id, coalesce(offer_id, '00000000-0000-0000-0000-000000000000'::uuid))
      where state in ('new', 'processing', 'postponed', 'prior_to_hire', 'pool', 'accepted')`.execute(db);
  await sql`create index applications_inbox_idx on applications (employer_organisation_id, created_at desc, id desc)`.execute(db);
  await sql`create index applications_inbox_state_idx on applications (employer_organisation_id, state, created_at desc, id desc)`.execute(db);
  await sql`create index applications_sender_idx on applications (sender_organisation_id, created_at desc, id desc)`.execute(db);
  await sql`create index applications_candidate_idx on applications (candidate_id, created_at desc)`.execute(db);
  await sql`create index applications_offer_idx on applications (offer_id) where offer_id is not null`.execute(db);
  await sql`create index applications_unanswered_idx on applications (updated_at) where state in ('new', 'processing')`.execute(db);

  await sql`
    create table application_transitions (
      id bigint generated always as identity primary key,
      application_id uuid not null references applications (id) on delete cascade,
      transition text not null check (transition in (${sql.raw(transitions)})),
      from_state text not null check (from_state in (${sql.raw(states)})),
      to_state text not null check (to_state in (${sql.raw(states)})),
      actor_kind text not null check (actor_kind in ('employer', 'system')),
      by_user_id uuid references users (id) on delete set null,
      by_organisation_id uuid references organisations (id) on delete set null,
      at timestamptz not null default now(),
      refusal_reason text check (refusal_reason in (${sql.raw(reasons)})),
      refusal_reason_shared boolean,
      answer_to_candidate text check (length(answer_to_candidate) <= 3000),
      answer_to_sender text check (length(answer_to_sender) <= 3000),
      hiring_start_at date,
      hiring_end_at date,
      erased_at timestamptz,
      check (actor_kind = 'employer' or (by_user_id is null and by_organisation_id is null))
    )`.execute(db);
  await sql`create index application_transitions_application_idx on application_transitions (application_id, id)`.execute(db);
  // Append-only: rows are never changed, except erasing the free texts (anonymisation),
  // and never deleted while their application exists.
  await sql`
    create function application_transitions_append_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        if exists (select 1 from applications where id = old.application_id) then
          raise exception 'application_transitions is append-only';
        end if;
        return old;
      end if;
      if (new.application_id, new.transition, new.from_state, new.to_state, new.actor_kind, new.at)
           is distinct from (old.application_id, old.transition, old.from_state, old.to_state, old.actor_kind, old.at)
         or (new.refusal_reason, new.refusal_reason_shared, new.hiring_start_at, new.hiring_end_at)
           is distinct from (old.refusal_reason, old.refusal_reason_shared, old.hiring_start_at, old.hiring_end_at)
         or (new.answer_to_candidate is not null and new.answer_to_candidate is distinct from old.answer_to_candidate)
         or (new.answer_to_sender is not null and new.answer_to_sender is distinct from old.answer_to_sender)
         or (new.by_user_id is not null and new.by_user_id is distinct from old.by_user_id)
         or (new.by_organisation_id is not null and new.by_organisation_id is distinct from old.by_organisation_id) then
        raise exception 'application_transitions is append-only';
      end if;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger application_transitions_append_only before update or delete on application_transitions
      for each row execute function application_transitions_append_only()`.execute(db);

  await sql`
    create table application_messages (
      id bigint generated always as identity primary key,
      application_id uuid not null references applications (id) on delete cascade,
      author_side text not null check (author_side in ('employer', 'prescriber')),
      author_user_id uuid references users (id) on delete set null,
      author_organisation_id uuid references organisations (id) on delete set null,
      body text not null check (length(body) <= 5000),
      created_at timestamptz not null default now(),
      erased_at timestamptz,
      check (erased_at is not null or length(body) >= 1)
    )`.execute(db);
  await sql`create index application_messages_application_idx on application_messages (application_id, id)`.execute(db);

  await sql`
    create table notification_settings (
      user_id uuid not null references users (id) on delete cascade,
      organisation_id uuid not null references organisations (id) on delete cascade,
      kind text not null check (kind in (${sql.raw(kinds)})),
      enabled boolean not null,
      updated_at timestamptz not null default now(),
      primary key (user_id, organisation_id, kind)
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["notification_settings", "application_messages", "application_transitions", "applications"]) {
    await db.schema.dropTable(table).execute();
  }
  await sql`drop function if exists application_transitions_append_only()`.execute(db);
}
