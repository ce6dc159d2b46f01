// `npm test`: every *.test.ts under src/ and tests/ with node:test.
// Integration tests run on PGlite, and also on PostgreSQL when TEST_DATABASE_URL is set.
// Tests that need a whole running Tremplin share one seeded database template, made here once.
import { spawnSync } from "node:child_process";
import { globSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import { buildSeededTemplate } from "../tests/support/seeded-template.ts";

const files = globSync(["src/**/*.test.ts", "src/**/*.test.tsx", "tests/**/*.test.ts"]).sort();
const filter = process.argv.slice(2);
const selected = filter.length ? files.filter((file) => filter.some((part) => file.includes(part))) : files;

const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "test" };
let template: string | null = null;
if (selected.some((file) => file.startsWith("tests/browser/")) && !env.TREMPLIN_TEST_TEMPLATE) {
  process.stdout.write("Préparation d'une base de test chargée des données de référence…\n");
  template = await buildSeededTemplate();
  env.TREMPLIN_TEST_TEMPLATE = template;
}
const result = spawnSync(process.execPath, ["--test", "--test-concurrency=2", ...selected], { stdio: "inherit", env });
if (template) rmSync(dirname(template), { recursive: true, force: true });
process.exit(result.status ?? 1);
