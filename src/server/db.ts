// Database connection: embedded PGlite (files under ./var/) by default,
// a PostgreSQL server when DATABASE_URL is set. Both speak the same SQL.
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Kysely, PGliteDialect, PostgresDialect, sql } from "kysely";
import type { DB } from "./db.types.ts";
import { lockDataDir } from "./pglite-lock.ts";

export type Database = Kysely<DB>;

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export type DatabaseConfig =
  | { kind: "pglite"; dataDir?: string } // dataDir undefined = in memory
  | { kind: "postgres"; url: string; maxConnections?: number };

export const databaseConfigFromEnv = (env: NodeJS.ProcessEnv = process.env): DatabaseConfig =>
  env.DATABASE_URL
    ? { kind: "postgres", url: env.DATABASE_URL, maxConnections: Number(env.DATABASE_POOL_SIZE ?? 10) }
    : { kind: "pglite", dataDir: env.PGLITE_DIR ?? join(packageRoot, "var", "pglite") };

export const createDatabase = async (config: DatabaseConfig): Promise<Database> => {
  if (config.kind === "postgres") {
    const pg = await import("pg");
    // int8 (count(*), sums) as JS numbers: our counts stay far below 2^53.
    pg.default.types.setTypeParser(20, (value: string) => Number(value));
    pg.default.types.setTypeParser(1700, (value: string) => Number(value));
    const { PreparingClient } = await import("./prepared-statements.ts");
    const pool = new pg.default.Pool({ connectionString: config.url, max: config.maxConnections ?? 10, Client: PreparingClient });
    return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  }
  const { PGlite, types } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { unaccent } = await import("@electric-sql/pglite/contrib/unaccent");
  const { cube } = await import("@electric-sql/pglite/contrib/cube");
  const { earthdistance } = await import("@electric-sql/pglite/contrib/earthdistance");
  let release = () => {};
  if (config.dataDir) {
    mkdirSync(config.dataDir, { recursive: true });
    release = lockDataDir(config.dataDir);
  }
  const pglite = await PGlite.create({
    dataDir: config.dataDir,
    extensions: { pg_trgm, unaccent, cube, earthdistance },
    // PostgreSQL's default 128 MB of shared buffers sit in the process's WASM
    // memory; the embedded database serves one process, 16 MB is plenty.
    postgresqlconf: ["shared_buffers = 16MB", "work_mem = 8MB"],
    parsers: { [types.INT8]: (value: string) => Number(value), [types.NUMERIC]: (value: string) => Number(value) },
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
  const destroy = db.destroy.bind(db);
  db.destroy = async () => {
    await destroy();
    if (!pglite.closed) await pglite.close();
    release();
  };
  return db;
};

/** Liveness of the database, for /healthz. */
export const pingDatabase = async (db: Database): Promise<boolean> => {
  const { rows } = await sql<{ ok: number }>`select 1 as ok`.execute(db);
  return rows[0]?.ok === 1;
};
