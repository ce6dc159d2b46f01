// Bench of the offline geocoder on PGlite with the Paris BAN: BAN import rate,
// 100,000 noisy real Paris addresses geocoded (cold cache, loads included),
// against a baseline of one pg_trgm SQL query per row, plus accuracy and RSS.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { createDatabase } from "../server/db.ts";
import { migrateToLatest } from "../server/migrate.ts";
import { addRealisticNoise, seededRng } from "./address-noise.ts";
import { parseAddress } from "./address-normaliser.ts";
import { importBan } from "./ban.import.ts";
import { haversineM } from "./commune-outline.domain.ts";
import { importCommunes } from "./communes.import.ts";
import { parisBanFile, parisBanLines } from "./geocoder.fixtures.ts";
import { createOfflineGeocoder } from "./offline-geocoder.ts";

type BenchResult = { name: string; value: number; unit: string; baseline?: { name: string; value: number }; ratio?: number; target?: string };

export async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), "tremplin-geocoder-bench-"));
  const db = await createDatabase({ kind: "pglite", dataDir: dir });
  try {
    await migrateToLatest(db);
    await importCommunes(db);
    let started = performance.now();
    const imported = await importBan(db, parisBanFile);
    const importRate = imported.rows / ((performance.now() - started) / 1000);

    const lines = parisBanLines();
    const rng = seededRng(2026);
    const truth = Array.from({ length: 100_000 }, () => lines[1 + Math.floor(rng() * (lines.length - 1))].split(";"));
    const inputs = truth.map((c) => addRealisticNoise({ numero: c[2], rep: c[3], nom_voie: c[4], code_postal: c[5], nom_commune: c[7] }, rng));

    const geocoder = createOfflineGeocoder(db);
    started = performance.now();
    const results = await geocoder.geocodeMany(inputs);
    const offlineRate = inputs.length / ((performance.now() - started) / 1000);
    started = performance.now();
    await geocoder.geocodeMany(inputs);
    const warmRate = inputs.length / ((performance.now() - started) / 1000);
    const within = results.filter((r, i) => r.ok && haversineM(r.lon, r.lat, Number(truth[i][12]), Number(truth[i][13])) < 50).length;

    // Baseline: one pg_trgm query per row (nearest street by GiST `<->`, then its number).
    const sample = inputs.slice(0, 500).map((input) => parseAddress(input));
    started = performance.now();
    for (const parsed of sample) {
      await sql`
        select a.lon, a.lat from ban_addresses a
        join (select code_insee, street_norm from ban_streets order by street_norm <-> ${parsed.streetNorm} limit 1) s using (code_insee, street_norm)
        where a.numero = ${parsed.number ?? 0} limit 1`.execute(db);
    }
    const baselineRate = sample.length / ((performance.now() - started) / 1000);
    const baseline = { name: "une requête SQL pg_trgm par ligne", value: baselineRate };
    const stats = geocoder.cacheStats();
    return [
      { name: "import BAN Paris (158 048 adresses, PGlite)", value: importRate, unit: "lignes/s", target: "500 000 lignes en quelques minutes" },
      { name: "géocodage hors ligne, 100 000 adresses bruitées, cache froid", value: offlineRate, unit: "lignes/s", baseline, ratio: offlineRate / baselineRate, target: "≥ 20 000 lignes/s de bout en bout" },
      { name: "géocodage hors ligne, cache chaud", value: warmRate, unit: "lignes/s", baseline, ratio: warmRate / baselineRate },
      { name: "adresses placées à moins de 50 m du point BAN", value: (100 * within) / inputs.length, unit: "%" },
      { name: "requêtes SQL de repli pg_trgm (sur 100 000 lignes)", value: stats.sqlFallbacks, unit: "requêtes" },
      { name: "pic de mémoire du processus (RSS)", value: process.resourceUsage().maxRSS / 1024, unit: "Mo" },
    ];
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  for (const r of await run()) console.log(`${r.name}: ${r.value.toFixed(1)} ${r.unit}${r.ratio ? ` (×${r.ratio.toFixed(0)} vs ${r.baseline?.name}: ${r.baseline?.value.toFixed(0)})` : ""}`);
}
