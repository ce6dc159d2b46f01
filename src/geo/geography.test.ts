import assert from "node:assert/strict";
import { resolve } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Database } from "../server/db.ts";
import { testEngines, type TestDatabase } from "../server/test-engines.ts";
import { loadGeography, perimetersInBbox } from "./geography.ts";
import type { Geography } from "./geography.types.ts";
import { importQpv } from "./import/qpv.import.ts";
import { importFrr, importZrr } from "./import/rural.import.ts";

const data = resolve(import.meta.dirname, "../../data");

/** The few communes the tests need (the communes importer belongs to another capability). */
const insertTestCommunes = async (db: Database) => {
  const row = (code_insee: string, type: "commune-actuelle" | "commune-deleguee" | "arrondissement-municipal", nom: string, departement: string, commune_parente: string | null) =>
    ({ code_insee, type, nom, name_norm: nom.toLowerCase(), departement, commune_parente, codes_postaux: [] as string[] });
  await db
    .insertInto("communes")
    .values([
      row("75056", "commune-actuelle", "Paris", "75", null),
      ...Array.from({ length: 20 }, (_, i) =>
        row(`751${String(i + 1).padStart(2, "0")}`, "arrondissement-municipal", `Paris ${i + 1}${i === 0 ? "er" : "e"} Arrondissement`, "75", "75056"),
      ),
      // Conques-en-Rouergue: its code in COG 2026 (12218) is not in the ZRR list (COG 2021).
      row("12218", "commune-actuelle", "Conques-en-Rouergue", "12", null),
      row("12076", "commune-deleguee", "Conques", "12", "12218"),
      row("12114", "commune-deleguee", "Grand-Vabre", "12", "12218"),
      row("12218", "commune-deleguee", "Saint-Cyprien-sur-Dourdou", "12", "12218"),
      row("05001", "commune-actuelle", "Abriès-Ristolas", "05", null),
      row("05061", "commune-actuelle", "Gap", "05", null),
    ])
    .execute();
};

const importTestGeography = async (db: Database) => {
  await importQpv(db, resolve(data, "qpv/qpv_2024_france_wgs84.geojson.gz"), { millesime: 2024 });
  await importQpv(db, resolve(data, "qpv/qpv_2015_france_wgs84.geojson.gz"), { millesime: 2015 });
  await importZrr(db, resolve(data, "rural/zrr_communes_cog2021_anct.csv.gz"));
  await importFrr(db, resolve(data, "rural/frr_communes_2025-07-10.csv.gz"));
  await insertTestCommunes(db);
};

// Real Paris BAN points: one 124 m inside QN07517I / QP075019 (20e), Notre-Dame far from any QPV.
const PORTES_DU_20E = [2.410419, 48.864033] as const;
const NOTRE_DAME = [2.3499, 48.853] as const;

