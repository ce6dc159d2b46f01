import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { AddressInput, GeocodeResult, Geocoder } from "./geocoder.types.ts";
import { createGeocoder, createGeoplateformeGeocoder, splitForLimits } from "./geoplateforme.ts";
import { startGeoplateformeFake, type FakeAddress, type FakeGeoplateforme } from "./geoplateforme.fake.ts";

const lyon: FakeAddress = { label: "1 Place Bellecour 69002 Lyon", lon: 4.832, lat: 45.757, type: "housenumber", score: 0.96, citycode: "69382", postcode: "69002", city: "Lyon" };
const lille: FakeAddress = { label: "Rue Nationale 59000 Lille", lon: 3.058, lat: 50.636, type: "street", score: 0.81, citycode: "59350", postcode: "59000", city: "Lille" };
const addresses = [lyon, lille];
const rows = (n: number): AddressInput[] => Array.from({ length: n }, (_, i) => (i % 3 === 0 ? { street: "1 PLACE BELLECOUR", postcode: "69002", city: "LYON" } : i % 3 === 1 ? { full: "rue nationale 59000 lille" } : { street: "10 rue inconnue", city: "Nulle" }));

describe("Géoplateforme adapter against the local fake", () => {
  let fake: FakeGeoplateforme;
  before(async () => { fake = await startGeoplateformeFake({ addresses, maxRows: 10, maxBytes: 4000, requestsPerSecond: 10 }); });
  after(() => fake.close());

  it("geocodes one address through /search", async () => {
    const geocoder = createGeoplateformeGeocoder({ baseUrl: fake.baseUrl, requestsPerSecond: 10 });
    const result = await geocoder.geocode({ street: "1 place Bellecour", postcode: "69002", city: "Lyon" });
    assert.deepEqual(result, { ok: true, label: lyon.label, score: 0.96, matchType: "housenumber", lon: 4.832, lat: 45.757, citycode: "69382", postcode: "69002", precisionM: 15 });
    assert.deepEqual(await geocoder.geocode({ street: "10 rue inconnue" }), { ok: false, reason: "street_not_found" });
  });

  it("batches through /search/csv/, split under the row and size limits, results in input order", async () => {
    const geocoder = createGeoplateformeGeocoder({ baseUrl: fake.baseUrl, requestsPerSecond: 10, maxRowsPerRequest: 10, maxBytesPerRequest: 4000 });
    const before = fake.requests.csv;
    const results = await geocoder.geocodeMany(rows(25));
    assert.equal(fake.requests.csv - before, 3);
    results.forEach((r, i) => {
      if (i % 3 === 0) assert.ok(r.ok && r.citycode === "69382" && r.matchType === "housenumber", JSON.stringify(r));
      else if (i % 3 === 1) assert.ok(r.ok && r.citycode === "59350" && r.matchType === "street" && r.score === 0.81);
      else assert.deepEqual(r, { ok: false, reason: "street_not_found" });
    });
    const parts = splitForLimits("h", Array.from({ length: 50 }, () => "x".repeat(100)), 1000, 1024 + 1 + 1000);
    assert.ok(parts.length >= 5 && parts.every((p) => p.length <= 10));
  });

  it("the fake enforces the documented limits: too many rows is refused", async () => {
    const greedy = createGeoplateformeGeocoder({ baseUrl: fake.baseUrl, requestsPerSecond: 10, maxRowsPerRequest: 1000, retries: 0 });
    const results = await greedy.geocodeMany(rows(11));
    assert.ok(results.every((r) => !r.ok && r.reason === "remote_error"));
  });

  it("throttles to the allowed rate, and survives 429s from a faster client", async () => {
    const polite = createGeoplateformeGeocoder({ baseUrl: fake.baseUrl, requestsPerSecond: 8 });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const refused = fake.requests.refused;
    const started = Date.now();
    const results = await Promise.all(Array.from({ length: 12 }, () => polite.geocode({ full: "1 place bellecour 69002 lyon" })));
    assert.ok(results.every((r) => r.ok));
    assert.equal(fake.requests.refused, refused, "no 429 at 8 requests/s");
    assert.ok(Date.now() - started >= 1000);
    const rude = createGeoplateformeGeocoder({ baseUrl: fake.baseUrl, requestsPerSecond: 1000 });
    const burst = await Promise.all(Array.from({ length: 15 }, () => rude.geocode({ full: "1 place bellecour 69002 lyon" })));
    assert.ok(fake.requests.refused > refused, "the fake answered 429");
    assert.ok(burst.every((r) => r.ok), "retried after Retry-After");
  });

  it("reports an unreachable service as remote_error", async () => {
    const down = createGeoplateformeGeocoder({ baseUrl: "http://127.0.0.1:9", retries: 0 });
    assert.deepEqual(await down.geocode({ full: "1 place bellecour 69002 lyon" }), { ok: false, reason: "remote_error" });
  });

  it("combined: offline first, only communes not imported go to the national geocoder", async () => {
    const offlineAnswers: GeocodeResult[] = [
      { ok: true, label: "8 Rue de la Roquette 75011 Paris", score: 0.97, matchType: "housenumber", lon: 2.370625, lat: 48.853485, citycode: "75111", postcode: "75011", precisionM: 10 },
      { ok: false, reason: "commune_not_covered", citycode: "69382" },
      { ok: false, reason: "street_not_found", citycode: "75111" },
      { ok: false, reason: "commune_not_found" },
      { ok: false, reason: "commune_not_covered", citycode: "59350" },
    ];
    const offline: Geocoder = { name: "offline", geocode: async () => offlineAnswers[0], geocodeMany: async (inputs) => inputs.map((_, i) => offlineAnswers[i]) };
    const inputs: AddressInput[] = [
      { full: "8 rue de la roquette 75011 paris" }, { full: "1 place bellecour 69002 lyon" }, { full: "rue x 75011 paris" },
      { full: "rue totalement inconnue 99999" }, { full: "rue nationale 59000 lille" },
    ];
    const seen: AddressInput[][] = [];
    const remote = createGeoplateformeGeocoder({ baseUrl: fake.baseUrl, requestsPerSecond: 10 });
    const spy: Geocoder = { ...remote, geocodeMany: (batch) => { seen.push(batch); return remote.geocodeMany(batch); } };
    const combined = createGeocoder({ offline, remote: spy });
    assert.equal(combined.name, "offline+geoplateforme");
    const results = await combined.geocodeMany(inputs);
    assert.deepEqual(seen, [[inputs[1], inputs[3], inputs[4]]]);
    assert.equal(results[0], offlineAnswers[0]);
    assert.ok(results[1].ok && results[1].citycode === "69382");
    assert.deepEqual(results[2], offlineAnswers[2]);
    assert.deepEqual(results[3], { ok: false, reason: "commune_not_found" }, "remote not-found keeps the offline reason");
    assert.ok(results[4].ok && results[4].citycode === "59350");
    assert.equal(createGeocoder({ offline, remote: null }), offline);
  });
});
