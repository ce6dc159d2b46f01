// Kysely table types, mirroring src/server/migrations (keep them in step).
import type { ColumnType, Generated, JSONColumnType } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type ReferenceDatasetsTable = {
  kind: "qpv" | "zrr" | "frr" | "communes" | "ban" | "rome";
  scope: string;
  millesime: string;
  source: string;
  row_count: number;
  imported_at: Timestamp;
};

export type CommunesTable = {
  code_insee: string;
  type: "commune-actuelle" | "commune-deleguee" | "commune-associee" | "arrondissement-municipal";
  nom: string;
  name_norm: string;
  departement: string;
  region: string | null;
  commune_parente: string | null;
  codes_postaux: string[];
  population: number | null;
};

/** MultiPolygon coordinates, [lon, lat], RFC 7946 orientation. */
export type MultiPolygonCoordinates = number[][][][];

export type QpvPerimetersTable = {
  millesime: 2015 | 2024;
  code: string;
  name: string;
  commune_codes: string[];
  commune_names: string;
  geometry: JSONColumnType<MultiPolygonCoordinates, string, string>;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
};

export type RuralCommunesTable = {
  scheme: "zrr" | "frr";
  code_insee: string;
  class: string;
  label: string;
  classified: boolean;
};

export type BanAddressesTable = {
  departement: string;
  code_insee: string;
  code_postal: string;
  street_norm: string;
  nom_voie: string;
  numero: number | null;
  suffix: string;
  locality: string;
  lon: number;
  lat: number;
};

export type BanStreetsTable = {
  departement: string;
  code_insee: string;
  code_postal: string;
  street_norm: string;
  nom_voie: string;
  lon: number;
  lat: number;
  address_count: number;
};

export type BanCommunesTable = {
  code_insee: string;
  departement: string;
  nom: string;
  lon: number;
  lat: number;
  radius_m: number;
  address_count: number;
  /** Polygon ring [lon, lat][] enclosing the commune's addresses (approximate outline). */
  outline: JSONColumnType<number[][], string, string>;
};

export type BanImportStagingTable = BanAddressesTable & {
  job_id: string;
  line: number;
  commune_name: string;
};

export type JobKind = "import_qpv" | "import_zrr" | "import_frr" | "import_communes" | "import_ban" | "score_qpv";
export type JobStatus = "pending" | "running" | "succeeded" | "failed" | "interrupted";

export type JobsTable = {
  id: Generated<string>;
  kind: JobKind;
  status: ColumnType<JobStatus, JobStatus | undefined, JobStatus>;
  params: JSONColumnType<Record<string, unknown>, string | undefined, string>;
  progress_done: ColumnType<number, number | undefined, number>;
  progress_total: number | null;
  checkpoint: JSONColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  error_code: string | null;
  error_message: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  finished_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
};

export type ScoreQpvReportsTable = {
  id: Generated<string>;
  job_id: string | null;
  source: "web" | "cli" | "api";
  period_from: ColumnType<string, string, string>;
  period_to: ColumnType<string, string, string>;
  rows_located: number;
  qpv_share: number | null;
  rural_share: number | null;
  report: JSONColumnType<Record<string, unknown>, string, string>;
  created_at: Timestamp;
};

/** A Score QPV saved by an organisation (20261202T0300_score_history): aggregates only. */
export type ScoreHistoryTable = {
  id: Generated<string>;
  organisation_id: string;
  report_id: string | null;
  saved_by: string | null;
  saved_at: Timestamp;
  label: string | null;
  period_from: ColumnType<string, string, string>;
  period_to: ColumnType<string, string, string>;
  rows_total: number;
  rows_in_period: number;
  rows_located: number;
  qpv_count: number;
  qpv_share: number | null;
  qpv_uncertain: number;
  rural_count: number;
  rural_share: number | null;
  qpv_millesimes: ColumnType<number[], number[] | undefined, number[]>;
  rural_millesimes: ColumnType<string[], string[] | undefined, string[]>;
  report: JSONColumnType<Record<string, unknown>, string, string>;
};

export type DepartementQpvStatsTable = {
  departement: string;
  addresses: number;
  addresses_in_qpv: number;
  qpv_millesime: number;
  qpv_imported_at: Timestamp;
  ban_imported_at: Timestamp;
  computed_at: Timestamp;
};

export type DB = {
  departement_qpv_stats: DepartementQpvStatsTable;
  reference_datasets: ReferenceDatasetsTable;
  communes: CommunesTable;
  qpv_perimeters: QpvPerimetersTable;
  rural_communes: RuralCommunesTable;
  ban_addresses: BanAddressesTable;
  ban_streets: BanStreetsTable;
  ban_communes: BanCommunesTable;
  ban_import_staging: BanImportStagingTable;
  jobs: JobsTable;
  score_qpv_reports: ScoreQpvReportsTable;
  score_history: ScoreHistoryTable;
  users: UsersTable;
  user_identities: UserIdentitiesTable;
  one_time_codes: OneTimeCodesTable;
  organisations: OrganisationsTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  sessions: SessionsTable;
  oidc_login_attempts: OidcLoginAttemptsTable;
  login_lockouts: LoginLockoutsTable;
  rate_limit_counters: RateLimitCountersTable;
  api_keys: ApiKeysTable;
  audit_log: AuditLogTable;
  mail_outbox: MailOutboxTable;
  rome_fiches: RomeFichesTable;
  rome_appellations: RomeAppellationsTable;
  rome_competences: RomeCompetencesTable;
  offers: OffersTable;
  offer_status_changes: OfferStatusChangesTable;
  candidates: CandidatesTable;
  candidate_followers: CandidateFollowersTable;
  candidate_consents: CandidateConsentsTable;
  candidate_documents: CandidateDocumentsTable;
  candidate_changes: CandidateChangesTable;
  demo_seed_runs: DemoSeedRunsTable;
  applications: ApplicationsTable;
  application_transitions: ApplicationTransitionsTable;
  application_messages: ApplicationMessagesTable;
  notification_settings: NotificationSettingsTable;
};

