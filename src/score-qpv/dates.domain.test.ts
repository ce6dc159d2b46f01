import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { addMonths, fromExcelSerial, parseHireDate, twelveMonthsEndingAt } from "./dates.domain.ts";

const iso = (value: Parameters<typeof parseHireDate>[0]) => {
  const parsed = parseHireDate(value);
  return parsed.ok ? `${parsed.iso}/${parsed.precision}` : parsed.reason;
};

describe("hire dates", () => {
  it("reads Excel serials and real date cells", () => {
    assert.equal(iso(45352), "2024-03-01/day");
    assert.equal(iso("45352"), "2024-03-01/day");
    assert.equal(iso(45352.75), "2024-03-01/day");
    assert.equal(iso(new Date(Date.UTC(2025, 2, 1))), "2025-03-01/day");
    assert.deepEqual(fromExcelSerial(61), { ok: true, iso: "1900-03-01", precision: "day" });
  });

  it("reads the usual French numeric formats", () => {
    assert.equal(iso("01/03/2025"), "2025-03-01/day");
    assert.equal(iso("1/3/2025"), "2025-03-01/day");
    assert.equal(iso("01-03-25"), "2025-03-01/day");
    assert.equal(iso("01.03.2025"), "2025-03-01/day");
    assert.equal(iso("2025-03-01"), "2025-03-01/day");
    assert.equal(iso("2025-03-01T00:00:00Z"), "2025-03-01/day");
    assert.equal(iso("01/03/2025 08:30"), "2025-03-01/day");
    assert.equal(iso("03/2025"), "2025-03-01/month");
    assert.equal(iso("15-06-98"), "1998-06-15/day");
  });

  it("reads dates written in words", () => {
    assert.equal(iso("1er mars 2025"), "2025-03-01/day");
    assert.equal(iso("3 Février 2024"), "2024-02-03/day");
    assert.equal(iso("lundi 3 févr. 2025"), "2025-02-03/day");
    assert.equal(iso("mars 2025"), "2025-03-01/month");
    assert.equal(iso("Août 2024"), "2024-08-01/month");
  });

  it("refuses impossible or unknown dates and tells missing from unreadable", () => {
    assert.equal(iso("31/02/2025"), "unparseable");
    assert.equal(iso("13/13/2025"), "unparseable");
    assert.equal(iso("demain"), "unparseable");
    assert.equal(iso("3 brumaire 2025"), "unparseable");
    assert.equal(iso("  "), "missing");
    assert.equal(iso(null), "missing");
  });

  it("computes the default 12-month window", () => {
    assert.deepEqual(twelveMonthsEndingAt("2025-03-15"), { from: "2024-03-16", to: "2025-03-15" });
    assert.deepEqual(twelveMonthsEndingAt("2024-12-31"), { from: "2024-01-01", to: "2024-12-31" });
    assert.equal(addMonths("2024-02-29", -12), "2023-02-28");
    assert.equal(addMonths("2025-01-31", -2), "2024-11-30");
  });
});
