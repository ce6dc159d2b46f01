import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildPolygonIndex, findContainingLinear, METRES_PER_DEGREE } from "./polygon-index.ts";

// A 10×10 square with a 4×4 hole (CCW outer, CW hole), and a two-part multipolygon.
const squareWithHole = {
  code: "QN00000A",
  name: "Carré troué",
  coordinates: [
    [
      [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],
      [[3, 3], [3, 7], [7, 7], [7, 3], [3, 3]],
    ],
  ],
};
const twoParts = {
  code: "QN00000B",
  name: "Deux îlots",
  coordinates: [
    [[[20, 0], [22, 0], [22, 2], [20, 2], [20, 0]]],
    [[[30, 0], [32, 0], [31, 3], [30, 0]]], // triangle
  ],
};
const index = buildPolygonIndex([squareWithHole, twoParts]);

describe("polygon index: point in polygon", () => {
  it("finds a point inside the outer ring and outside the hole", () => {
    assert.equal(index.findContaining(1, 1)?.code, "QN00000A");
    assert.equal(index.findContaining(8.5, 5)?.code, "QN00000A");
  });

  it("excludes points inside a hole, but counts the hole's edges and vertices as inside", () => {
    assert.equal(index.findContaining(5, 5), null);
    assert.equal(index.findContaining(3, 5)?.code, "QN00000A"); // on the hole's vertical edge
    assert.equal(index.findContaining(5, 7)?.code, "QN00000A"); // on the hole's horizontal edge
    assert.equal(index.findContaining(7, 3)?.code, "QN00000A"); // on a hole vertex
  });

  it("counts points exactly on outer edges and vertices as inside", () => {
    assert.equal(index.findContaining(0, 5)?.code, "QN00000A");
    assert.equal(index.findContaining(10, 10)?.code, "QN00000A");
    assert.equal(index.findContaining(5, 0)?.code, "QN00000A");
    assert.equal(index.findContaining(31, 3)?.code, "QN00000B"); // apex of the triangle (local maximum)
    assert.equal(index.findContaining(30.5, 1.5)?.code, "QN00000B"); // on the sloping edge
  });

  it("finds every part of a multipolygon and nothing between them", () => {
    assert.equal(index.findContaining(21, 1)?.code, "QN00000B");
    assert.equal(index.findContaining(31, 1)?.code, "QN00000B");
    assert.equal(index.findContaining(25, 1), null);
    assert.equal(index.findContaining(30.2, 2.5), null); // inside the triangle's bbox, outside the triangle
  });

  it("answers null outside every bounding box", () => {
    assert.equal(index.findContaining(-1, 5), null);
    assert.equal(index.findContaining(5, 10.000001), null);
    assert.equal(index.findContaining(100, 100), null);
  });

  it("handles a point on a sloping edge with real 6-decimal coordinates", () => {
    const sloped = buildPolygonIndex([
      { code: "QN07599X", name: "Pente", coordinates: [[[[2.35, 48.85], [2.36, 48.86], [2.34, 48.86], [2.35, 48.85]]]] },
    ]);
    assert.equal(sloped.findContaining(2.355, 48.855)?.code, "QN07599X");
    assert.equal(sloped.findContaining(2.3551, 48.855), null);
  });

  it("agrees with the linear scan, and an empty index finds nothing", () => {
    for (let i = 0; i < 2000; i++) {
      const lon = -2 + ((i * 7919) % 3600) / 100;
      const lat = -2 + ((i * 104729) % 1400) / 100;
      assert.equal(index.findContaining(lon, lat)?.code ?? null, findContainingLinear(index, lon, lat)?.code ?? null, `${lon},${lat}`);
    }
    const empty = buildPolygonIndex([]);
    assert.equal(empty.findContaining(0, 0), null);
    assert.equal(empty.nearestBoundaryDistanceM(0, 0, 1000), null);
  });
});

describe("polygon index: distance to the nearest boundary", () => {
  // Around Paris: a square of 0.01° (≈ 733 m wide in longitude, 1,112 m in latitude).
  const paris = buildPolygonIndex([
    {
      code: "QN07598X",
      name: "Carré parisien",
      coordinates: [[[[2.35, 48.85], [2.36, 48.85], [2.36, 48.86], [2.35, 48.86], [2.35, 48.85]]]],
    },
  ]);
  const kx = METRES_PER_DEGREE * Math.cos((48.855 * Math.PI) / 180);

  it("measures the distance from inside to the nearest edge", () => {
    const d = paris.nearestBoundaryDistanceM(2.3505, 48.855, 1000);
    assert.ok(d !== null && Math.abs(d - 0.0005 * kx) < 0.5, String(d));
  });

  it("measures the distance from outside, to an edge and to a corner", () => {
    const toEdge = paris.nearestBoundaryDistanceM(2.3495, 48.855, 1000);
    assert.ok(toEdge !== null && Math.abs(toEdge - 0.0005 * kx) < 0.5, String(toEdge));
    const toCorner = paris.nearestBoundaryDistanceM(2.3495, 48.8495, 1000);
    const expected = Math.hypot(0.0005 * kx, 0.0005 * METRES_PER_DEGREE);
    assert.ok(toCorner !== null && Math.abs(toCorner - expected) < 0.5, String(toCorner));
  });

  it("is 0 on the boundary and null beyond maxM", () => {
    assert.equal(paris.nearestBoundaryDistanceM(2.35, 48.855, 100), 0);
    assert.equal(paris.nearestBoundaryDistanceM(2.34, 48.855, 100), null); // ≈ 733 m away
    assert.ok((paris.nearestBoundaryDistanceM(2.34, 48.855, 1000) ?? 0) > 700);
  });

  it("takes holes into account", () => {
    const d = index.nearestBoundaryDistanceM(5, 5, 1_000_000); // centre of the hole, 2° from its edges
    assert.ok(d !== null && Math.abs(d - 2 * METRES_PER_DEGREE * Math.cos((5 * Math.PI) / 180)) < 1, String(d));
  });
});
