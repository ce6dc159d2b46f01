/// <reference types="node" />
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatCount, formatDate, formatDateTime, formatMillesime, formatShare } from "./shared-format.ts";

describe("French formatting", () => {
  it("writes dates the French way, with 1er", () => {
    assert.equal(formatDate("2024-01-01"), "1er janvier 2024");
    assert.equal(formatDate("2024-03-15"), "15 mars 2024");
    assert.equal(formatMillesime("2025-07-10"), "du 10 juillet 2025");
    assert.equal(formatMillesime("2024"), "2024");
  });
  it("writes instants in Paris time, day first", () => {
    assert.equal(formatDateTime("2026-12-02T07:35:00Z"), "02/12/2026 08:35");
    assert.equal(formatDateTime("2026-07-01T22:10:00Z"), "02/07/2026 00:10", "summer time, next day in Paris");
  });
  it("writes shares with a decimal comma and masked counts as given", () => {
    assert.equal(formatShare(0.3).replace(/\s/g, " "), "30,0 %");
    assert.equal(formatShare(null), "—");
    assert.equal(formatCount("< 5"), "< 5");
    assert.equal(formatCount(12000).replace(/\s/g, " "), "12 000");
  });
});
