// `npm test`: every *.test.ts under src/ and tests/ with node:test.
// Integration tests run on PGlite, and also on PostgreSQL when TEST_DATABASE_URL is set.
import { spawnSync } from "node:child_process";
import { globSync } from "node:fs";

const files = globSync(["src/**/*.test.ts", "src/**/*.test.tsx", "tests/**/*.test.ts"]).sort();
const filter = process.argv.slice(2);
const selected = filter.length ? files.filter((file) => filter.some((part) => file.includes(part))) : files;
const result = spawnSync(process.execPath, ["--test", "--test-concurrency=2", ...selected], {
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "test" },
});
process.exit(result.status ?? 1);
