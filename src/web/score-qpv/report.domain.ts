// Pure helpers of the report page: comparisons with the references and labels derived from the report.
import type { ScoreQpvReport } from "../../score-qpv/score-qpv.contract.ts";

/** "FRR", "ZRR" or "ZRR/FRR" depending on the rural schemes the hires were measured against. */
export const ruralSchemesLabel = (report: ScoreQpvReport): string => {
  const schemes = new Set(report.geography.rural.filter((g) => g.rows > 0).map((g) => g.scheme));
  if (schemes.size === 1) return schemes.has("zrr") ? "ZRR" : "FRR";
  return "ZRR/FRR";
};

export type Comparison = { direction: "above" | "below" | "equal"; points: number };

/** Difference in percentage points, rounded to one decimal; equal when under 0.05 point. */
export const compareShares = (share: number | null, reference: number | null): Comparison | null => {
  if (share === null || reference === null) return null;
  const points = Math.round((share - reference) * 1000) / 10;
  if (Math.abs(points) < 0.05) return { direction: "equal", points: 0 };
  return { direction: points > 0 ? "above" : "below", points: Math.abs(points) };
};

/**
 * Reference share for the départements of the hires, weighted by the hires of each: what the QPV share
 * would be if hires were spread like the département's addresses. Null when a count is masked or a share missing.
 */
export const departementsReference = (departements: ScoreQpvReport["reference"]["departements"]): number | null => {
  let hires = 0;
  let weighted = 0;
  for (const d of departements) {
    if (typeof d.hires !== "number" || d.qpvAddressShare === null) return null;
    hires += d.hires;
    weighted += d.hires * d.qpvAddressShare;
  }
  return hires > 0 ? weighted / hires : null;
};

