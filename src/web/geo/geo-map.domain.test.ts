/// <reference types="node" />
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { bboxAround, buildMapStyle } from "./geo-map.domain.ts";

describe("bboxAround", () => {
  it("spans about twice the radius in both directions, wider in degrees of longitude away from the equator", () => {
    const [minLon, minLat, maxLon, maxLat] = bboxAround(48.85, 2.35, 1000);
    assert.ok(Math.abs((maxLat - minLat) * 111_320 - 2000) < 1);
    const widthM = (maxLon - minLon) * 111_320 * Math.cos((48.85 * Math.PI) / 180);
    assert.ok(Math.abs(widthM - 2000) < 1);
    assert.ok(maxLon - minLon > maxLat - minLat);
  });
});

describe("buildMapStyle", () => {
  const style = buildMapStyle({
    point: { lat: 48.88, lon: 2.37 },
    perimeters: { type: "FeatureCollection", features: [] },
    outline: null,
    containingQpvCode: "QN07501M",
  });

  it("needs no network: no tile, glyph or sprite URL", () => {
    assert.equal(style.glyphs, undefined);
    assert.equal(style.sprite, undefined);
    for (const source of Object.values(style.sources)) assert.equal(source.type, "geojson");
    assert.ok(!JSON.stringify(style).includes("http"));
  });

  it("draws the point on top, as a circle at lon/lat", () => {
    const last = style.layers.at(-1)!;
    assert.equal(last.type, "circle");
    assert.deepEqual((style.sources.point as { data: { geometry: { coordinates: number[] } } }).data.geometry.coordinates, [2.37, 48.88]);
  });

  it("has no symbol layer (text would need glyphs)", () => {
    assert.ok(style.layers.every((layer) => layer.type !== "symbol"));
  });
});
