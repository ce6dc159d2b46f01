import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { maskedShare, suppressColumn } from "./suppression.domain.ts";

describe("small-cell suppression", () => {
  it("shows counts from 1 to 4 as < 5, keeps 0 and counts from 5", () => {
    assert.deepEqual(suppressColumn([0, 5, 12, 3, 4]), [0, 5, 12, "< 5", "< 5"]);
  });

  it("masks a second cell, the smallest non-zero, when only one is small", () => {
    // total 30 is published: with only "3" masked, 30 − 12 − 9 − 6 would give it back.
    assert.deepEqual(suppressColumn([12, 3, 9, 6]), [12, "< 5", 9, "masqué"]);
    assert.deepEqual(suppressColumn([0, 2, 0, 40]), [0, "< 5", 0, "masqué"]);
  });

  it("cannot do better than the total when a small cell is alone", () => {
    assert.deepEqual(suppressColumn([0, 3]), [0, "< 5"]);
    assert.deepEqual(suppressColumn([]), []);
  });

  it("gives no share for a masked cell", () => {
    assert.equal(maskedShare(2, 8), 0.25);
    assert.equal(maskedShare("< 5", 8), null);
    assert.equal(maskedShare(0, "masqué"), null);
    assert.equal(maskedShare(0, 0), null);
  });
});
