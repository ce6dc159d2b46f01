// Loads, once, the shipped reference data the database does not have yet.
// Idempotent: a dataset already registered in reference_datasets is skipped.
import { importBan } from "../geocoder/ban.import.ts";
import { importCommunes } from "../geocoder/communes.import.ts";
import { importQpv } from "../geo/import/qpv.import.ts";
import { importFrr, importZrr } from "../geo/import/rural.import.ts";
import { importRome } from "../rome/rome.import.ts";
import type { Database } from "../server/db.ts";
import { type ShippedDataset, shippedDatasets } from "./shipped.ts";

export type SeedProgress = (event: { dataset: ShippedDataset; done: number; total: number | null; finished?: boolean }) => void;

const registered = async (db: Database): Promise<Set<string>> => {
  const rows = await db.selectFrom("reference_datasets").select(["kind", "scope"]).execute();
  return new Set(rows.map((row) => `${row.kind}:${row.scope}`));
};

const importDataset = (db: Database, dataset: ShippedDataset, onProgress: (done: number, total: number | null) => void) => {
  switch (dataset.kind) {
    case "communes":
      return importCommunes(db, dataset.path, { onProgress });
    case "qpv":
      return importQpv(db, dataset.path, { millesime: dataset.millesime, onProgress });
    case "zrr":
      return importZrr(db, dataset.path, { onProgress });
    case "frr":
      return importFrr(db, dataset.path, { onProgress });
    case "ban":
      return importBan(db, dataset.path, { onProgress, millesime: dataset.millesime });
    case "rome":
      return importRome(db, dataset.path, { onProgress });
  }
};

/** Imports the shipped datasets that are missing; returns the ones it imported. */
export const ensureReferenceData = async (db: Database, onProgress?: SeedProgress): Promise<ShippedDataset[]> => {
  const present = await registered(db);
  const missing = shippedDatasets().filter((dataset) => !present.has(`${dataset.kind}:${dataset.scope}`));
  for (const dataset of missing) {
    await importDataset(db, dataset, (done, total) => onProgress?.({ dataset, done, total }));
    onProgress?.({ dataset, done: 1, total: 1, finished: true });
  }
  return missing;
};
