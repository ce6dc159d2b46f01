// `npm run bench -- plateforme`: the platform under load. In a throwaway
// PostgreSQL database created here (BENCH_DATABASE_URL is the server's admin
// URL; the database is dropped at the end), 100,000 candidates, 20,000 offers
// and 500,000 applications are bulk-inserted (multi-row `insert … select from
// unnest(arrays)`), then the real server (`node src/server/main.ts`) is started
// and autocannon drives it on loopback at 200 requests/s: public offer search by
// appellation + radius, then an employer's inbox (signed in). Target p95 < 50 ms
// under the spread load (see `shapes`); the burst is reported beside it.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { hashPassword } from "../accounts/passwords.ts";
import { packageRoot } from "../reference-data/shipped.ts";
import { configFromEnv } from "../server/config.ts";
import { openRuntime } from "../server/runtime.ts";
import { createRandom, demoSiret } from "./demo.domain.ts";

const sizes = { candidates: 100_000, offers: 20_000, applications: 500_000, employers: 2_000, prescribers: 50 };
const ratePerSecond = 200;
const durationSeconds = Number(process.env.BENCH_PLATFORM_SECONDS ?? 20);
const password = "mot de passe de la mesure";
const benchEmployerEmail = "employeur@mesure.tremplin.test";

type BenchResult = { name: string; value: number; unit: string; target?: string };

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });

/** Inserts rows column-wise in batches: one `insert … select * from unnest($1::t1[], $2::t2[], …)` per batch. */
const bulkInsert = async (client: pg.PoolClient, table: string, columns: [name: string, type: string][], rows: unknown[][], batch = 10_000) => {
  const list = columns.map(([name]) => name).join(", ");
  const params = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ");
  for (let start = 0; start < rows.length; start += batch) {
    const slice = rows.slice(start, start + batch);
    const arrays = columns.map((_, i) => slice.map((row) => row[i]));
    await client.query(`insert into ${table} (${list}) select * from unnest(${params})`, arrays);
  }
};

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** Paris and its inner ring: where the offers and the candidates are. */
const point = (random: ReturnType<typeof createRandom>) => ({ lat: 48.78 + random.next() * 0.16, lon: 2.22 + random.next() * 0.26 });
const arrondissements = Array.from({ length: 20 }, (_, i) => `751${String(i + 1).padStart(2, "0")}`);

