// The contract dates of a hire can be moved before it starts (issue 3 §5,
// `checkHiringDateEdit`): the move is a row of the application's log,
// `edit_hiring_dates`, that keeps the state (accepted → accepted) and carries
// the new dates. Frozen in time: no application imports.
import { type Kysely, sql } from "kysely";

const before =
  "'process', 'postpone', 'accept', 'add_to_pool', 'move_to_prior_to_hire', 'cancel_prior_to_hire', 'refuse', 'cancel', 'render_obsolete'";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table application_transitions drop constraint application_transitions_transition_check`.execute(db);
  await sql`
    alter table application_transitions add constraint application_transitions_transition_check
      check (transition in (${sql.raw(before)}, 'edit_hiring_dates'))`.execute(db);
  await sql`
    alter table application_transitions add constraint application_transitions_hiring_date_edit_check
      check (transition <> 'edit_hiring_dates' or (from_state = 'accepted' and to_state = 'accepted' and hiring_start_at is not null))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  // The log is append-only (trigger): going back removes the date moves on purpose.
  await sql`alter table application_transitions disable trigger application_transitions_append_only`.execute(db);
  await sql`delete from application_transitions where transition = 'edit_hiring_dates'`.execute(db);
  await sql`alter table application_transitions enable trigger application_transitions_append_only`.execute(db);
  await sql`alter table application_transitions drop constraint application_transitions_hiring_date_edit_check`.execute(db);
  await sql`alter table application_transitions drop constraint application_transitions_transition_check`.execute(db);
  await sql`alter table application_transitions add constraint application_transitions_transition_check check (transition in (${sql.raw(before)}))`.execute(db);
}