// --- Accounts, organisations, authorisation, mail (migration 20261201T2000) ---
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

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

// --- ROME 4.0 reference and job offers (migration 20261202T0100) ---
export type RomeFichesTable = { code: string; label: string; parent_code: string };

export type RomeAppellationsTable = {
  code: string;
  rome_code: string;
  label: string;
  short_label: string;
  label_norm: string;
  rarely_used: ColumnType<boolean, boolean | undefined, boolean>;
};

export type RomeCompetencesTable = {
  code: string;
  kind: "competence" | "macro_competence";
  label: string;
  category: ColumnType<string, string | undefined, string>;
  label_norm: string;
};

export type OffersTable = {
  id: Generated<string>;
  organisation_id: string;
  appellation_code: string;
  title: string;
  description: string;
  contract_type: string;
  hours_per_week: number;
  positions: number;
  commune_insee: string;
  address_label: string | null;
  lat: number | null;
  lon: number | null;
  status: ColumnType<"open" | "closed", "open" | "closed" | undefined, "open" | "closed">;
  without_cv: ColumnType<boolean, boolean | undefined, boolean>;
  open_to_beginners: ColumnType<boolean, boolean | undefined, boolean>;
  driving_licence_required: ColumnType<boolean, boolean | undefined, boolean>;
  search_norm: string;
  created_by: string | null;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
  stale_notified_at: NullableTimestamp;
};

export type OfferStatusChangesTable = {
  id: Generated<number>;
  offer_id: string;
  status: "open" | "closed";
  reason: "created" | "reopened" | "filled" | "cancelled" | "other" | "stale";
  comment: string | null;
  by_user_id: string | null;
  at: DefaultedTimestamp;
};
// --- Candidates (migration 20261202T0200) ---
export type CandidateLanguage = { name: string; level: "basic" | "intermediate" | "fluent" | "native" };

export type CandidatesTable = {
  id: Generated<string>;
  user_id: string | null;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  phone: string | null;
  birth_year: number | null;
  address_text: string | null;
  location_status: ColumnType<"no_address" | "located" | "not_located", "no_address" | "located" | "not_located" | undefined, "no_address" | "located" | "not_located">;
  geocoded_label: string | null;
  commune_insee: string | null;
  postcode: string | null;
  lat: number | null;
  lon: number | null;
  qpv_code: string | null;
  qpv_name: string | null;
  qpv_millesime: number | null;
  rural_scheme: "zrr" | "frr" | null;
  rural_class: string | null;
  rural_label: string | null;
  location_uncertain: boolean | null;
  location_reasons: ColumnType<string[], string[] | undefined, string[]>;
  located_at: NullableTimestamp;
  target_appellations: ColumnType<string[], string[] | undefined, string[]>;
  skills: ColumnType<string[], string[] | undefined, string[]>;
  languages: JSONColumnType<CandidateLanguage[], string | undefined, string>;
  driving_licences: ColumnType<string[], string[] | undefined, string[]>;
  mobility_radius_km: number | null;
  mobility_means: ColumnType<string[], string[] | undefined, string[]>;
  availability: "immediate" | "from_date" | "unavailable" | null;
  available_from: ColumnType<string | null, string | null | undefined, string | null>;
  barriers: ColumnType<string[], string[] | undefined, string[]>;
  created_via: "self" | "prescriber" | "employer";
  created_by_user_id: string | null;
  created_by_organisation_id: string | null;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
  last_activity_at: DefaultedTimestamp;
  inactivity_notified_at: NullableTimestamp;
  anonymised_at: NullableTimestamp;
};

export type CandidateFollowersTable = {
  candidate_id: string;
  organisation_id: string;
  since: DefaultedTimestamp;
  by_user_id: string | null;
};

export type CandidateConsentsTable = {
  id: Generated<number>;
  candidate_id: string;
  purpose: string;
  decision: "given" | "withdrawn";
  text_version: string;
  text: string;
  given_by: "candidate" | "prescriber" | "employer";
  by_user_id: string | null;
  by_organisation_id: string | null;
  at: DefaultedTimestamp;
};

export type CandidateDocumentsTable = {
  id: Generated<string>;
  candidate_id: string;
  kind: "cv";
  file_name: string;
  content_type: "application/pdf";
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  uploaded_by_user_id: string | null;
  uploaded_at: DefaultedTimestamp;
};

export type CandidateChangesTable = {
  id: Generated<number>;
  candidate_id: string;
  at: DefaultedTimestamp;
  by_user_id: string | null;
  by_organisation_id: string | null;
  action: string;
  fields: ColumnType<string[], string[] | undefined, string[]>;
};

/** One row per demo seeding step (src/demo): started once, finished with what it created. */
export type DemoSeedRunsTable = {
  step: string;
  started_at: Timestamp;
  finished_at: Timestamp | null;
  counts: JSONColumnType<Record<string, number>, string, string>;
};

// Applications (20261202T0400_applications). Dates of hire are calendar days ("YYYY-MM-DD").
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