const generate = async (client: pg.PoolClient) => {
  const random = createRandom(2026_1000);
  const now = Date.now();
  const appellations = (await client.query<{ code: string; label: string }>("select code, label from rome_appellations order by code")).rows;
  const jobs = random.sample(appellations, 300);
  const hash = await hashPassword(password);
  const employerUser = randomUUID();
  const prescriberUser = randomUUID();
  await bulkInsert(client, "users", [["id", "uuid"], ["email", "text"], ["name", "text"], ["kind", "text"], ["password_hash", "text"], ["email_verified_at", "timestamptz"]], [
    [employerUser, benchEmployerEmail, "Employeur de la mesure", "professional", hash, new Date(now).toISOString()],
    [prescriberUser, "prescripteur@mesure.tremplin.test", "Prescripteur de la mesure", "professional", hash, new Date(now).toISOString()],
  ]);
  const kinds = ["entreprise", "entreprise", "entreprise", "ACI", "EI", "ETTI", "AI", "employeur_public"];
  const employers = Array.from({ length: sizes.employers }, (_, i) => [randomUUID(), "employer", random.pick(kinds), `Employeur ${i} (mesure)`, demoSiret(1000 + i), null]);
  const prescribers = Array.from({ length: sizes.prescribers }, (_, i) => [randomUUID(), "prescriber", "FT", `Agence ${i} (mesure)`, demoSiret(5000 + i), "VALIDATED"]);
  await bulkInsert(client, "organisations", [["id", "uuid"], ["family", "text"], ["kind", "text"], ["name", "text"], ["siret", "text"], ["authorization_status", "text"]], [...employers, ...prescribers]);
  const benchEmployer = employers[0]![0] as string;
  await bulkInsert(client, "memberships", [["organisation_id", "uuid"], ["user_id", "uuid"], ["role", "text"]], [
    [benchEmployer, employerUser, "admin"],
    [prescribers[0]![0], prescriberUser, "admin"],
  ]);

  const candidates: unknown[][] = [];
  for (let i = 0; i < sizes.candidates; i += 1) {
    const { lat, lon } = point(random);
    candidates.push([randomUUID(), `Prénom${i}`, `Nom${i}`, random.int(1965, 2006), random.pick(arrondissements), lat, lon, "located", "prescriber", new Date(now - random.int(0, 700) * 86_400_000).toISOString()]);
  }
  await bulkInsert(client, "candidates", [["id", "uuid"], ["first_name", "text"], ["last_name", "text"], ["birth_year", "int"], ["commune_insee", "text"], ["lat", "float8"], ["lon", "float8"], ["location_status", "text"], ["created_via", "text"], ["created_at", "timestamptz"]], candidates);

  const offers: unknown[][] = [];
  for (let i = 0; i < sizes.offers; i += 1) {
    const job = random.pick(jobs);
    const { lat, lon } = point(random);
    // The bench employer has 100 offers, the others about ten each.
    const organisation = i < 100 ? benchEmployer : (employers[random.int(1, employers.length - 1)]![0] as string);
    const updated = new Date(now - random.int(0, 80) * 86_400_000).toISOString();
    offers.push([randomUUID(), organisation, job.code, job.label, "", "PERMANENT", 35, 1, random.pick(arrondissements), lat, lon, random.chance(0.9) ? "open" : "closed", job.label.toLowerCase(), updated, updated]);
  }
  await bulkInsert(client, "offers", [["id", "uuid"], ["organisation_id", "uuid"], ["appellation_code", "text"], ["title", "text"], ["description", "text"], ["contract_type", "text"], ["hours_per_week", "float8"], ["positions", "int"], ["commune_insee", "text"], ["lat", "float8"], ["lon", "float8"], ["status", "text"], ["search_norm", "text"], ["created_at", "timestamptz"], ["updated_at", "timestamptz"]], offers);

  const states = ["new", "new", "processing", "postponed", "pool", "refused", "refused", "refused", "accepted", "obsolete", "cancelled"];
  const seen = new Set<string>();
  const applications: unknown[][] = [];
  while (applications.length < sizes.applications) {
    const candidate = candidates[random.int(0, candidates.length - 1)]![0] as string;
    // 1 % of the applications go to the bench employer's offers (an inbox of 5,000).
    const offer = random.chance(0.01) ? offers[random.int(0, 99)]! : offers[random.int(100, offers.length - 1)]!;
    const key = `${candidate}:${offer[0]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const state = random.pick(states);
    const at = new Date(now - random.int(0, 700) * 86_400_000 - random.int(0, 86_400_000)).toISOString();
    const prescriber = prescribers[random.int(0, prescribers.length - 1)]![0];
    applications.push([randomUUID(), candidate, offer[0], offer[1], "prescriber", prescriberUser, prescriber, state, state === "refused" ? "lacking_skills" : null, state === "accepted" || state === "cancelled" ? at.slice(0, 10) : null, at, at]);
  }
  await bulkInsert(client, "applications", [["id", "uuid"], ["candidate_id", "uuid"], ["offer_id", "uuid"], ["employer_organisation_id", "uuid"], ["sender_kind", "text"], ["sender_user_id", "uuid"], ["sender_organisation_id", "uuid"], ["state", "text"], ["refusal_reason", "text"], ["hiring_start_at", "date"], ["created_at", "timestamptz"], ["updated_at", "timestamptz"]], applications);
  // As autovacuum would on a live database: statistics, and the visibility map that index-only scans need.
  await client.query("vacuum analyze");
  return { jobs: jobs.map((job) => job.code) };
};

const startServer = async (databaseUrl: string, port: number): Promise<ChildProcess> => {
  const child = spawn(process.execPath, [join(packageRoot, "src", "server", "main.ts")], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: "127.0.0.1", TREMPLIN_DEMO: "0", LOG_LEVEL: "warn", NODE_ENV: "bench" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => { if (chunk.toString().includes("écoute")) resolve(); });
    child.on("exit", (code) => reject(new Error(`Le serveur s'est arrêté (code ${code}).`)));
  });
  return child;
};

const rssOf = (pid: number): number => {
  const match = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/);
  return match ? Number(match[1]) / 1024 : 0;
};

/**
 * The load shapes of one rate. autocannon's limiter gives each connection its quota for the second at the
 * start of that second (a 1 s interval per connection, all started together), so one instance at 200/s over
 * 20 connections is not 200 requests/s but a burst of 200 requests, 20 at a time, then silence. "Étalée"
 * spreads the same rate over 20 one-connection instances started 50 ms apart: 10 requests every 50 ms, close
 * to users arriving independently — the load the target is about. "En rafale" is that single instance,
 * kept as a measure of a sudden peak.
 */
const shapes = {
  spread: { label: "étalée", instances: 20, connectionsEach: 1 },
  burst: { label: "en rafale", instances: 1, connectionsEach: 20 },
} as const;
type Shape = (typeof shapes)[keyof typeof shapes];

