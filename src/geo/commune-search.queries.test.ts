// Commune search on the full COG (communes.json of @etalab/decoupage-administratif), on both engines.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { importCommunes } from "../geocoder/communes.import.ts";
import type { Database } from "../server/db.ts";
import { testEngines } from "../server/test-engines.ts";
import { searchCommunes } from "./commune-search.queries.ts";

for (const engine of testEngines()) {
  describe(`commune search on ${engine.name}`, () => {
    let db: Database;
    let close: () => Promise<void>;
    before(async () => {
      const test = await engine.freshMigratedDb();
      ({ db, close } = test);
      await importCommunes(db);
    });
    after(() => close());

    const codes = async (q: string, limit = 5) => (await searchCommunes(db, q, limit)).map((c) => c.code);

    it("finds a commune by the start of its name, accents and case ignored, biggest first", async () => {
      const hits = await searchCommunes(db, "saint-denis", 3);
      assert.deepEqual(hits.slice(0, 2).map((h) => [h.code, h.nom]), [["97411", "Saint-Denis"], ["93066", "Saint-Denis"]], "La Réunion's, then Seine-Saint-Denis's");
      assert.deepEqual((await codes("ÉVRY COURCOURONNES", 1)), ["91228"]);
    });

    it("tolerates a typo through trigram similarity", async () => {
      assert.ok((await codes("Villeurbane", 3)).includes("69266"));
    });

    it("finds arrondissements first by postcode, then the city", async () => {
      const hits = await searchCommunes(db, "75011", 5);
      assert.equal(hits[0]!.code, "75111");
      assert.equal(hits[0]!.arrondissement, true);
      assert.ok(hits.some((h) => h.code === "75056"), "Paris itself also has that postcode");
      assert.deepEqual(await codes("35000", 1), ["35238"]);
    });

    it("searches postcode prefixes, and leaves delegated communes out", async () => {
      const hits = await searchCommunes(db, "974", 20);
      assert.ok(hits.length > 0 && hits.every((h) => h.departement === "974"));
      const types = await db.selectFrom("communes").select("type").where("code_insee", "in", (await searchCommunes(db, "saint", 20)).map((h) => h.code)).execute();
      assert.ok(types.every((t) => t.type === "commune-actuelle" || t.type === "arrondissement-municipal"));
    });

    it("returns nothing for a one-letter name and escapes LIKE wildcards", async () => {
      assert.deepEqual(await searchCommunes(db, "a", 5), []);
      assert.deepEqual(await searchCommunes(db, "%%", 5), []);
    });
  });
}
