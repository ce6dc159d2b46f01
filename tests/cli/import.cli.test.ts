// `tremplin import …` as an operator runs it to load official files.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { packageRoot } from "../../src/reference-data/shipped.ts";
import { cliPath } from "./paris-fixtures.ts";

const dir = mkdtempSync(join(tmpdir(), "tremplin-import-"));
const env = { ...process.env, PGLITE_DIR: join(dir, "pglite"), DATABASE_URL: "", NODE_ENV: "test" };
const tremplin = (...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
  new Promise((resolve) => {
    execFile(process.execPath, [cliPath, ...args], { env, timeout: 600_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }));
  });

describe("tremplin import (CLI)", () => {
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("imports the official FRR list and reports what it loaded", async () => {
    const run = await tremplin("import", "frr", join(packageRoot, "data/rural/frr_communes_2025-07-10.csv.gz"));
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /Import frr terminé/);
  });

  it("refuses a QPV file without its millésime, and a file that is not GeoJSON, leaving the data in place", async () => {
    const noMillesime = await tremplin("import", "qpv", join(packageRoot, "data/qpv/qpv_2024_france_wgs84.geojson.gz"));
    assert.equal(noMillesime.code, 2);
    assert.match(noMillesime.stderr, /--millesime 2015 ou --millesime 2024/);

    const bad = join(dir, "pas-du-geojson.json");
    writeFileSync(bad, '{"type":"Feature"}');
    const refused = await tremplin("import", "qpv", bad, "--millesime", "2024");
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /^Erreur : /m);
  });

  it("says which kinds it can import", async () => {
    const run = await tremplin("import", "adresses");
    assert.equal(run.code, 2);
    assert.match(run.stderr, /qpv, zrr, frr, communes, ban/);
  });
});
