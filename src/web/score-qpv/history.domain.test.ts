import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { SavedScoreSummary } from "../../score-qpv/score-history.contract.ts";
import { formatShare } from "../shared-format.ts";
import {
  axisLabel,
  chartScale,
  compareSavedScores,
  effectiveFilter,
  filterByLabel,
  historySeries,
  historyUrl,
  labelChoices,
  labelFilterFromSearch,
  periodLabel,
  scoreName,
  trimShare,
} from "./history.domain.ts";

let n = 0;
const saved = (from: string, to: string, qpv: number | null, o: { label?: string; savedAt?: string; rural?: number | null } = {}): SavedScoreSummary => ({
  id: `s${++n}`,
  organisationId: "org",
  reportId: null,
  savedAt: o.savedAt ?? `2026-01-${String(n).padStart(2, "0")}T10:00:00.000Z`,
  savedBy: null,
  label: o.label ?? null,
  period: { from, to },
  rows: { total: 20, inPeriod: 20, located: 20 },
  qpv: { count: 0, share: qpv, uncertain: 0 },
  rural: { count: 0, share: o.rural ?? 0.05 },
  millesimes: { qpv: [2024], rural: [] },
  nationalQpvShare: 0.08,
});

describe("score history", () => {
  it("names periods as people say them", () => {
    assert.equal(periodLabel("2024-01-01", "2024-12-31"), "2024");
    assert.equal(periodLabel("2024-03-01", "2024-03-31"), "mars 2024");
    assert.equal(periodLabel("2024-03-01", "2024-10-31"), "mars à octobre 2024");
    assert.equal(periodLabel("2023-07-01", "2024-06-30"), "juillet 2023 à juin 2024");
    assert.equal(periodLabel("2024-02-01", "2024-02-29"), "février 2024", "leap year");
    assert.equal(periodLabel("2023-10-15", "2024-10-14"), "du 15 octobre 2023 au 14 octobre 2024");
    assert.equal(periodLabel("2023-11-01", "2024-10-14"), "du 1er novembre 2023 au 14 octobre 2024");
    assert.equal(axisLabel("2024-01-01", "2024-12-31"), "2024");
    assert.equal(axisLabel("2023-10-15", "2024-10-14"), "10/23–10/24");
  });

  it("orders by period, then no label before labels, then the order of saving", () => {
    const list = [
      saved("2025-01-01", "2025-12-31", 0.1),
      saved("2024-01-01", "2024-12-31", 0.1, { label: "Sud" }),
      saved("2024-01-01", "2024-12-31", 0.1, { label: "Nord" }),
      saved("2024-01-01", "2024-12-31", 0.1),
    ];
    assert.deepEqual([...list].sort(compareSavedScores).map((s) => `${s.period.to.slice(0, 4)} ${s.label ?? "-"}`), ["2024 -", "2024 Nord", "2024 Sud", "2025 -"]);
  });

  it("builds the series year after year, keeping the latest save of a period and the evolution per label", () => {
    const series = historySeries([
      saved("2025-01-01", "2025-12-31", 0.125),
      saved("2023-01-01", "2023-12-31", 0.06),
      saved("2024-01-01", "2024-12-31", 0.05, { savedAt: "2025-01-10T00:00:00.000Z" }),
      saved("2024-01-01", "2024-12-31", 0.09, { savedAt: "2025-02-10T00:00:00.000Z" }), // corrected file
      saved("2024-01-01", "2024-12-31", 0.3, { label: "Site Nord" }),
      saved("2025-01-01", "2025-12-31", null, { label: "Site Nord" }),
    ]);
    assert.deepEqual(series.map((p) => [p.name, p.axis, p.qpvShare, p.qpvEvolution]), [
      ["2023", "2023", 0.06, null],
      ["2024", "2024", 0.09, 3],
      ["2024 · Site Nord", "2024", 0.3, null],
      ["2025", "2025", 0.125, 3.5],
      ["2025 · Site Nord", "2025", null, null],
    ]);
    assert.deepEqual(historySeries([]), []);
  });

  it("names a saved score by its period and label", () => {
    assert.equal(scoreName(saved("2024-01-01", "2024-12-31", 0.1)), "2024");
    assert.equal(scoreName(saved("2023-07-01", "2024-06-30", 0.1, { label: "Site Nord" })), "juillet 2023 à juin 2024 · Site Nord");
  });

  it("reads and writes the label filter in the query string, « sans libellé » as an empty libelle", () => {
    assert.deepEqual(labelFilterFromSearch(""), { kind: "all" });
    assert.deepEqual(labelFilterFromSearch("?autre=1"), { kind: "all" });
    assert.deepEqual(labelFilterFromSearch("?libelle=Site%20Nord"), { kind: "label", label: "Site Nord" });
    assert.deepEqual(labelFilterFromSearch("?libelle=Caf%C3%A9+%26+Co"), { kind: "label", label: "Café & Co" });
    assert.deepEqual(labelFilterFromSearch("?libelle="), { kind: "label", label: null });
    assert.equal(historyUrl({ kind: "all" }), "/score-qpv/historique");
    assert.equal(historyUrl({ kind: "label", label: null }), "/score-qpv/historique?libelle=");
    for (const label of ["Site Nord", "Café & Co", "50 % = ?", "#1"]) {
      const url = historyUrl({ kind: "label", label });
      assert.deepEqual(labelFilterFromSearch(url.slice(url.indexOf("?"))), { kind: "label", label }, label);
    }
  });

  it("offers « Tous », each distinct label in French order, and « sans libellé » when some scores have none", () => {
    const mixed = [
      saved("2024-01-01", "2024-12-31", 0.1, { label: "Siège" }),
      saved("2024-01-01", "2024-12-31", 0.1),
      saved("2024-01-01", "2024-12-31", 0.1, { label: "Site Nord" }),
      saved("2025-01-01", "2025-12-31", 0.1, { label: "Siège" }),
      saved("2025-01-01", "2025-12-31", 0.1, { label: "Écully" }),
    ];
    assert.deepEqual(labelChoices(mixed), ["Écully", "Siège", "Site Nord", null]);
    assert.deepEqual(labelChoices([saved("2024-01-01", "2024-12-31", 0.1, { label: "A" }), saved("2025-01-01", "2025-12-31", 0.1, { label: "B" })]), ["A", "B"]);
    assert.deepEqual(labelChoices([saved("2024-01-01", "2024-12-31", 0.1), saved("2025-01-01", "2025-12-31", 0.1, { label: "B" })]), ["B", null]);
    // Nothing to choose from: one group only.
    assert.deepEqual(labelChoices([saved("2024-01-01", "2024-12-31", 0.1), saved("2025-01-01", "2025-12-31", 0.1)]), []);
    assert.deepEqual(labelChoices([saved("2024-01-01", "2024-12-31", 0.1, { label: "A" }), saved("2025-01-01", "2025-12-31", 0.1, { label: "A" })]), []);
    assert.deepEqual(labelChoices([]), []);
  });

  it("filters the scores, and the chart's series, on one label; an unknown label shows them all", () => {
    const list = [
      saved("2023-01-01", "2023-12-31", 0.1, { label: "Siège" }),
      saved("2023-01-01", "2023-12-31", 0.2),
      saved("2024-01-01", "2024-12-31", 0.15, { label: "Siège" }),
      saved("2024-01-01", "2024-12-31", 0.3),
    ];
    const choices = labelChoices(list);
    const siege = effectiveFilter({ kind: "label", label: "Siège" }, choices);
    assert.deepEqual(siege, { kind: "label", label: "Siège" });
    assert.deepEqual(filterByLabel(list, siege).map((s) => s.id), [list[0].id, list[2].id]);
    assert.deepEqual(historySeries(filterByLabel(list, siege)).map((p) => [p.name, p.qpvEvolution]), [["2023 · Siège", null], ["2024 · Siège", 5]]);
    const none = effectiveFilter({ kind: "label", label: null }, choices);
    assert.deepEqual(filterByLabel(list, none).map((s) => s.qpv.share), [0.2, 0.3]);
    assert.deepEqual(effectiveFilter({ kind: "label", label: "Lyon" }, choices), { kind: "all" });
    assert.deepEqual(effectiveFilter({ kind: "label", label: "siège" }, choices), { kind: "all" }, "labels match exactly");
    assert.deepEqual(effectiveFilter({ kind: "label", label: "Siège" }, []), { kind: "all" }, "no choice, no filter");
    assert.equal(filterByLabel(list, { kind: "all" }).length, 4);
  });

  it("drops a zero decimal from round shares", () => {
    assert.equal(trimShare(formatShare(0.08)).replace(/\s/g, " "), "8 %");
    assert.equal(trimShare(formatShare(0.1)).replace(/\s/g, " "), "10 %");
    assert.equal(trimShare(formatShare(0.273)).replace(/\s/g, " "), "27,3 %");
    assert.equal(trimShare(formatShare(1.05)).replace(/\s/g, " "), "105 %");
  });

  it("scales the axis above the highest share and the reference", () => {
    assert.deepEqual(chartScale([], 0.08), { max: 0.1, ticks: [0, 0.05, 0.1] });
    const series = historySeries([saved("2024-01-01", "2024-12-31", 0.6, { rural: 0.2 })]);
    assert.deepEqual(chartScale(series, 0.08), { max: 0.6, ticks: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6] });
    assert.deepEqual(chartScale(historySeries([saved("2024-01-01", "2024-12-31", 0.17)]), 0.08).max, 0.2);
    assert.deepEqual(chartScale(historySeries([saved("2024-01-01", "2024-12-31", 1)]), 0.08).max, 1);
  });
});
