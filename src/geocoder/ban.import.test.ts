import assert from "node:assert/strict";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { sql } from "kysely";
import { isDomainError } from "../server/errors.ts";
import { testEngines, type TestDatabase } from "../server/test-engines.ts";
import { findJob } from "../jobs/jobs.queries.ts";
import { importBan } from "./ban.import.ts";
import { parisBanLines, tempDir, writeBanFixture } from "./geocoder.fixtures.ts";

const count = async (test: TestDatabase, table: "ban_addresses" | "ban_streets" | "ban_communes" | "ban_import_staging") =>
  Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(test.db)).rows[0].n);

const rejects = async (promise: Promise<unknown>, code: string) =>
  assert.rejects(promise, (error) => isDomainError(error) && error.code === code);

for (const engine of testEngines()) {
  describe(`BAN import on ${engine.name}`, () => {
    let test: TestDatabase;
    const dir = tempDir();
    const rows = 5000;
    const fixture = writeBanFixture(dir, "ban_adresses-75_2024-06.csv.gz", rows);
    before(async () => { test = await engine.freshMigratedDb(); });
    after(async () => { rmSync(dir, { recursive: true, force: true }); await test.close(); });

    it("imports a BAN file: addresses, streets, communes with outline, dataset", async () => {
      const progress: number[] = [];
      const result = await importBan(test.db, fixture, { batchSize: 2000, onProgress: (done) => { progress.push(done); } });
      assert.equal(result.rows, rows);
      assert.deepEqual(result.departements, ["75"]);
      assert.equal(result.millesime, "BAN 2024-06");
      assert.deepEqual(progress, [2000, 4000, 5000]);
      assert.equal(await count(test, "ban_addresses"), rows);
      assert.equal(await count(test, "ban_import_staging"), 0);
      // Independent count: distinct (commune, postcode, street) in the fixture lines.
      const lines = parisBanLines().slice(1, rows + 1).map((l) => l.split(";"));
      const communes = new Set(lines.map((c) => c[6]));
      assert.equal(await count(test, "ban_communes"), communes.size);
      assert.ok((await count(test, "ban_streets")) > 100);
      const first = await test.db.selectFrom("ban_addresses").select(["numero", "suffix", "street_norm", "lon", "lat"])
        .where("code_insee", "=", "75101").where("nom_voie", "=", "Avenue du Général Lemonnier").where("numero", "=", 1).where("suffix", "=", "").executeTakeFirstOrThrow();
      assert.deepEqual(first, { numero: 1, suffix: "", street_norm: "avenue general lemonnier", lon: 2.330113, lat: 48.861299 });
      const commune = await test.db.selectFrom("ban_communes").select(["outline", "address_count", "radius_m"]).where("code_insee", "=", "75101").executeTakeFirstOrThrow();
      assert.equal(commune.address_count, lines.filter((c) => c[6] === "75101").length);
      assert.deepEqual(commune.outline[0], commune.outline.at(-1));
      assert.ok(commune.outline.length >= 4 && commune.radius_m > 100);
      const dataset = await test.db.selectFrom("reference_datasets").select(["millesime", "row_count"]).where("kind", "=", "ban").where("scope", "=", "75").executeTakeFirstOrThrow();
      assert.deepEqual(dataset, { millesime: "BAN 2024-06", row_count: rows });
      assert.equal((await findJob(test.db, result.jobId))?.status, "succeeded");
    });

    it("re-importing replaces the département (no duplicates)", async () => {
      const smaller = writeBanFixture(dir, "ban-75-smaller.csv", 1200);
      const result = await importBan(test.db, smaller, { millesime: "BAN test" });
      assert.equal(result.rows, 1200);
      assert.equal(await count(test, "ban_addresses"), 1200);
      await importBan(test.db, fixture);
      assert.equal(await count(test, "ban_addresses"), rows);
    });

    it("resumes a crashed import from its checkpoint", async () => {
      const crashing = writeBanFixture(dir, "ban-75-crash.csv.gz", rows);
      await assert.rejects(
        importBan(test.db, crashing, { batchSize: 1000, onProgress: (done) => { if (done >= 2000) throw new Error("simulated crash"); } }),
        /simulated crash/,
      );
      assert.equal(await count(test, "ban_import_staging"), 2000);
      assert.equal(await count(test, "ban_addresses"), rows, "the previous import is still in place");
      const seen: number[] = [];
      const resumed = await importBan(test.db, crashing, { batchSize: 1000, onProgress: (done) => { seen.push(done); } });
      assert.equal(resumed.resumedFromLine, 2001);
      assert.deepEqual(seen, [3000, 4000, 5000]);
      assert.equal(resumed.rows, rows);
      assert.equal(await count(test, "ban_addresses"), rows);
      assert.equal(await count(test, "ban_import_staging"), 0);
    });

    it("refuses files that are not BAN CSV, naming line and column, writing nothing", async () => {
      const header = parisBanLines()[0];
      const noLat = writeBanFixture(dir, "no-lat.csv", [header.replace(";lat;", ";latitude;"), ...parisBanLines().slice(1, 10)]);
      await assert.rejects(importBan(test.db, noLat), (e) => isDomainError(e) && e.code === "ban.not_a_ban_file" && e.params.column === "lat" && e.params.line === 1);
      const garbage = join(dir, "garbage.csv.gz");
      writeFileSync(garbage, Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 37) % 256))]));
      await rejects(importBan(test.db, garbage), "ban.not_a_ban_file");
      const binary = join(dir, "binary.csv");
      writeFileSync(binary, Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 91) % 256)));
      await rejects(importBan(test.db, binary), "ban.not_a_ban_file");
      const lines = parisBanLines().slice(0, 3001);
      lines[2500] = lines[2500].replace(/;2\.\d+;48\.\d+;/, ";abc;48.1;");
      const badRow = writeBanFixture(dir, "bad-row.csv", lines);
      await assert.rejects(importBan(test.db, badRow, { batchSize: 1000 }), (e) => isDomainError(e) && e.code === "ban.invalid_row" && e.params.line === 2501 && e.params.column === "lon");
      const empty = writeBanFixture(dir, "empty.csv", [header]);
      await rejects(importBan(test.db, empty), "ban.empty_file");
      assert.equal(await count(test, "ban_import_staging"), 0);
      assert.equal(await count(test, "ban_addresses"), rows, "the previous import is untouched");
    });
  });
}
