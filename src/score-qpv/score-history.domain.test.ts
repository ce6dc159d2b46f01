import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Membership } from "../geo/geography.types.ts";
import { createReportBuilder, type RowOutcome } from "./report.domain.ts";
import { aggregatesOf, normaliseLabel } from "./score-history.domain.ts";

const dataset = (millesime: string, source: string) => ({ millesime, source, rowCount: 1, importedAt: "2026-11-01T00:00:00Z" });
const report = () => {
  const builder = createReportBuilder({
    period: { from: "2023-07-01", to: "2024-06-30", defaulted: false },
    datasets: { qpv: { 2015: dataset("2015", "QPV 2015"), 2024: dataset("2024", "QPV 2024") }, zrr: dataset("ZRR 2017", "ZRR"), frr: dataset("2025-07-10", "FRR") },
    geocoderName: "offline",
    hireDateColumn: "Date d'entrée",
    generatedAt: new Date("2026-12-01T10:00:00Z"),
  });
  const located = (month: string, inQpv: boolean, rural: boolean, uncertain = false): RowOutcome => {
    const membership: Membership = {
      qpv: inQpv ? { code: "QN09301M", name: "Quartier A", millesime: month < "2024-01" ? 2015 : 2024 } : null,
      rural: rural ? { scheme: "zrr", class: "C", label: "ZRR" } : null,
      qpvBoundaryDistanceM: null,
      geography: { qpv: month < "2024-01" ? 2015 : 2024, rural: "zrr" },
    };
    return {
      status: "located", hire: { month, contractType: "CDI", establishment: "Nord" }, match: null, point: { lon: 2.4, lat: 48.9 }, membership,
      certainty: { uncertain, reasons: uncertain ? ["near_boundary"] : [] }, departement: "93",
    };
  };
  [located("2023-09", true, false), located("2024-02", true, false, true), located("2024-03", false, true), located("2024-04", false, false)].forEach((o, i) => builder.add(o, i + 2));
  builder.add({ status: "out_of_period", hireDate: "2022-01-01" }, 6);
  builder.add({ status: "unlocated", reason: "street_not_found", hire: { month: "2024-05", contractType: null, establishment: null } }, 7);
  return builder.build();
};

describe("saved score aggregates", () => {
  it("keeps the counts, the shares and the millésimes that measured hires", () => {
    assert.deepEqual(aggregatesOf(report()), {
      period: { from: "2023-07-01", to: "2024-06-30" },
      rows: { total: 6, inPeriod: 5, located: 4 },
      qpv: { count: 2, share: 0.5, uncertain: 1 },
      rural: { count: 1, share: 0.25 },
      millesimes: { qpv: [2015, 2024], rural: ["zrr:ZRR 2017"] },
    });
  });

  it("treats a blank label as no label and collapses spaces", () => {
    assert.equal(normaliseLabel(undefined), null);
    assert.equal(normaliseLabel("   "), null);
    assert.equal(normaliseLabel("  Site   de Lille "), "Site de Lille");
  });
});
