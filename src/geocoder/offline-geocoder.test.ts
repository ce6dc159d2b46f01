// Integration: the whole Paris BAN imported on each engine; expected points were
// read in the BAN file itself (zcat data/ban/…csv.gz | grep ";8;;Rue de la Roquette;").
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { testEngines, type TestDatabase } from "../server/test-engines.ts";
import { addRealisticNoise, seededRng } from "./address-noise.ts";
import { importBan } from "./ban.import.ts";
import { haversineM } from "./commune-outline.domain.ts";
import { importCommunes } from "./communes.import.ts";
import { parisBanFile, parisBanLines } from "./geocoder.fixtures.ts";
import type { GeocodeResult } from "./geocoder.types.ts";
import { createOfflineGeocoder, type OfflineGeocoder } from "./offline-geocoder.ts";

const near = (result: GeocodeResult, lon: number, lat: number, metres = 1) => {
  assert.ok(result.ok, JSON.stringify(result));
  const d = haversineM(result.lon, result.lat, lon, lat);
  assert.ok(d <= metres, `${d.toFixed(1)} m from the expected point (${JSON.stringify(result)})`);
  return result;
};

for (const engine of testEngines()) {
  describe(`offline geocoder on ${engine.name}`, () => {
    let test: TestDatabase;
    let geocoder: OfflineGeocoder;
    before(async () => {
      test = await engine.freshMigratedDb();
      await importCommunes(test.db);
      await importBan(test.db, parisBanFile);
      geocoder = createOfflineGeocoder(test.db);
    });
    after(() => test.close());

    it("finds house numbers exactly, from parts or one line", async () => {
      const belleville = near(await geocoder.geocode({ street: "12 BD DE BELLEVILLE", postcode: "75020", city: "PARIS" }), 2.382999, 48.867552);
      assert.deepEqual([belleville.ok && belleville.matchType, belleville.ok && belleville.citycode, belleville.ok && belleville.postcode], ["housenumber", "75120", "75020"]);
      assert.ok(belleville.ok && belleville.score >= 0.95);
      assert.equal(belleville.ok && belleville.label, "12 Boulevard de Belleville 75020 Paris");
      near(await geocoder.geocode({ full: "8 rue de la Roquette 75011 Paris" }), 2.370625, 48.853485);
      near(await geocoder.geocode({ street: "55 RUE DU FBG ST HONORE", postcode: "75008", city: "PARIS" }), 2.316931, 48.87063);
      near(await geocoder.geocode({ street: "1 r. du Bac, Bât B", complement: "3ème étage", postcode: "75007", city: "PARIS CEDEX 07" }), 2.329263, 48.859349);
    });

    it("tells bis from the plain number", async () => {
      near(await geocoder.geocode({ street: "12 bis rue Volney", postcode: "75002", city: "Paris" }), 2.330176, 48.869532);
      near(await geocoder.geocode({ street: "12B RUE VOLNEY", postcode: "75002", city: "Paris" }), 2.330176, 48.869532);
      near(await geocoder.geocode({ street: "12 rue Volney", postcode: "75002", city: "Paris" }), 2.330145, 48.869501);
    });

    it("resolves arrondissements from the city alone, cedex postcodes and typos", async () => {
      near(await geocoder.geocode({ street: "250 rue de vaugirard", city: "paris" }), 2.302345, 48.84002);
      const typo = near(await geocoder.geocode({ street: "8 r de la Roqette", city: "Paris 11e" }), 2.370625, 48.853485);
      assert.ok(typo.ok && typo.score < 0.95 && typo.score >= 0.8, `typo score ${typo.ok && typo.score}`);
      near(await geocoder.geocode({ full: "8 rue de la Roquette, 75543 PARIS CEDEX 11" }), 2.370625, 48.853485);
    });

    it("uses the nearest numbers of the same side when the number is unknown", async () => {
      // 46 (2.358568, 48.857644) and 50 (2.358382, 48.857722) exist, 48 does not.
      const result = near(await geocoder.geocode({ street: "48 rue des Rosiers", postcode: "75004", city: "Paris" }), 2.358475, 48.857683, 5);
      assert.ok(result.ok && result.matchType === "street" && result.score < 0.8 && result.precisionM >= 20);
      const street = await geocoder.geocode({ street: "rue des Rosiers", postcode: "75004", city: "Paris" });
      assert.ok(street.ok && street.matchType === "street" && street.precisionM > 50);
    });

    it("falls back to the commune, or says why it failed", async () => {
      const unknown = await geocoder.geocode({ street: "12 rue inexistante du machin", postcode: "75011", city: "Paris" });
      assert.ok(unknown.ok && unknown.matchType === "municipality" && unknown.citycode === "75111" && unknown.score <= 0.5);
      const strict = createOfflineGeocoder(test.db, { failOnUnknownStreet: true });
      assert.deepEqual(await strict.geocode({ street: "12 rue inexistante du machin", postcode: "75011" }), { ok: false, reason: "street_not_found", citycode: "75111" });
      const onlyPostcode = await geocoder.geocode({ postcode: "75013" });
      assert.ok(onlyPostcode.ok && onlyPostcode.matchType === "municipality" && onlyPostcode.citycode === "75113");
      assert.deepEqual(await geocoder.geocode({ street: "1 rue de la République", postcode: "69001", city: "Lyon" }), { ok: false, reason: "commune_not_covered", citycode: "69381" });
      assert.equal((await geocoder.geocode({ street: "1 rue x", postcode: "99999" })).ok, false);
      assert.deepEqual(await geocoder.geocode({ street: " , ", city: "" }), { ok: false, reason: "empty_address" });
    });

    it("asks pg_trgm only for the rare case the memory cannot answer, and caches it", async () => {
      const before = geocoder.cacheStats().sqlFallbacks;
      const input = { street: "8 rue de la Roquette", postcode: "75999" };
      near(await geocoder.geocode(input), 2.370625, 48.853485);
      near(await geocoder.geocode(input), 2.370625, 48.853485);
      assert.equal(geocoder.cacheStats().sqlFallbacks, before + 1);
    });

    it("geocodes noisy real addresses, loading each arrondissement once", async () => {
      const lines = parisBanLines();
      const rng = seededRng(2026);
      const truth = Array.from({ length: 3000 }, () => lines[1 + Math.floor(rng() * (lines.length - 1))].split(";"));
      const inputs = truth.map((c) => addRealisticNoise({ numero: c[2], rep: c[3], nom_voie: c[4], code_postal: c[5], nom_commune: c[7] }, rng));
      const fresh = createOfflineGeocoder(test.db);
      const results = await fresh.geocodeMany(inputs);
      const within = results.filter((r, i) => r.ok && haversineM(r.lon, r.lat, Number(truth[i][12]), Number(truth[i][13])) < 50).length;
      assert.ok(within / inputs.length >= 0.98, `within 50 m: ${within / inputs.length}`);
      const stats = fresh.cacheStats();
      assert.ok(stats.loads <= 20, `loads ${stats.loads}`);
      assert.ok(stats.sqlFallbacks < inputs.length * 0.01, `sql fallbacks ${stats.sqlFallbacks}`);
    });

    it("bounds the address cache", async () => {
      const small = createOfflineGeocoder(test.db, { maxCachedAddresses: 10_000 });
      for (const postcode of ["75001", "75002", "75003", "75004", "75011"]) await small.geocode({ street: "1 rue x", postcode });
      const stats = small.cacheStats();
      assert.ok(stats.evictions > 0 && stats.addresses <= 10_000, JSON.stringify(stats));
      near(await small.geocode({ street: "12 rue Volney", postcode: "75002" }), 2.330145, 48.869501);
    });

    it("reverse-geocodes a point to the nearest address", async () => {
      const result = await geocoder.reverse(2.370625, 48.853485);
      assert.ok(result && result.citycode === "75111" && result.precisionM <= 5 && /Roquette 75011 Paris$/.test(result.label), JSON.stringify(result));
      assert.equal(await geocoder.reverse(-3.5, 47.0), null);
    });
  });
}