/** autocannon at a fixed rate in the given shape; latencies of every response (autocannon's own summary has no p95). */
const drive = async (url: string, path: () => string, headers: Record<string, string>, pid: number, shape: Shape, seconds: number) => {
  const latencies: number[] = [];
  let errors = 0;
  let maxRss = rssOf(pid);
  const sampler = setInterval(() => { maxRss = Math.max(maxRss, rssOf(pid)); }, 250);
  const offsetMs = 1000 / shape.instances;
  const runs = Array.from({ length: shape.instances }, async (_, i) => {
    await new Promise((resolve) => setTimeout(resolve, i * offsetMs));
    const instance = autocannon({
      url,
      connections: shape.connectionsEach,
      overallRate: ratePerSecond / shape.instances,
      duration: seconds,
      headers,
      requests: [{ setupRequest: (request: Record<string, unknown>) => ({ ...request, path: path() }) }],
    });
    instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      if (statusCode !== 200) errors += 1;
    });
    const result = await instance;
    errors += result.errors + result.timeouts;
  });
  await Promise.all(runs);
  clearInterval(sampler);
  latencies.sort((a, b) => a - b);
  const ms = (p: number) => Math.round(percentile(latencies, p));
  return { p50: ms(50), p95: ms(95), p99: ms(99), requests: latencies.length, errors, rss: maxRss, seconds };
};

export const run = async (): Promise<BenchResult[]> => {
  const adminUrl = process.env.BENCH_DATABASE_URL;
  if (!adminUrl) {
    console.log("BENCH_DATABASE_URL absent (serveur PostgreSQL) : mesure de la plateforme sautée.");
    return [];
  }
  const name = `tremplin_bench_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  let server: ChildProcess | null = null;
  try {
    let started = Date.now();
    const runtime = await openRuntime(configFromEnv({}), { env: { DATABASE_URL: databaseUrl } });
    await runtime.close();
    console.log(`- base neuve ${name} migrée, données de référence chargées en ${((Date.now() - started) / 1000).toFixed(0)} s`);
    started = Date.now();
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
    const client = await pool.connect();
    const { jobs } = await generate(client);
    client.release();
    await pool.end();
    const insertSeconds = (Date.now() - started) / 1000;
    console.log(`- ${sizes.candidates} candidats, ${sizes.offers} offres, ${sizes.applications} candidatures insérés en ${insertSeconds.toFixed(0)} s`);

    const port = await freePort();
    server = await startServer(databaseUrl, port);
    const base = `http://127.0.0.1:${port}`;
    const login = await fetch(`${base}/api/v1/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: benchEmployerEmail, password }) });
    if (login.status !== 204) throw new Error(`Connexion de l'employeur de la mesure refusée : ${login.status} ${await login.text()}`);
    const cookie = login.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");

    const random = createRandom(2026_2000);
    const searchPath = () => {
      const { lat, lon } = point(random);
      return `/api/v1/offers?appellation=${random.pick(jobs)}&lat=${lat.toFixed(5)}&lon=${lon.toFixed(5)}&radiusKm=${random.pick([5, 10, 20, 30])}`;
    };
    const inboxStates = ["", "&state=new", "&state=processing", "&state=new&state=processing", "&state=accepted"];
    const inboxPath = () => `/api/v1/applications/received?limit=20${random.pick(inboxStates)}`;
    const endpoints: { label: string; path: () => string; headers: Record<string, string> }[] = [
      { label: "recherche d'offres (appellation + rayon)", path: searchPath, headers: {} },
      { label: "boîte de réception d'un employeur (5 000 candidatures)", path: inboxPath, headers: { cookie } },
    ];

    const results: BenchResult[] = [];
    for (const { label, path, headers } of endpoints) {
      for (const shape of [shapes.spread, shapes.burst]) {
        // The burst is a side measure: half the duration.
        const seconds = shape === shapes.spread ? durationSeconds : Math.max(5, Math.round(durationSeconds / 2));
        const r = await drive(base, path, headers, server.pid!, shape, seconds);
        const name = `${label}, charge ${shape.label}`;
        console.log(`- ${name} : ${r.requests} requêtes en ${r.seconds} s (demandé : ${ratePerSecond}/s, ${shape.instances} × ${shape.connectionsEach} connexion(s)), p50 ${r.p50} ms, p95 ${r.p95} ms, p99 ${r.p99} ms, ${r.errors} erreur(s), RSS du serveur ${r.rss.toFixed(0)} Mo au plus haut`);
        const target = shape === shapes.spread;
        results.push({ name: `${name}, p95`, value: r.p95, unit: "ms", ...(target ? { target: "< 50 ms" } : {}) });
        results.push({ name: `${name}, p50 / p99`, value: r.p50, unit: `ms (p99 ${r.p99} ms)` });
        results.push({ name: `${name}, erreurs`, value: r.errors, unit: "", target: "0" });
        if (target) results.push({ name: `${name}, RSS du serveur`, value: Math.round(r.rss), unit: "Mo" });
      }
    }
    return results;
  } finally {
    if (server) {
      server.kill("SIGTERM");
      await new Promise((resolve) => server!.once("exit", resolve));
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    if (process.env.BENCH_KEEP_DATABASE === "1") {
      console.log(`- base ${name} gardée (BENCH_KEEP_DATABASE=1) : supprimez-la avec « drop database ${name} »`);
    } else {
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    }
  }
};
