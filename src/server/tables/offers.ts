// ROME 4.0 reference and job offers (migration 20261202T0100).
import type { ColumnType, Generated } from "kysely";
import type { DefaultedTimestamp, NullableTimestamp } from "./columns.ts";

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
