import assert from "node:assert/strict";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { gzipSync } from "node:zlib";
import { isDomainError } from "../server/errors.ts";
import { testEngines, type TestDatabase } from "../server/test-engines.ts";
import { importCommunes } from "./communes.import.ts";
import { tempDir } from "./geocoder.fixtures.ts";

const csv = [
  "code_insee,nom,type,departement,region,arrondissement,commune_parente,codes_postaux,population,siren",
  "75056,Paris,commune-actuelle,75,11,751,,75001 75002 75011,2103778,217500016",
  "75111,Paris 11e Arrondissement,arrondissement-municipal,75,11,751,75056,75011,139916,",
  "01015,Arbignieu,commune-deleguee,01,84,011,01015,,,",
  "01015,Arboys en Bugey,commune-actuelle,01,84,011,,01300,662,200084952",
].join("\n");

for (const engine of testEngines()) {
  describe(`communes import on ${engine.name}`, () => {
    let test: TestDatabase;
    const dir = tempDir();
    before(async () => { test = await engine.freshMigratedDb(); });
    after(async () => { rmSync(dir, { recursive: true, force: true }); await test.close(); });

    it("imports the official communes.json of @etalab/decoupage-administratif", async () => {
      const result = await importCommunes(test.db);
      assert.equal(result.millesime, "COG 2026");
      assert.ok(result.rows > 37_000);
      const paris11 = await test.db.selectFrom("communes").select(["nom", "name_norm", "commune_parente", "codes_postaux"]).where("code_insee", "=", "75111").executeTakeFirstOrThrow();
      assert.deepEqual(paris11, { nom: "Paris 11e Arrondissement", name_norm: "paris 11", commune_parente: "75056", codes_postaux: ["75011"] });
      const dataset = await test.db.selectFrom("reference_datasets").select(["millesime", "row_count"]).where("kind", "=", "communes").executeTakeFirstOrThrow();
      assert.deepEqual(dataset, { millesime: "COG 2026", row_count: result.rows });
    });

    it("replaces the table atomically from the CSV form (gz accepted)", async () => {
      const file = join(dir, "communes_cog_2026.csv.gz");
      writeFileSync(file, gzipSync(csv));
      const result = await importCommunes(test.db, file);
      assert.deepEqual(result, { rows: 4, millesime: "COG 2026" });
      const rows = await test.db.selectFrom("communes").select(["code_insee", "type", "commune_parente", "codes_postaux", "population"]).orderBy("code_insee").orderBy("type").execute();
      assert.equal(rows.length, 4);
      assert.deepEqual(rows[1], { code_insee: "01015", type: "commune-deleguee", commune_parente: "01015", codes_postaux: [], population: null });
    });

    it("refuses a bad file and keeps the previous table", async () => {
      const bad = join(dir, "bad.csv");
      writeFileSync(bad, `${csv}\nX7999,Nulle part,commune-actuelle,75,11,,,,,`);
      await assert.rejects(importCommunes(test.db, bad), (e) => isDomainError(e) && e.code === "communes.invalid_row" && e.params.line === 6 && e.params.column === "code_insee");
      const noColumns = join(dir, "no-columns.csv");
      writeFileSync(noColumns, "a,b\n1,2\n");
      await assert.rejects(importCommunes(test.db, noColumns), (e) => isDomainError(e) && e.code === "communes.unreadable_file");
      const json = join(dir, "broken.json");
      writeFileSync(json, "{ not json");
      await assert.rejects(importCommunes(test.db, json), (e) => isDomainError(e) && e.code === "communes.unreadable_file");
      const count = await test.db.selectFrom("communes").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
      assert.equal(Number(count.n), 4);
    });
  });
}
