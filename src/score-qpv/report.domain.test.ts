import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Membership, QpvRef } from "../geo/geography.types.ts";
import { scoreQpvReportSchema } from "./score-qpv.contract.ts";
import { createReportBuilder, departementOf, type HireFacts, type RowOutcome } from "./report.domain.ts";

const dataset = (millesime: string, source: string) => ({ millesime, source, rowCount: 1, importedAt: "2026-11-01T00:00:00Z" });
const context = {
  period: { from: "2024-01-01", to: "2024-12-31", defaulted: true },
  datasets: {
    qpv: { 2015: dataset("2015", "QPV 2015 (ANCT)"), 2024: dataset("2024", "QPV 2024 (ANCT)") },
    zrr: dataset("2017", "ZRR (ANCT)"),
    frr: dataset("2024", "FRR (ANCT)"),
  },
  geocoderName: "offline",
  hireDateColumn: "Date d'entrée",
  departementQpvAddressShare: (code: string) => (code === "93" ? 0.31 : null),
  generatedAt: new Date("2026-12-01T10:00:00Z"),
};

const qpvA: QpvRef = { code: "QN09301M", name: "Quartier A", millesime: 2024 };
const located = (o: { month: string; qpv?: QpvRef | null; rural?: boolean; uncertain?: boolean; citycode?: string; contract?: string; site?: string }): RowOutcome => {
  const hire: HireFacts = { month: o.month, contractType: o.contract ?? "CDI", establishment: o.site ?? "Siège" };
  const before = o.month < "2024-01";
  const membership: Membership = {
    qpv: o.qpv ?? null,
    rural: o.rural ? { scheme: "frr", class: "frr_socle", label: "FRR" } : null,
    qpvBoundaryDistanceM: null,
    geography: { qpv: before ? 2015 : 2024, rural: o.month < "2024-07" ? "zrr" : "frr" },
  };
  return {
    status: "located", hire, match: null, point: { lon: 2.4, lat: 48.9 }, membership,
    certainty: { uncertain: o.uncertain ?? false, reasons: o.uncertain ? ["near_boundary"] : [] },
    departement: departementOf(o.citycode ?? "93066"),
  };
};

const build = (outcomes: RowOutcome[]) => {
  const builder = createReportBuilder(context);
  outcomes.forEach((outcome, i) => builder.add(outcome, i + 2));
  return scoreQpvReportSchema.parse(builder.build());
};

const repeat = (n: number, outcome: RowOutcome) => Array.from({ length: n }, () => outcome);

describe("Score QPV report arithmetic", () => {
  it("counts every row once and computes shares over located hires", () => {
    const report = build([
      ...repeat(6, located({ month: "2024-03", qpv: qpvA })),
      ...repeat(14, located({ month: "2024-03", uncertain: true })),
      ...repeat(10, located({ month: "2024-09", rural: true, citycode: "23001" })),
      { status: "unlocated", reason: "street_not_found", hire: { month: "2024-03", contractType: null, establishment: null } },
      { status: "out_of_period", hireDate: "2023-05-01" },
      { status: "duplicate" },
      { status: "invalid", reason: "unparseable_hire_date" },
      { status: "invalid", reason: "missing_hire_date" },
    ]);
    assert.deepEqual(report.rows, { total: 35, inPeriod: 31, located: 30, unlocated: 1, outOfPeriod: 1, invalid: 2, duplicates: 1 });
    assert.equal(report.rows.total, report.rows.inPeriod + report.rows.outOfPeriod + report.rows.invalid + report.rows.duplicates);
    assert.deepEqual(report.qpv, { count: 6, share: 0.2, uncertain: 14 });
    assert.deepEqual(report.rural, { count: 10, share: 1 / 3, uncertain: 0 });
    assert.deepEqual(report.unlocatedReasons.map((r) => [r.reason, r.count]), [["street_not_found", 1]]);
    assert.deepEqual(report.invalidReasons.map((r) => [r.reason, r.count, r.firstLines]), [["unparseable_hire_date", 1, [35]], ["missing_hire_date", 1, [36]]]);
    assert.match(report.invalidReasons[0].label, /Date d'entrée/);
    assert.deepEqual(report.geography.qpv, [{ millesime: 2024, source: "QPV 2024 (ANCT)", rows: 30 }]);
    assert.deepEqual(report.geography.rural.map((r) => [r.scheme, r.rows]), [["zrr", 20], ["frr", 10]]);
    assert.deepEqual(report.breakdowns.byMonth.map((m) => [m.label, m.located, m.qpv, m.qpvShare]), [["mars 2024", 20, 6, 0.3], ["septembre 2024", 10, 0, 0]]);
    assert.deepEqual(report.reference.departements.map((d) => [d.code, d.name, d.hires, d.qpvAddressShare]), [["23", "Creuse", 10, null], ["93", "Seine-Saint-Denis", 20, 0.31]]);
    assert.equal(report.reference.nationalQpvShare, 0.08);
  });

  it("reports null shares when nothing is located", () => {
    const report = build([{ status: "invalid", reason: "missing_hire_date" }]);
    assert.equal(report.qpv.share, null);
    assert.equal(report.rural.share, null);
    assert.deepEqual(report.breakdowns.byMonth, []);
  });

  it("masks small cells, their shares, and a second cell when one alone would be recomputable", () => {
    const report = build([
      ...repeat(3, located({ month: "2024-02", qpv: qpvA, contract: "CDD" })),
      ...repeat(8, located({ month: "2024-05", contract: "CDI" })),
      ...repeat(12, located({ month: "2024-06", qpv: { ...qpvA, code: "QN09302M", name: "Quartier B" }, contract: "CDI" })),
      ...repeat(6, located({ month: "2024-10", contract: "Intérim" })),
    ]);
    const months = Object.fromEntries(report.breakdowns.byMonth.map((m) => [m.key, m]));
    assert.equal(months["2024-02"].located, "< 5");
    assert.equal(months["2024-02"].qpv, "< 5");
    assert.equal(months["2024-02"].qpvShare, null);
    // Only one located cell is small: the smallest other one (6, October) is hidden too.
    assert.equal(months["2024-10"].located, "masqué");
    assert.equal(months["2024-05"].located, 8);
    assert.deepEqual(report.breakdowns.byQpv.map((q) => [q.code, q.count]), [["QN09302M", "masqué"], ["QN09301M", "< 5"]]);
    assert.deepEqual(report.breakdowns.byContractType.map((c) => [c.label, c.located]), [["CDI", 20], ["Intérim", "masqué"], ["CDD", "< 5"]]);
    // Headline totals stay exact.
    assert.equal(report.qpv.count, 15);
  });
});
