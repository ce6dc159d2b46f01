// Test support: a test app on a database loaded with the shipped reference data
// (Paris BAN, QPV, communes), as the demo needs them, on PGlite and PostgreSQL.
import { registerAccountsRoutes } from "../accounts/accounts.routes.ts";
import { buildTestApp, type TestApp } from "../accounts/test-app.ts";
import { loadGeography } from "../geo/geography.ts";
import { createOfflineGeocoder } from "../geocoder/offline-geocoder.ts";
import { importQpv } from "../geo/import/qpv.import.ts";
import { importBan } from "../geocoder/ban.import.ts";
import { importCommunes } from "../geocoder/communes.import.ts";
import { ensureReferenceData } from "../reference-data/seed.ts";
import { shippedDatasets } from "../reference-data/shipped.ts";
import { importRome } from "../rome/rome.import.ts";
import { createDatabase } from "../server/db.ts";
import { migrateToLatest } from "../server/migrate.ts";
import type { TestEngine } from "../server/test-engines.ts";
import { seededDataDir } from "../../tests/support/seeded-template.ts";
import type { DemoDeps } from "./demo.seed.ts";

/** The engine, its fresh databases loaded with the reference data (PGlite: a copy of the seeded template). */
const withReferenceData = (engine: TestEngine): TestEngine => ({
  name: engine.name,
  async freshMigratedDb() {
    if (engine.name === "pglite") {
      const { dataDir, remove } = await seededDataDir();
      const db = await createDatabase({ kind: "pglite", dataDir });
      await migrateToLatest(db);
      await ensureReferenceData(db); // what a template made by an older version lacks
      return { db, close: async () => { await db.destroy(); remove(); } };
    }
    // What the demo uses (communes, QPV 2015 and 2024 — the Score QPV history measures the hires of 2023 against
    // the QPV 2015 —, Paris BAN, ROME): not the rural classes.
    const test = await engine.freshMigratedDb();
    for (const dataset of shippedDatasets()) {
      if (dataset.kind === "communes") await importCommunes(test.db, dataset.path);
      if (dataset.kind === "qpv") await importQpv(test.db, dataset.path, { millesime: dataset.millesime });
      if (dataset.kind === "ban") await importBan(test.db, dataset.path, { millesime: dataset.millesime });
      if (dataset.kind === "rome") await importRome(test.db, dataset.path);
    }
    return test;
  },
});

export type DemoTestApp = TestApp & { demo: DemoDeps };

export const buildDemoTestApp = async (engine: TestEngine, env: NodeJS.ProcessEnv = { NODE_ENV: "test" }): Promise<DemoTestApp> => {
  const t = await buildTestApp(withReferenceData(engine), (deps) => [(app) => registerAccountsRoutes(app, deps)]);
  const demo: DemoDeps = { accounts: t.deps, geography: await loadGeography(t.db), geocoder: createOfflineGeocoder(t.db), env };
  return Object.assign(t, { demo });
};
