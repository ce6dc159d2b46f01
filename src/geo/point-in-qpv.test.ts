// Reference answers computed independently (SOURCES.md, sanity checks): Paris BAN
// addresses inside a QPV — 6,455 with the 2024 perimeters, 7,466 with the 2015 ones.
import assert from "node:assert/strict";
import { resolve } from "node:path";
import { before, describe, it } from "node:test";
import { loadBanPoints, type Points } from "./ban-points.ts";
import { PARIS_BAN_FILE, QPV_2024_FILE } from "./point-in-qpv.bench.ts";
import { buildPolygonIndex, findContainingLinear } from "./polygon-index.ts";
import { loadQpvPerimeters } from "./qpv-file.ts";

const QPV_2015_FILE = resolve(import.meta.dirname, "../../data/qpv/qpv_2015_france_wgs84.geojson.gz");

describe("point-in-QPV on the real Paris addresses", () => {
  let points: Points;
  before(async () => { points = await loadBanPoints(PARIS_BAN_FILE); });

  const countInside = (index: ReturnType<typeof buildPolygonIndex>) => {
    const byCode = new Map<string, number>();
    for (let i = 0; i < points.count; i++) {
      const qpv = index.findContaining(points.lon[i]!, points.lat[i]!);
      if (qpv) byCode.set(qpv.code, (byCode.get(qpv.code) ?? 0) + 1);
    }
    return byCode;
  };

  it("reads the 158,048 Paris BAN addresses", () => {
    assert.equal(points.count, 158_048);
  });

  it("finds 6,455 addresses in a 2024 QPV (21 Paris QPVs + QN09328M), like the linear scan", async () => {
    const index = buildPolygonIndex(await loadQpvPerimeters(QPV_2024_FILE, 2024));
    const byCode = countInside(index);
    assert.equal([...byCode.values()].reduce((a, b) => a + b, 0), 6_455);
    assert.equal([...byCode.keys()].filter((code) => code.startsWith("QN075")).length, 21);
    assert.equal(byCode.get("QN09328M"), 2);
    for (let i = 0; i < points.count; i += 37) {
      const lon = points.lon[i]!, lat = points.lat[i]!;
      assert.equal(index.findContaining(lon, lat)?.code ?? null, findContainingLinear(index, lon, lat)?.code ?? null);
    }
  });

  it("finds 7,466 addresses in a 2015 QPV", async () => {
    const index = buildPolygonIndex(await loadQpvPerimeters(QPV_2015_FILE, 2015));
    const byCode = countInside(index);
    assert.equal([...byCode.values()].reduce((a, b) => a + b, 0), 7_466);
    assert.equal(byCode.get("QP093028"), 2);
  });
});
