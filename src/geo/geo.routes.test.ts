import assert from "node:assert/strict";
import { resolve } from "node:path";
import { after, before, describe, it } from "node:test";
import type { GeocodeResult, Geocoder } from "../geocoder/geocoder.types.ts";
import { buildApp } from "../server/app.ts";
import { configFromEnv } from "../server/config.ts";
import { testEngines } from "../server/test-engines.ts";
import { registerGeoRoutes } from "./geo.routes.ts";
import { loadGeography } from "./geography.ts";
import { importQpv } from "./import/qpv.import.ts";

const QPV_2024 = resolve(import.meta.dirname, "../../data/qpv/qpv_2024_france_wgs84.geojson.gz");

// Real Paris BAN addresses (coordinates from data/ban): 124 m inside QN07517I; 3 m from the QN07519M boundary.
const PORTES_DU_20E = { lon: 2.410419, lat: 48.864033 };
const NOTRE_DAME = { lon: 2.3499, lat: 48.853 };

/** A geocoder answering a few known addresses (the real offline geocoder is tested in src/geocoder/). */
const fakeGeocoder = (answers: Record<string, GeocodeResult>): Geocoder => ({
  name: "offline",
  geocode: async (input) => answers[input.full ?? ""] ?? { ok: false, reason: "street_not_found", citycode: "75120" },
  geocodeMany: async (inputs) => Promise.all(inputs.map((input) => answers[input.full ?? ""] ?? { ok: false, reason: "street_not_found" })),
});
const match = (label: string, point: { lon: number; lat: number }, extra: Partial<GeocodeResult & { ok: true }> = {}): GeocodeResult => ({
  ok: true, label, score: 0.96, matchType: "housenumber", citycode: "75120", postcode: "75020", precisionM: 5, ...point, ...extra,
});

const banRow = (code_insee: string, code_postal: string, nom_voie: string, numero: number, lon: number, lat: number) => ({
  departement: code_insee.slice(0, 2), code_insee, code_postal, street_norm: nom_voie.toLowerCase(), nom_voie, numero, suffix: "", locality: "", lon, lat,
});

