// Reference geography, BAN index, persisted jobs and Score QPV reports (migrations 20261201T1900–1903, 20261202T0300).
import type { ColumnType, Generated, JSONColumnType } from "kysely";
import type { Timestamp } from "./columns.ts";

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
