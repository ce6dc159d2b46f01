import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { buildTestApp, type TestApp } from "../accounts/test-app.ts";
import { shippedDatasets } from "../reference-data/shipped.ts";
import { testEngines } from "../server/test-engines.ts";
import { readRomeSearch } from "./rome.domain.ts";
import { importRome } from "./rome.import.ts";
import { registerRomeRoutes } from "./rome.routes.ts";

const romeDir = shippedDatasets().find((d) => d.kind === "rome")!.path;

describe("ROME search text", () => {
  it("folds accents and case, recognises a fiche code", () => {
    assert.deepEqual(readRomeSearch("  Boulangère "), { kind: "text", folded: "boulangere", words: ["boulangere"] });
    assert.deepEqual(readRomeSearch("d1102"), { kind: "fiche", code: "D1102" });
    assert.deepEqual(readRomeSearch("  "), { kind: "empty" });
  });
});

for (const engine of testEngines()) {
  describe(`ROME 4.0 reference on ${engine.name}`, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(engine, (deps) => [(app) => registerRomeRoutes(app, { db: deps.db })]);
      const result = await importRome(t.db, romeDir);
      assert.equal(result.appellations, 13120);
      assert.equal(result.fiches, 1584);
      assert.equal(result.competences, 18317);
      assert.equal(result.millesime, "ROME 4.0 v460");
    });
    after(() => t.close());

    const search = async (path: string) => {
      const response = await t.app.inject({ method: "GET", url: path });
      assert.equal(response.statusCode, 200, response.body);
      return response.json() as { code: string; label: string; romeCode?: string }[];
    };

    it("finds appellations by a prefix, whatever the accents and case, best match first", async () => {
      const results = await search("/api/v1/rome/appellations?q=boulang");
      assert.equal(results[0].label, "Boulanger / Boulangère");
      assert.equal(results[0].romeCode, "D1102");
      assert.ok(results.some((r) => r.label.startsWith("Aide-boulanger")));
      assert.equal((await search("/api/v1/rome/appellations?q=BOULANGÈRE"))[0].label, "Boulanger / Boulangère");
      const twoWords = await search("/api/v1/rome/appellations?q=aide%20boul");
      assert.equal(twoWords[0].label, "Aide-boulanger / Aide-boulangère");
    });

    it("tolerates a typo, lists a fiche by its code, and answers one appellation", async () => {
      assert.ok((await search("/api/v1/rome/appellations?q=boulanjer")).some((r) => r.label === "Boulanger / Boulangère"));
      const fiche = await search("/api/v1/rome/appellations?q=D1102&limit=50");
      assert.ok(fiche.length > 5 && fiche.every((r) => r.romeCode === "D1102"));
      const one = await t.app.inject({ method: "GET", url: "/api/v1/rome/appellations/11573" });
      assert.equal(one.json().label, "Boulanger / Boulangère");
      const missing = await t.app.inject({ method: "GET", url: "/api/v1/rome/appellations/999999999" });
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.json().message, "Appellation ROME introuvable.");
    });

    it("finds compétences", async () => {
      const results = await search("/api/v1/rome/competences?q=caisse");
      assert.ok(results.length > 0);
      assert.ok(results.every((r) => /caisse/i.test(r.label)), JSON.stringify(results.slice(0, 3)));
    });

    it("rejects bad input with French messages", async () => {
      const response = await t.app.inject({ method: "GET", url: "/api/v1/rome/appellations?q=x&limit=500" });
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /50 résultats au plus/);
    });

    it("re-imports idempotently and refuses a broken export without writing anything", async () => {
      await importRome(t.db, romeDir);
      const count = await t.db.selectFrom("rome_appellations").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
      assert.equal(Number(count.n), 13120);
      const dir = mkdtempSync(join(tmpdir(), "rome-"));
      writeFileSync(join(dir, "unix_referentiel_code_rome_v999_utf8.csv"), '"code_rome","libelle_rome","code_rome_parent"\n"ZZ","Faux","ZZ"\n');
      writeFileSync(join(dir, "unix_referentiel_appellation_v999_utf8.csv"), '"code_ogr","libelle_appellation_long","libelle_appellation_court","code_rome"\n');
      writeFileSync(join(dir, "unix_referentiel_competence_v999_utf8.csv"), '"code_ogr","nature","libelle_competence"\n');
      await assert.rejects(importRome(t.db, dir), (error: Error & { code?: string }) => error.code === "rome.invalid_row");
      const dataset = await t.db.selectFrom("reference_datasets").select("millesime").where("kind", "=", "rome").executeTakeFirstOrThrow();
      assert.equal(dataset.millesime, "ROME 4.0 v460");
      await assert.rejects(importRome(t.db, tmpdir() + "/nope-rome"), (error: Error & { code?: string }) => error.code === "rome.missing_file");
    });
  });
}
