// Applications (migration 20261202T0400) and the demo seeding log (20261202T0500). Dates of hire are calendar days ("YYYY-MM-DD").
import type { ColumnType, Generated, JSONColumnType } from "kysely";
import type { DefaultedTimestamp, NullableTimestamp, Timestamp } from "./columns.ts";

/** One row per demo seeding step (src/demo): started once, finished with what it created. */
export type DemoSeedRunsTable = {
  step: string;
  started_at: Timestamp;
  finished_at: Timestamp | null;
  counts: JSONColumnType<Record<string, number>, string, string>;
};

type LocalDateColumn = ColumnType<string | null, string | null | undefined, string | null>;

export type ApplicationsTable = {
  id: Generated<string>;
  candidate_id: string;
  offer_id: string | null;
  employer_organisation_id: string;
  sender_kind: "prescriber" | "candidate" | "employer";
  sender_user_id: string | null;
  sender_organisation_id: string | null;
  message: ColumnType<string, string | undefined, string>;
  state: ColumnType<string, string | undefined, string>;
  refusal_reason: string | null;
  refusal_reason_shared: boolean | null;
  hiring_start_at: LocalDateColumn;
  hiring_end_at: LocalDateColumn;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
};

export type ApplicationTransitionsTable = {
  id: Generated<number>;
  application_id: string;
  transition: string;
  from_state: string;
  to_state: string;
  actor_kind: "employer" | "system";
  by_user_id: string | null;
  by_organisation_id: string | null;
  at: DefaultedTimestamp;
  refusal_reason: string | null;
  refusal_reason_shared: boolean | null;
  answer_to_candidate: string | null;
  answer_to_sender: string | null;
  hiring_start_at: LocalDateColumn;
  hiring_end_at: LocalDateColumn;
  erased_at: NullableTimestamp;
};

export type ApplicationMessagesTable = {
  id: Generated<number>;
  application_id: string;
  author_side: "employer" | "prescriber";
  author_user_id: string | null;
  author_organisation_id: string | null;
  body: string;
  created_at: DefaultedTimestamp;
  erased_at: NullableTimestamp;
};

export type NotificationSettingsTable = {
  user_id: string;
  organisation_id: string;
  kind: string;
  enabled: boolean;
  updated_at: DefaultedTimestamp;
};
