import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { streamGeoJsonFeatures } from "./geojson-stream.ts";
import { normaliseQpvFeature } from "./qpv-feature.ts";

async function* inChunks(text: string, size: number) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}
const collect = async (text: string, size = 7) => {
  const values: unknown[] = [];
  for await (const { value } of streamGeoJsonFeatures(inChunks(text, size))) values.push(value);
  return values;
};
const rejectsWith = (promise: Promise<unknown>, code: string) => assert.rejects(promise, (e: { code?: string }) => e.code === code);

const square = [[[2.3, 48.8], [2.31, 48.8], [2.31, 48.81], [2.3, 48.8]]];
const feature = (properties: object, geometry: object = { type: "Polygon", coordinates: square }) => ({ type: "Feature", properties, geometry });

describe("GeoJSON feature splitter", () => {
  it("splits features across arbitrary chunk boundaries, strings with braces and escapes included", async () => {
    const doc = {
      name: "a \"quoted\" {name} [x]",
      crs: { type: "name", properties: { name: "EPSG:4326" } },
      features: [feature({ code_qp: "QN07501M", lib_qp: "Brace } \\ \" ]" }), feature({ code_qp: "QN07502M", lib_qp: "B" })],
      type: "FeatureCollection",
    };
    for (const size of [1, 3, 7, 1000]) {
      const values = (await collect(JSON.stringify(doc, null, size === 3 ? 2 : 0), size)) as { properties: { lib_qp: string } }[];
      assert.equal(values.length, 2);
      assert.equal(values[0]!.properties.lib_qp, "Brace } \\ \" ]");
    }
  });

  it("rejects what is not a FeatureCollection, and empty collections", async () => {
    await rejectsWith(collect("\u0000\u00ff garbage"), "geo.not_geojson");
    await rejectsWith(collect(""), "geo.not_geojson");
    await rejectsWith(collect(JSON.stringify({ type: "Feature", features: [feature({})] })), "geo.not_geojson");
    await rejectsWith(collect('{"type":"FeatureCollection","features":[{"type":"Feature"'), "geo.not_geojson");
    await rejectsWith(collect('{"type":"FeatureCollection","features":[]}'), "geo.no_features");
    await rejectsWith(collect('{"type":"FeatureCollection"}'), "geo.no_features");
    await rejectsWith(collect('{"type":"FeatureCollection","features":[12]}'), "geo.bad_feature");
  });
});

describe("QPV feature normalisation", () => {
  it("reads the 2015 and 2024 property forms and turns polygons into multipolygons", () => {
    const old = normaliseQpvFeature(feature({ CODE_QP: "QP075019", NOM_QP: "Portes du 20e", COMMUNE_QP: "Paris 20ème arrondissement" }), 1, 2015);
    assert.deepEqual([old.code, old.name, old.communeNames, old.communeCodes], ["QP075019", "Portes du 20e", "Paris 20ème arrondissement", []]);
    assert.equal(old.coordinates.length, 1);
    const recent = normaliseQpvFeature(
      feature({ code_qp: "QN00201M", lib_qp: "Europe", insee_com: "02571, 02691", lib_com: "Omissy, Saint-Quentin" }, { type: "MultiPolygon", coordinates: [square] }),
      1,
      2024,
    );
    assert.deepEqual(recent.communeCodes, ["02571", "02691"]);
    assert.deepEqual(recent.bbox, [2.3, 48.8, 2.31, 48.81]);
    assert.equal(normaliseQpvFeature(feature({ code_qp: "QN02A01M" }), 1, 2024).code, "QN02A01M");
  });

  it("closes unclosed rings and keeps empty multipolygons (no point inside)", () => {
    const open = normaliseQpvFeature(feature({ code_qp: "QN07501M" }, { type: "Polygon", coordinates: [square[0]!.slice(0, 3)] }), 1, 2024);
    assert.equal(open.coordinates[0]![0]!.length, 4);
    assert.deepEqual(normaliseQpvFeature(feature({ code_qp: "QN07501M" }, { type: "MultiPolygon", coordinates: [] }), 1, 2024).coordinates, []);
  });

  it("rejects missing codes, codes of the other millésime and bad geometries", () => {
    const throwsCode = (fn: () => unknown, code: string) => assert.throws(fn, (e: { code?: string }) => e.code === code);
    throwsCode(() => normaliseQpvFeature(feature({ lib_qp: "X" }), 4, 2024), "geo.missing_code");
    throwsCode(() => normaliseQpvFeature(feature({ code_qp: "QP075019" }), 4, 2024), "geo.bad_code");
    throwsCode(() => normaliseQpvFeature(feature({ CODE_QP: "QN07501M" }), 4, 2015), "geo.bad_code");
    throwsCode(() => normaliseQpvFeature({ type: "Feature", properties: { code_qp: "QN07501M" }, geometry: null }, 4, 2024), "geo.bad_geometry");
    throwsCode(() => normaliseQpvFeature(feature({ code_qp: "QN07501M" }, { type: "Point", coordinates: [2, 48] }), 4, 2024), "geo.bad_geometry");
    throwsCode(() => normaliseQpvFeature(feature({ code_qp: "QN07501M" }, { type: "Polygon", coordinates: [[[2, 48], [2, 49]]] }), 4, 2024), "geo.bad_geometry");
    throwsCode(() => normaliseQpvFeature(feature({ code_qp: "QN07501M" }, { type: "Polygon", coordinates: [[[650852, 6862571], [650900, 6862571], [650900, 6862600], [650852, 6862571]]] }), 4, 2024), "geo.bad_geometry");
    throwsCode(() => normaliseQpvFeature({ type: "Other" }, 4, 2024), "geo.bad_feature");
  });
});
