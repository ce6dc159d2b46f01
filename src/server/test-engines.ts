// Test databases: PGlite in memory always, and the PostgreSQL server when
// TEST_DATABASE_URL is set (a fresh database per call, dropped by `close`).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDatabase, type Database } from "./db.ts";
import { migrateToLatest } from "./migrate.ts";

export type TestEngine = { name: "pglite" | "postgres"; freshMigratedDb(): Promise<TestDatabase> };
export type TestDatabase = { db: Database; close(): Promise<void> };

const pgliteEngine: TestEngine = {
  name: "pglite",
  async freshMigratedDb() {
    const db = await createDatabase({ kind: "pglite" });
    await migrateToLatest(db);
    return { db, close: () => db.destroy() };
  },
};

const postgresEngine = (adminUrl: string): TestEngine => ({
  name: "postgres",
  async freshMigratedDb() {
    const name = `tremplin_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const db = await createDatabase({ kind: "postgres", url: url.toString(), maxConnections: 4 });
    await migrateToLatest(db);
    return {
      db,
      async close() {
        await db.destroy();
        // pg's pool.end() resolves before its sockets are closed: let them close
        // before the forced drop, which would otherwise kill them mid-flight.
        await new Promise((resolve) => setTimeout(resolve, 100));
        const cleanup = new pg.Client({ connectionString: adminUrl });
        await cleanup.connect();
        await cleanup.query(`drop database if exists ${name} with (force)`);
        await cleanup.end();
      },
    };
  },
});

export const testEngines = (): TestEngine[] =>
  process.env.TEST_DATABASE_URL ? [pgliteEngine, postgresEngine(process.env.TEST_DATABASE_URL)] : [pgliteEngine];
