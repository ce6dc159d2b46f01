/// <reference types="node" />
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { compareShares, departementsReference } from "./report.domain.ts";

describe("compareShares", () => {
  it("gives the gap in percentage points", () => {
    assert.deepEqual(compareShares(0.125, 0.08), { direction: "above", points: 4.5 });
    assert.deepEqual(compareShares(0.05, 0.08), { direction: "below", points: 3 });
    assert.deepEqual(compareShares(0.0801, 0.08), { direction: "equal", points: 0 });
  });
  it("is null when the share cannot be computed", () => {
    assert.equal(compareShares(null, 0.08), null);
  });
});

describe("departementsReference", () => {
  const d = (hires: number | "< 5", share: number | null) => ({ code: "75", name: "Paris", hires, qpvAddressShare: share, source: "BAN" });
  it("weights each département's share by its hires", () => {
    assert.equal(departementsReference([d(30, 0.1), d(10, 0.3)]), 0.15);
  });
  it("is null when a count is masked or a share unknown", () => {
    assert.equal(departementsReference([d(30, 0.1), d("< 5", 0.3)]), null);
    assert.equal(departementsReference([d(30, null)]), null);
    assert.equal(departementsReference([]), null);
  });
});
