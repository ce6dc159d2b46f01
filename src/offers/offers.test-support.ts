// Test support for offers: a test app with the offers routes, a small slice of
// the real reference data (communes, two Paris arrondissements of the BAN, a
// few ROME appellations) and the real offline geocoder.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { registerAccountsRoutes } from "../accounts/accounts.routes.ts";
import { buildTestApp, type TestApp } from "../accounts/test-app.ts";
import { registerApiKeysRoutes } from "../authorization/api-keys.routes.ts";
import { importBan } from "../geocoder/ban.import.ts";
import { importCommunes } from "../geocoder/communes.import.ts";
import { parisBanLines, tempDir } from "../geocoder/geocoder.fixtures.ts";
import { createOfflineGeocoder } from "../geocoder/offline-geocoder.ts";
import { registerOrganisationsRoutes } from "../organisations/organisations.routes.ts";
import { normaliseRomeLabel } from "../rome/rome.domain.ts";
import { registerRomeRoutes } from "../rome/rome.routes.ts";
import type { Database } from "../server/db.ts";
import type { TestEngine } from "../server/test-engines.ts";
import { registerOffersRoutes } from "./offers.routes.ts";

/** Real ROME 4.0 v460 rows. */
export const appellations = {
  boulanger: { code: "11573", rome: "D1102", label: "Boulanger / Boulangère", romeLabel: "Boulanger / Boulangère" },
  aideBoulanger: { code: "10868", rome: "D1102", label: "Aide-boulanger / Aide-boulangère", romeLabel: "Boulanger / Boulangère" },
  agentParcs: { code: "10675", rome: "A1203", label: "Agent / Agente d'entretien des parcs et jardins", romeLabel: "Agent / Agente d'entretien des espaces verts" },
} as const;

export const seedRome = async (db: Database): Promise<void> => {
  const list = Object.values(appellations);
  for (const a of list) {
    await db.insertInto("rome_fiches").values({ code: a.rome, label: a.romeLabel, parent_code: a.rome }).onConflict((oc) => oc.column("code").doNothing()).execute();
    await db.insertInto("rome_appellations").values({ code: a.code, rome_code: a.rome, label: a.label, short_label: a.label, label_norm: normaliseRomeLabel(a.label) }).execute();
  }
};

/** Communes (COG) and the BAN addresses of Paris 11e and 20e. */
export const seedGeography = async (db: Database, communes: readonly string[] = ["75111", "75120"]): Promise<void> => {
  await importCommunes(db);
  const lines = parisBanLines();
  const header = lines[0].split(";");
  const codeColumn = header.indexOf("code_insee");
  const kept = [lines[0], ...lines.slice(1).filter((line) => communes.includes(line.split(";")[codeColumn]))];
  const file = join(tempDir(), "ban-75-extrait.csv");
  writeFileSync(file, `${kept.join("\n")}\n`);
  await importBan(db, file);
};

export const buildOffersTestApp = async (engine: TestEngine): Promise<TestApp> => {
  let geocoderDb: Database | null = null;
  const t = await buildTestApp(engine, (deps) => {
    geocoderDb = deps.db;
    const geocoder = createOfflineGeocoder(deps.db);
    return [
      (app) => registerAccountsRoutes(app, deps),
      (app) => registerOrganisationsRoutes(app, deps),
      (app) => registerApiKeysRoutes(app, deps),
      (app) => registerRomeRoutes(app, { db: deps.db }),
      (app) => registerOffersRoutes(app, { ...deps, geocoder }),
    ];
  });
  await seedRome(geocoderDb!);
  await seedGeography(geocoderDb!);
  return t;
};

/** A valid SIRET (Luhn) from 13 digits. */
export const siretFrom = (thirteen: string): string => {
  for (let last = 0; last <= 9; last++) {
    const digits = `${thirteen}${last}`;
    let sum = 0;
    for (let i = 0; i < 14; i++) {
      let d = Number(digits[13 - i]);
      if (i % 2 === 1) { d *= 2; if (d > 9) d -= 9; }
      sum += d;
    }
    if (sum % 10 === 0) return digits;
  }
  throw new Error("unreachable");
};
