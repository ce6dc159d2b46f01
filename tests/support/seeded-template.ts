// A PGlite database migrated and loaded with the shipped reference data, made
// once per `npm test` run and copied by the tests that need a whole running
// Tremplin (loading the Paris BAN takes ~20 s; copying the folder, a second).
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { configFromEnv } from "../../src/server/config.ts";
import { openRuntime } from "../../src/server/runtime.ts";

/** Builds the template folder; returns its path. */
export const buildSeededTemplate = async (): Promise<string> => {
  const dir = mkdtempSync(join(tmpdir(), "tremplin-template-"));
  const dataDir = join(dir, "pglite");
  const runtime = await openRuntime(configFromEnv({ NODE_ENV: "test" }), { env: { PGLITE_DIR: dataDir } });
  await runtime.close();
  return dataDir;
};

/** A private copy of the template (TREMPLIN_TEST_TEMPLATE, made by scripts/test.ts), or a freshly seeded one. */
export const seededDataDir = async (): Promise<{ dataDir: string; remove(): void }> => {
  const template = process.env.TREMPLIN_TEST_TEMPLATE;
  const source = template && existsSync(template) ? template : await buildSeededTemplate();
  const dir = mkdtempSync(join(tmpdir(), "tremplin-db-"));
  const dataDir = join(dir, "pglite");
  cpSync(source, dataDir, { recursive: true });
  rmSync(join(dataDir, "tremplin.lock"), { force: true });
  return { dataDir, remove: () => rmSync(dir, { recursive: true, force: true }) };
};
