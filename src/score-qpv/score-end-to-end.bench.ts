// Score QPV end to end (parse + geocode offline + classify + aggregate) on
// 100,000 rows of real Paris addresses with realistic HR noise, against the
// parse-only rate of the same file; then 1,000,000 rows through the CLI in a
// child process, whose peak RSS is sampled (target: under 500 MB).
import { spawn } from "node:child_process";
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { addRealisticNoise, seededRng } from "../geocoder/address-noise.ts";
import { parisBanLines } from "../geocoder/geocoder.fixtures.ts";
import { packageRoot } from "../reference-data/shipped.ts";
import { configFromEnv } from "../server/config.ts";
import { openRuntime } from "../server/runtime.ts";
import { csvLine } from "./csv-safe.ts";
import { readHrRows } from "./hr-file.reader.ts";
import { runScoreQpv } from "./score.use-case.ts";

type BenchResult = { name: string; value: number; unit: string; baseline?: { name: string; value: number }; ratio?: number; target?: string };

/** An HR export of `rows` hires at real Paris addresses, noised as HR software writes them. */
export const writeNoisyHrFile = async (path: string, rows: number, seed: number) => {
  const lines = parisBanLines();
  const rng = seededRng(seed);
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  await write(csvLine(["Adresse", "Complément", "CP", "Ville", "Date d'embauche", "Type de contrat", "Établissement"]));
  for (let i = 0; i < rows; i++) {
    const c = lines[1 + Math.floor(rng() * (lines.length - 1))].split(";");
    const a = addRealisticNoise({ numero: c[2], rep: c[3], nom_voie: c[4], code_postal: c[5], nom_commune: c[7] }, rng);
    const street = a.full ?? a.street ?? "";
    const day = new Date(Date.UTC(2025, 0, 1) + (i % 365) * 86_400_000).toISOString().slice(0, 10).split("-").reverse().join("/");
    await write(csvLine([street, a.complement ?? "", a.postcode ?? "", a.city ?? "", day, i % 3 ? "CDI" : "CDD", `Site ${i % 7}`]));
  }
  out.end();
  await once(out, "finish");
};

const rowsPerSecond = async (rows: number, work: () => Promise<unknown>) => {
  const started = performance.now();
  await work();
  return rows / ((performance.now() - started) / 1000);
};

/** Runs the CLI on `file` and samples its resident memory every 100 ms; returns the peak in MB. */
const cliPeakRssMb = async (file: string, env: NodeJS.ProcessEnv): Promise<{ peakMb: number; code: number | null }> => {
  // The process bin/tremplin.js starts: the CLI with its default heap cap, young generation and baseline-compiled WebAssembly.
  const args = ["--max-old-space-size=256", "--max-semi-space-size=8", "--liftoff-only", join(packageRoot, "src/cli/main.ts"), "score-qpv", file, "--no-save"];
  const child = spawn(process.execPath, args, { env, stdio: ["ignore", "ignore", "ignore"] });
  let peak = 0;
  const timer = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
      peak = Math.max(peak, rss);
    } catch {
      // process gone
    }
  }, 100);
  const [code] = (await once(child, "exit")) as [number | null];
  clearInterval(timer);
  return { peakMb: peak, code };
};

export async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), "tremplin-score-bench-"));
  const dataDir = join(dir, "pglite");
  try {
    const file = join(dir, "embauches-100k.csv");
    await writeNoisyHrFile(file, 100_000, 2026);
    const runtime = await openRuntime(configFromEnv({ NODE_ENV: "test" }), { env: { PGLITE_DIR: dataDir } });
    let report;
    const parseRate = await rowsPerSecond(100_000, async () => {
      for await (const _ of readHrRows({ path: file })) {
        // parse only
      }
    });
    const coldRate = await rowsPerSecond(100_000, async () => {
      report = await runScoreQpv({ source: { path: file }, geocoder: runtime.geocoder, geography: runtime.geography });
    });
    const warmRate = await rowsPerSecond(100_000, () => runScoreQpv({ source: { path: file }, geocoder: runtime.geocoder, geography: runtime.geography }));
    await runtime.close();
    const located = report ? (report as { rows: { located: number } }).rows.located : 0;
    const baseline = { name: "lecture seule du fichier", value: parseRate };

    const big = join(dir, "embauches-1m.csv");
    await writeNoisyHrFile(big, 1_000_000, 7);
    const rss = await cliPeakRssMb(big, { ...process.env, PGLITE_DIR: dataDir, DATABASE_URL: "" });
    const results: BenchResult[] = [
      { name: "Score QPV de bout en bout, 100 000 adresses parisiennes bruitées (géocodeur à froid)", value: coldRate, unit: "lignes/s", baseline, ratio: coldRate / parseRate, target: "≥ 20 000 lignes/s" },
      { name: "Score QPV de bout en bout, géocodeur chaud", value: warmRate, unit: "lignes/s", baseline, ratio: warmRate / parseRate },
      { name: "lignes localisées", value: (100 * located) / 100_000, unit: "%" },
      { name: `CLI sur 1 000 000 de lignes, base embarquée PGlite (code ${rss.code})`, value: rss.peakMb, unit: "Mo de RSS au plus haut", target: "< 500 Mo" },
    ];
    if (process.env.BENCH_DATABASE_URL) {
      const pg = await cliPeakRssMb(big, { ...process.env, DATABASE_URL: process.env.BENCH_DATABASE_URL });
      results.push({ name: `CLI sur 1 000 000 de lignes, serveur PostgreSQL (code ${pg.code})`, value: pg.peakMb, unit: "Mo de RSS au plus haut", target: "< 500 Mo" });
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
