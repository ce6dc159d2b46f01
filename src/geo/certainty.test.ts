import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { GeocodeMatch } from "../geocoder/geocoder.types.ts";
import { assessCertainty, assessPointCertainty } from "./certainty.ts";
import type { Membership } from "./geography.types.ts";

const match = (overrides: Partial<GeocodeMatch> = {}): GeocodeMatch => ({
  ok: true, label: "12 Rue des Envierges 75020 Paris", score: 0.95, matchType: "housenumber",
  lon: 2.39, lat: 48.87, citycode: "75120", postcode: "75020", precisionM: 10, ...overrides,
});
const membership = (qpvBoundaryDistanceM: number | null, inQpv = false): Membership => ({
  qpv: inQpv ? { code: "QN07519M", name: "Grand Belleville", millesime: 2024 } : null,
  rural: null,
  qpvBoundaryDistanceM,
  geography: { qpv: 2024, rural: "frr" },
});

describe("certainty of a QPV answer", () => {
  it("is certain for a good house-number match far from any boundary, inside or outside a QPV", () => {
    assert.deepEqual(assessCertainty(match(), membership(null), true), { uncertain: false, reasons: [] });
    assert.deepEqual(assessCertainty(match(), membership(200, true), true), { uncertain: false, reasons: [] });
  });

  it("flags scores under 0.8", () => {
    assert.deepEqual(assessCertainty(match({ score: 0.79 }), membership(null), false).reasons, ["low_score"]);
    assert.deepEqual(assessCertainty(match({ score: 0.8 }), membership(null), false).reasons, []);
  });

  it("flags points nearer to a boundary than max(30 m, precision)", () => {
    assert.deepEqual(assessCertainty(match(), membership(29.9), false).reasons, ["near_boundary"]);
    assert.deepEqual(assessCertainty(match(), membership(30), false).reasons, []);
    assert.deepEqual(assessCertainty(match({ precisionM: 80 }), membership(60, true), false).reasons, ["near_boundary"]);
  });

  it("flags street and locality matches when a QPV is within the precision radius", () => {
    const street = match({ matchType: "street", precisionM: 150 });
    assert.deepEqual(assessCertainty(street, membership(120), false).reasons, ["imprecise_match", "near_boundary"]);
    assert.deepEqual(assessCertainty(street, membership(400, true), false).reasons, ["imprecise_match"]);
    assert.deepEqual(assessCertainty(street, membership(400), true).reasons, []);
    assert.deepEqual(assessCertainty(street, membership(null), true).reasons, []);
    const wide = match({ matchType: "locality", precisionM: 1500 });
    assert.deepEqual(assessCertainty(wide, membership(null), true).reasons, ["imprecise_match"]);
    assert.deepEqual(assessCertainty(wide, membership(null), false).reasons, []);
  });

  it("flags municipality matches when the commune has any QPV", () => {
    const town = match({ matchType: "municipality", precisionM: 3000, score: 0.9 });
    assert.deepEqual(assessCertainty(town, membership(null), true), { uncertain: true, reasons: ["imprecise_match"] });
    assert.deepEqual(assessCertainty(town, membership(null), false), { uncertain: false, reasons: [] });
  });

  it("judges raw coordinates on the boundary distance only", () => {
    assert.deepEqual(assessPointCertainty(membership(5, true)), { uncertain: true, reasons: ["near_boundary"] });
    assert.deepEqual(assessPointCertainty(membership(50, true)), { uncertain: false, reasons: [] });
  });
});
