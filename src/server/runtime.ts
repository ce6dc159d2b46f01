// What the server and the CLI both need running: the database (migrated, with
// the shipped reference data), the geography in memory and the geocoder.
import type { Geography } from "../geo/geography.types.ts";
import { loadGeography } from "../geo/geography.ts";
import { loadDepartementQpvShares, refreshDepartementQpvStats } from "../geo/departement-reference.ts";
import type { Geocoder } from "../geocoder/geocoder.types.ts";
import { createGeocoder, createGeoplateformeGeocoder } from "../geocoder/geoplateforme.ts";
import { createOfflineGeocoder } from "../geocoder/offline-geocoder.ts";
import { ensureReferenceData, type SeedProgress } from "../reference-data/seed.ts";
import type { Config } from "./config.ts";
import { createDatabase, type Database, databaseConfigFromEnv } from "./db.ts";
import { migrateToLatest } from "./migrate.ts";

export type Runtime = {
  db: Database;
  geography: Geography;
  geocoder: Geocoder;
  config: Config;
  /** Share of a département's BAN addresses lying in a QPV 2024, when its addresses are imported. */
  departementQpvAddressShare: (code: string) => number | null;
  close(): Promise<void>;
};

export const buildGeocoder = (db: Database, config: Config): Geocoder => {
  const offline = createOfflineGeocoder(db);
  if (!config.remoteGeocoderUrl) return offline;
  return createGeocoder({ offline, remote: createGeoplateformeGeocoder({ baseUrl: config.remoteGeocoderUrl }) });
};

export const openRuntime = async (
  config: Config,
  options: { onSeedProgress?: SeedProgress; env?: NodeJS.ProcessEnv; seed?: boolean } = {},
): Promise<Runtime> => {
  const db = await createDatabase(databaseConfigFromEnv(options.env));
  try {
    await migrateToLatest(db);
    if (options.seed !== false) await ensureReferenceData(db, options.onSeedProgress);
    const geography = await loadGeography(db);
    const geocoder = buildGeocoder(db, config);
    await refreshDepartementQpvStats(db, geography);
    const departementQpvAddressShare = await loadDepartementQpvShares(db);
    return { db, geography, geocoder, config, departementQpvAddressShare, close: () => db.destroy() };
  } catch (error) {
    await db.destroy();
    throw error;
  }
};