for (const engine of testEngines()) {
  describe(`geo routes on ${engine.name}`, () => {
    let app: Awaited<ReturnType<typeof buildApp>>;
    let close: () => Promise<void>;
    const get = async (url: string) => {
      const response = await app.inject({ method: "GET", url });
      return { status: response.statusCode, body: response.json() };
    };

    before(async () => {
      const test = await engine.freshMigratedDb();
      close = test.close;
      await importQpv(test.db, QPV_2024, { millesime: 2024 });
      await test.db
        .insertInto("ban_addresses")
        .values([
          banRow("75120", "75020", "Rue Jules Siegfried", 1, 2.410353, 48.860767),
          banRow("75104", "75004", "Parvis Notre-Dame - Place Jean-Paul II", 1, 2.3495, 48.8532),
          banRow("05001", "05460", "Route de Ristolas", 1, 6.9256, 44.7836),
        ])
        .execute();
      await test.db
        .insertInto("rural_communes")
        .values([
          { scheme: "frr", code_insee: "05001", class: "frr_socle", label: "FRR socle", classified: true },
          { scheme: "zrr", code_insee: "05001", class: "C", label: "Classée en ZRR", classified: true },
        ])
        .execute();
      await test.db
        .insertInto("ban_communes")
        .values({
          code_insee: "75104", departement: "75", nom: "Paris 4e Arrondissement", lon: 2.357, lat: 48.854, radius_m: 1200, address_count: 1,
          outline: JSON.stringify([[2.344, 48.846], [2.369, 48.846], [2.369, 48.863], [2.344, 48.863]]),
        })
        .execute();
      const commune = (code_insee: string, type: "commune-actuelle" | "arrondissement-municipal", nom: string, commune_parente: string | null) =>
        ({ code_insee, type, nom, name_norm: nom.toLowerCase(), departement: "75", commune_parente, codes_postaux: [] as string[] });
      await test.db
        .insertInto("communes")
        .values([commune("75056", "commune-actuelle", "Paris", null), commune("75104", "arrondissement-municipal", "Paris 4e Arrondissement", "75056")])
        .execute();
      const geography = await loadGeography(test.db);
      const geocoder = fakeGeocoder({
        "3 rue Jules Siegfried 75020 Paris": match("3 Rue Jules Siegfried 75020 Paris", PORTES_DU_20E),
        "rue des envierges paris": match("Rue des Envierges 75020 Paris", { lon: 2.379997, lat: 48.870411 } /* 80 m inside QN07519M */, { matchType: "street", precisionM: 120, score: 0.7 }),
        "Paris 4": match("Paris 4e Arrondissement", NOTRE_DAME, { matchType: "municipality", precisionM: 1200, citycode: "75104", postcode: "75004" }),
      });
      app = await buildApp({ db: test.db, config: { ...configFromEnv({ NODE_ENV: "test" }), webDist: "/nonexistent" } }, [
        (scope) => registerGeoRoutes(scope, { db: test.db, geography, geocoder }),
      ]);
    });
    after(async () => {
      await app.close();
      await close();
    });

    it("locates an address in a QPV, with certainty", async () => {
      const { status, body } = await get(`/api/v1/geo/locate?address=${encodeURIComponent("3 rue Jules Siegfried 75020 Paris")}&date=2025-03-01`);
      assert.equal(status, 200);
      assert.deepEqual(body.qpv, { code: "QN07517I", name: "Les Portes Du Vingtième", millesime: 2024 });
      assert.equal(body.geocoding.matchType, "housenumber");
      assert.deepEqual([body.uncertain, body.uncertaintyReasons, body.rural, body.date], [false, [], null, "2025-03-01"]);
      assert.deepEqual(body.geography, { qpv: 2024, rural: "frr" });
      assert.ok(body.qpvBoundaryDistanceM > 100 && body.qpvBoundaryDistanceM < 150);
    });

    it("flags imprecise and low-score matches, and municipality matches in a commune with a QPV", async () => {
      const street = await get(`/api/v1/geo/locate?address=${encodeURIComponent("rue des envierges paris")}`);
      assert.equal(street.body.uncertain, true);
      assert.ok(street.body.uncertaintyReasons.includes("low_score"));
      assert.ok(street.body.uncertaintyReasons.includes("imprecise_match"));
      const town = await get(`/api/v1/geo/locate?address=${encodeURIComponent("Paris 4")}`);
      // 2024 perimeters list Paris as a whole (75056): any arrondissement may hold a QPV.
      assert.deepEqual([town.body.qpv, town.body.uncertain, town.body.uncertaintyReasons], [null, true, ["imprecise_match"]]);
    });

    it("reports a geocoding failure with its French reason, as uncertain", async () => {
      const { status, body } = await get(`/api/v1/geo/locate?address=${encodeURIComponent("nulle part 75020")}`);
      assert.equal(status, 200);
      assert.deepEqual([body.geocoding, body.qpv, body.uncertain, body.failure.reason], [null, null, true, "street_not_found"]);
      assert.ok(body.failure.message.length > 0);
    });

    it("classifies raw coordinates without geocoding, the commune from the nearest address", async () => {
      const inQpv = await get(`/api/v1/geo/locate?lat=${PORTES_DU_20E.lat}&lon=${PORTES_DU_20E.lon}`);
      assert.deepEqual([inQpv.body.qpv.code, inQpv.body.geocoding, inQpv.body.rural], ["QN07517I", null, null]);
      const rural2025 = await get("/api/v1/geo/locate?lat=44.7838&lon=6.9258&date=2025-01-15");
      assert.deepEqual(rural2025.body.rural, { scheme: "frr", class: "frr_socle", label: "FRR socle" });
      const rural2023 = await get("/api/v1/geo/locate?lat=44.7838&lon=6.9258&date=2023-05-01");
      assert.deepEqual([rural2023.body.rural.scheme, rural2023.body.geography.qpv], ["zrr", 2015]);
      const farFromAddresses = await get("/api/v1/geo/locate?lat=44.80&lon=6.9258&date=2025-01-15"); // ≈ 1.8 km away
      assert.deepEqual([farFromAddresses.body.rural, farFromAddresses.body.qpv], [null, null]);
    });

    it("rejects a request with neither address nor coordinates, in French", async () => {
      const { status, body } = await get("/api/v1/geo/locate?lat=48.8");
      assert.equal(status, 400);
      assert.equal(body.code, "validation");
    });

    it("serves the perimeters of a bounding box", async () => {
      const { status, body } = await get("/api/v1/geo/perimeters?bbox=2.37,48.85,2.42,48.88&millesime=2024");
      assert.equal(status, 200);
      assert.ok(body.features.some((f: { properties: { code: string } }) => f.properties.code === "QN07517I"));
      assert.ok(body.features.every((f: { geometry: { type: string } }) => f.geometry.type === "MultiPolygon"));
      assert.equal((await get("/api/v1/geo/perimeters?bbox=2.42,48.85,2.37,48.88")).body.code, "geo.bad_bbox");
      assert.equal((await get("/api/v1/geo/perimeters?bbox=2.37,48.85,2.42,48.88&millesime=2015")).body.features.length, 0);
      assert.equal((await get("/api/v1/geo/perimeters?bbox=nope")).status, 400);
    });

    it("searches communes by name for place pickers, with a French 400 on a too short query", async () => {
      const { status, body } = await get("/api/v1/geo/communes?q=paris&limit=5");
      assert.equal(status, 200);
      assert.deepEqual(body.map((c: { code: string }) => c.code).sort(), ["75056", "75104"]);
      const short = await get("/api/v1/geo/communes?q=p");
      assert.equal(short.status, 400);
      assert.match(JSON.stringify(short.body), /au moins 2 caractères/);
    });

    it("serves a commune outline, or a French 404", async () => {
      const { status, body } = await get("/api/v1/geo/communes/75104/outline");
      assert.equal(status, 200);
      assert.deepEqual(body.properties, { code: "75104", name: "Paris 4e Arrondissement", approximate: true });
      assert.equal(body.geometry.coordinates[0].length, 5); // closed ring
      const missing = await get("/api/v1/geo/communes/75120/outline");
      assert.deepEqual([missing.status, missing.body.code], [404, "geo.outline_not_found"]);
      assert.equal((await get("/api/v1/geo/communes/abc/outline")).status, 400);
    });
  });
}
