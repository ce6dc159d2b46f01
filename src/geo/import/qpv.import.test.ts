import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, describe, it } from "node:test";
import { gzipSync } from "node:zlib";
import { testEngines, type TestDatabase } from "../../server/test-engines.ts";
import { importQpv } from "./qpv.import.ts";

const data = resolve(import.meta.dirname, "../../../data/qpv");
const QPV_2015 = join(data, "qpv_2015_france_wgs84.geojson.gz");
const QPV_2024 = join(data, "qpv_2024_france_wgs84.geojson.gz");
const rejectsWith = (promise: Promise<unknown>, code: string) => assert.rejects(promise, (e: { code?: string }) => e.code === code);

const square = [[[2.3, 48.8], [2.31, 48.8], [2.31, 48.81], [2.3, 48.8]]];
const collection = (...features: object[]) => JSON.stringify({ type: "FeatureCollection", features });
const feature = (properties: object, geometry: object = { type: "Polygon", coordinates: square }) => ({ type: "Feature", properties, geometry });

for (const engine of testEngines()) {
  describe(`QPV import on ${engine.name}`, () => {
    let test: TestDatabase;
    let dir: string;
    const write = (name: string, content: string | Buffer) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    };
    const count = async (millesime: 2015 | 2024) =>
      Number((await test.db.selectFrom("qpv_perimeters").select((eb) => eb.fn.countAll().as("n")).where("millesime", "=", millesime).executeTakeFirstOrThrow()).n);

    before(async () => {
      test = await engine.freshMigratedDb();
      dir = mkdtempSync(join(tmpdir(), "tremplin-qpv-"));
    });
    after(async () => {
      rmSync(dir, { recursive: true, force: true });
      await test.close();
    });

    it("imports the 2024 perimeters (gzipped, 2024 property form) with progress and the dataset row", async () => {
      const progress: number[] = [];
      const result = await importQpv(test.db, QPV_2024, { millesime: 2024, onProgress: (done) => progress.push(done) });
      assert.equal(result.rowCount, 1609);
      assert.deepEqual(result.emptyGeometries, ["QN09105I", "QN09113I", "QN09503I"]);
      assert.equal(await count(2024), 1609);
      assert.ok(progress.length > 10 && progress.at(-1) === 1609);
      const europe = await test.db.selectFrom("qpv_perimeters").selectAll().where("code", "=", "QN00201M").executeTakeFirstOrThrow();
      assert.deepEqual(europe.commune_codes, ["02571", "02691"]);
      assert.equal(europe.geometry[0]![0]![0]!.length, 2);
      const dataset = await test.db.selectFrom("reference_datasets").selectAll().where("kind", "=", "qpv").executeTakeFirstOrThrow();
      assert.deepEqual([dataset.scope, dataset.millesime, dataset.source, dataset.row_count], ["2024", "QPV 2024", "qpv_2024_france_wgs84.geojson.gz", 1609]);
    });

    it("imports the 2015 perimeters (2015 property form) next to the 2024 ones", async () => {
      assert.equal((await importQpv(test.db, QPV_2015, { millesime: 2015 })).rowCount, 1514);
      const paris = await test.db.selectFrom("qpv_perimeters").selectAll().where("code", "=", "QP075019").executeTakeFirstOrThrow();
      assert.equal(paris.commune_names, "Paris 20ème arrondissement");
      assert.equal(await count(2024), 1609);
    });

    it("replaces a millésime atomically and writes nothing when the file is bad", async () => {
      const small = write("small.geojson", collection(feature({ code_qp: "QN07501M", lib_qp: "Un" }), feature({ code_qp: "QN07502M", lib_qp: "Deux" })));
      assert.equal((await importQpv(test.db, small, { millesime: 2024 })).rowCount, 2);
      assert.equal(await count(2024), 2);
      // Feature 111 is bad: the first batch of 100 was already inserted inside the transaction.
      const many = Array.from({ length: 120 }, (_, i) => feature({ code_qp: `QN0${10 + Math.floor(i / 100)}${String(i % 100).padStart(2, "0")}M` }));
      many[110] = feature({ code_qp: "QN07599M" }, { type: "LineString", coordinates: [[2, 48], [3, 49]] });
      await rejectsWith(importQpv(test.db, write("bad-geometry.geojson", collection(...many)), { millesime: 2024 }), "geo.bad_geometry");
      await rejectsWith(importQpv(test.db, write("garbage.bin", Buffer.from([0x00, 0xff, 0x13, 0x37, 0x80])), { millesime: 2024 }), "geo.not_geojson");
      await rejectsWith(importQpv(test.db, write("empty.geojson", collection()), { millesime: 2024 }), "geo.no_features");
      await rejectsWith(importQpv(test.db, write("nocode.geojson.gz", gzipSync(collection(feature({ lib_qp: "X" })))), { millesime: 2024 }), "geo.missing_code");
      await rejectsWith(importQpv(test.db, QPV_2015, { millesime: 2024 }), "geo.bad_code");
      const twice = collection(feature({ code_qp: "QN07501M" }), feature({ code_qp: "QN07501M" }));
      await rejectsWith(importQpv(test.db, write("twice.geojson", twice), { millesime: 2024 }), "geo.duplicate_code");
      assert.equal(await count(2024), 2);
      assert.equal(await count(2015), 1514);
      const dataset = await test.db.selectFrom("reference_datasets").select(["source", "row_count"]).where("kind", "=", "qpv").where("scope", "=", "2024").executeTakeFirstOrThrow();
      assert.deepEqual(dataset, { source: "small.geojson", row_count: 2 });
    });
  });
}