for (const engine of testEngines()) {
  describe(`geography on ${engine.name}`, () => {
    let test: TestDatabase;
    let geography: Geography;
    before(async () => {
      test = await engine.freshMigratedDb();
      const empty = await loadGeography(test.db);
      assert.equal(empty.qpvAt(...PORTES_DU_20E, 2024), null);
      assert.equal(empty.datasets.frr, null);
      await importTestGeography(test.db);
      geography = await loadGeography(test.db);
    });
    after(() => test.close());

    it("finds the QPV of each millésime and the geography in force at a date", () => {
      assert.deepEqual(geography.qpvAt(...PORTES_DU_20E, 2024), { code: "QN07517I", name: "Les Portes Du Vingtième", millesime: 2024 });
      assert.equal(geography.qpvAt(...PORTES_DU_20E, 2015)?.code, "QP075019");
      const before2024 = geography.classify(...PORTES_DU_20E, "75120", new Date("2023-12-31"));
      assert.deepEqual(before2024.geography, { qpv: 2015, rural: "zrr" });
      assert.equal(before2024.qpv?.code, "QP075019");
      const summer2024 = geography.classify(...PORTES_DU_20E, "75120", new Date("2024-06-30"));
      assert.deepEqual(summer2024.geography, { qpv: 2024, rural: "zrr" });
      assert.equal(summer2024.qpv?.code, "QN07517I");
      assert.ok(summer2024.qpvBoundaryDistanceM! > 100 && summer2024.qpvBoundaryDistanceM! < 150);
      const outside = geography.classify(...NOTRE_DAME, "75104", new Date("2025-01-01"));
      assert.deepEqual([outside.qpv, outside.rural, outside.qpvBoundaryDistanceM], [null, null, null]);
      assert.deepEqual(outside.geography, { qpv: 2024, rural: "frr" });
    });

    it("gives rural classes by INSEE code with COG fallbacks", () => {
      assert.deepEqual(geography.ruralClass("05001", "zrr"), { scheme: "zrr", class: "C", label: "Classée en ZRR" });
      assert.deepEqual(geography.ruralClass("05001", "frr"), { scheme: "frr", class: "frr_socle", label: "FRR socle" });
      assert.equal(geography.ruralClass("75113", "frr"), null);
      assert.equal(geography.ruralClass("01001", "zrr"), null); // listed, not classified
      assert.equal(geography.ruralClass("12218", "zrr")?.class, "C"); // from its former commune Conques (12076)
      assert.equal(geography.ruralClass("12076", "frr")?.class, "frr_socle"); // former commune → Conques-en-Rouergue
      assert.equal(geography.classify(6.9, 44.8, "05001", new Date("2024-07-01")).rural?.class, "frr_socle");
    });

    it("knows which communes have a QPV", () => {
      assert.equal(geography.communeHasQpv("75056", 2024), true);
      assert.equal(geography.communeHasQpv("75101", 2024), true); // Paris as a whole (2024 lists the city code)
      assert.equal(geography.communeHasQpv("02571", 2024), true); // Omissy, listed with Saint-Quentin
      assert.equal(geography.communeHasQpv("05001", 2024), false);
      assert.equal(geography.communeHasQpv("75113", 2015), true);
      assert.equal(geography.communeHasQpv("75101", 2015), false); // names of the 2015 file are arrondissements
      assert.equal(geography.communeHasQpv("93066", 2015), true); // commune names of 93 unknown here: maybe
      assert.equal(geography.communeHasQpv("05061", 2015), true); // "Gap", matched by name
      assert.equal(geography.communeHasQpv("05001", 2015), false); // every 2015 name of the 05 matched, not this one
    });

    it("cites its datasets", () => {
      assert.equal(geography.datasets.qpv[2024]?.rowCount, 1609);
      assert.equal(geography.datasets.qpv[2015]?.millesime, "QPV 2015");
      assert.equal(geography.datasets.zrr?.millesime, "ZRR 2017-2018 (COG 2021)");
      assert.equal(geography.datasets.frr?.source, "frr_communes_2025-07-10.csv.gz");
    });

    it("lists the perimeters in a bounding box for the map", async () => {
      const paris = await perimetersInBbox(test.db, [2.224, 48.815, 2.47, 48.903], 2024, 500);
      const codes = paris.features.map((f) => f.properties.code);
      assert.equal(codes.filter((code) => code.startsWith("QN075")).length, 21);
      assert.ok(codes.includes("QN09328M"));
      assert.deepEqual(codes, [...codes].sort());
      assert.equal(paris.features[0]!.geometry.type, "MultiPolygon");
      assert.equal((await perimetersInBbox(test.db, [2.224, 48.815, 2.47, 48.903], 2024, 3)).features.length, 3);
      assert.equal((await perimetersInBbox(test.db, [-1, -1, 1, 1], 2024, 10)).features.length, 0); // empty geometries skipped
      assert.equal((await perimetersInBbox(test.db, [2.224, 48.815, 2.47, 48.903], 2015, 500)).features.filter((f) => f.properties.code.startsWith("QP075")).length, 20);
    });
  });
}
