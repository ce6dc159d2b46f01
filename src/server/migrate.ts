// Versioned migrations, applied in name order. The list is explicit (no
// directory scan) so that it works the same from source and in tests.
import { type Migration, type MigrationProvider, Migrator } from "kysely/migration";
import type { Database } from "./db.ts";
import * as referenceData from "./migrations/20261201T1900_reference_data.ts";
import * as banAddresses from "./migrations/20261201T1901_ban_addresses.ts";
import * as jobsScoreReports from "./migrations/20261201T1902_jobs_score_reports.ts";
import * as departementQpvStats from "./migrations/20261201T1903_departement_qpv_stats.ts";
import * as accountsOrganisations from "./migrations/20261201T2000_accounts_organisations.ts";
import * as romeOffers from "./migrations/20261202T0100_rome_offers.ts";
import * as candidates from "./migrations/20261202T0200_candidates.ts";
import * as scoreHistory from "./migrations/20261202T0300_score_history.ts";
import * as applications from "./migrations/20261202T0400_applications.ts";
import * as demo from "./migrations/20261202T0500_demo.ts";
import * as hiringDateEdits from "./migrations/20261202T0600_hiring_date_edits.ts";

const migrations: Record<string, Migration> = {
  "20261201T1900_reference_data": referenceData,
  "20261201T1901_ban_addresses": banAddresses,
  "20261201T1902_jobs_score_reports": jobsScoreReports,
  "20261201T1903_departement_qpv_stats": departementQpvStats,
  "20261201T2000_accounts_organisations": accountsOrganisations,
  "20261202T0100_rome_offers": romeOffers,
  "20261202T0200_candidates": candidates,
  "20261202T0300_score_history": scoreHistory,
  "20261202T0400_applications": applications,
  "20261202T0500_demo": demo,
  "20261202T0600_hiring_date_edits": hiringDateEdits,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export const migrateToLatest = async (db: Database): Promise<void> => {
  // Capabilities are developed in parallel: a migration merged later may carry an earlier name.
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === "Error");
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ""} impossible : ${String(error)}`);
  }
};
