// Accounts, organisations, authorisation, mail (migration 20261201T2000).
import type { ColumnType, Generated, JSONColumnType } from "kysely";
import type { DefaultedTimestamp, NullableTimestamp, Timestamp } from "./columns.ts";

export type UsersTable = {
  id: Generated<string>;
  email: string;
  name: string;
  kind: "candidate" | "professional" | "admin";
  email_verified_at: NullableTimestamp;
  password_hash: string | null;
  password_changed_at: NullableTimestamp;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
};

export type UserIdentitiesTable = {
  issuer: string;
  subject: string;
  user_id: string;
  created_at: DefaultedTimestamp;
  last_login_at: DefaultedTimestamp;
};

export type OneTimeCodesTable = {
  id: Generated<string>;
  user_id: string;
  purpose: "verify_email" | "password_reset";
  code_hash: string;
  attempts: ColumnType<number, number | undefined, number>;
  expires_at: Timestamp;
  consumed_at: NullableTimestamp;
  created_at: DefaultedTimestamp;
};

export type OrganisationsTable = {
  id: Generated<string>;
  family: "employer" | "prescriber" | "operator";
  kind: string;
  name: string;
  siret: string;
  authorization_status: "NOT_SET" | "VALIDATED" | "REFUSED" | "NOT_REQUIRED" | null;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
};

export type MembershipsTable = {
  organisation_id: string;
  user_id: string;
  role: "member" | "admin";
  created_at: DefaultedTimestamp;
};

export type InvitationsTable = {
  id: Generated<string>;
  organisation_id: string;
  email: string;
  role: "member" | "admin";
  token_hash: string;
  invited_by: string | null;
  expires_at: Timestamp;
  accepted_at: NullableTimestamp;
  accepted_by: string | null;
  revoked_at: NullableTimestamp;
  created_at: DefaultedTimestamp;
};

export type SessionsTable = {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  acting_organisation_id: string | null;
  created_at: DefaultedTimestamp;
  last_seen_at: DefaultedTimestamp;
  expires_at: Timestamp;
  revoked_at: NullableTimestamp;
};

export type OidcLoginAttemptsTable = {
  id_hash: string;
  state: string;
  nonce: string;
  code_verifier: string;
  return_to: ColumnType<string, string | undefined, string>;
  expires_at: Timestamp;
  created_at: DefaultedTimestamp;
};

export type LoginLockoutsTable = { key_hash: string; locked_until: Timestamp };

export type RateLimitCountersTable = { bucket: string; window_start: Timestamp; count: number };

export type ApiKeysTable = {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  scopes: string[];
  created_by: string | null;
  created_at: DefaultedTimestamp;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
};

export type AuditLogTable = {
  id: Generated<number>;
  occurred_at: DefaultedTimestamp;
  actor_user_id: string | null;
  actor_api_key_id: string | null;
  organisation_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  details: JSONColumnType<Record<string, string | number | boolean | null>, string | undefined, string>;
};

export type MailOutboxTable = {
  id: Generated<string>;
  template: string;
  recipients: string[];
  subject: string;
  text_body: string;
  status: ColumnType<"pending" | "sent" | "failed", "pending" | "sent" | "failed" | undefined, "pending" | "sent" | "failed">;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: DefaultedTimestamp;
  last_error: string | null;
  created_at: DefaultedTimestamp;
  sent_at: NullableTimestamp;
};
