// Small-cell suppression of the breakdowns: a count from 1 to 4 could point at
// a person, so it reads "< 5". When a single cell of a column is masked, the
// smallest other non-zero cell is masked too ("masqué"), so that the masked one
// cannot be recomputed by subtracting the others from the published total.
import type { SuppressedCount } from "./score-qpv.contract.ts";

export const SMALL_CELL_LIMIT = 5;

export const isSmall = (count: number) => count > 0 && count < SMALL_CELL_LIMIT;

export const suppressColumn = (counts: number[]): SuppressedCount[] => {
  const shown: SuppressedCount[] = counts.map((count) => (isSmall(count) ? "< 5" : count));
  if (shown.filter((cell) => cell === "< 5").length !== 1) return shown;
  let smallest = -1;
  counts.forEach((count, index) => {
    if (shown[index] !== "< 5" && count > 0 && (smallest < 0 || count < counts[smallest])) smallest = index;
  });
  if (smallest >= 0) shown[smallest] = "masqué";
  return shown;
};

export const isMasked = (cell: SuppressedCount): boolean => typeof cell !== "number";

/** Share of two cells, null when either is masked or the denominator is 0. */
export const maskedShare = (part: SuppressedCount, whole: SuppressedCount): number | null =>
  typeof part === "number" && typeof whole === "number" && whole > 0 ? part / whole : null;
