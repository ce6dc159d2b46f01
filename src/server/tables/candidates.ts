// Candidates (migration 20261202T0200).
import type { ColumnType, Generated, JSONColumnType } from "kysely";
import type { DefaultedTimestamp, NullableTimestamp } from "./columns.ts";

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
