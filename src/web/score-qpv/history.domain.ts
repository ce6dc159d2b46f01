// Pure helpers of the Score QPV history page: period labels, ordering, the filter by label, the chart series and its scale.
import type { SavedScoreSummary } from "../../score-qpv/score-history.contract.ts";
import { paths } from "../layout/router.domain.ts";

const months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
const parts = (iso: string) => ({ year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) });
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** True when the period runs from the first day of a month to the last day of a month. */
const wholeMonths = (from: string, to: string) => {
  const a = parts(from);
  const b = parts(to);
  return a.day === 1 && b.day === lastDayOfMonth(b.year, b.month);
};

/**
 * A period as people say it: "2024" for a calendar year, "mars 2024" for one month, "mars à octobre 2024"
 * within a year, "juillet 2023 à juin 2024" across two years; other periods with their days.
 */
export const periodLabel = (from: string, to: string): string => {
  const a = parts(from);
  const b = parts(to);
  if (wholeMonths(from, to)) {
    if (a.year === b.year && a.month === 1 && b.month === 12) return String(a.year);
    if (a.year === b.year && a.month === b.month) return `${months[a.month - 1]} ${a.year}`;
    if (a.year === b.year) return `${months[a.month - 1]} à ${months[b.month - 1]} ${a.year}`;
    return `${months[a.month - 1]} ${a.year} à ${months[b.month - 1]} ${b.year}`;
  }
  const day = (p: ReturnType<typeof parts>) => `${p.day === 1 ? "1er" : p.day} ${months[p.month - 1]} ${p.year}`;
  return `du ${day(a)} au ${day(b)}`;
};

/** The short label under a bar: "2024" for a calendar year, else "07/23–06/24". */
export const axisLabel = (from: string, to: string): string => {
  const a = parts(from);
  const b = parts(to);
  if (wholeMonths(from, to) && a.year === b.year && a.month === 1 && b.month === 12) return String(a.year);
  const mmyy = (p: ReturnType<typeof parts>) => `${String(p.month).padStart(2, "0")}/${String(p.year % 100).padStart(2, "0")}`;
  return `${mmyy(a)}–${mmyy(b)}`;
};

/** Oldest period first; for one period, without label first, then labels in French order, then the order of saving. */
export const compareSavedScores = (a: SavedScoreSummary, b: SavedScoreSummary): number =>
  a.period.to.localeCompare(b.period.to) ||
  a.period.from.localeCompare(b.period.from) ||
  (a.label === null ? (b.label === null ? 0 : -1) : b.label === null ? 1 : a.label.localeCompare(b.label, "fr")) ||
  a.savedAt.localeCompare(b.savedAt) ||
  a.id.localeCompare(b.id);

/** A saved score as the pages name it: "2024", or "2024 · Site Nord". */
export const scoreName = (score: Pick<SavedScoreSummary, "period" | "label">): string => {
  const period = periodLabel(score.period.from, score.period.to);
  return score.label ? `${period} · ${score.label}` : period;
};

/** The saved scores the history shows: all of them, or those of one label (null: those without a label). */
export type LabelFilter = { kind: "all" } | { kind: "label"; label: string | null };

const labelParam = "libelle";

/** The filter of a query string: no `libelle` is all; an empty `libelle=` the scores without a label; else that label. */
export const labelFilterFromSearch = (search: string): LabelFilter => {
  const label = new URLSearchParams(search).get(labelParam);
  if (label === null) return { kind: "all" };
  return { kind: "label", label: label === "" ? null : label };
};

/** The history page's URL for a filter (the inverse of `labelFilterFromSearch`). */
export const historyUrl = (filter: LabelFilter): string =>
  filter.kind === "all" ? paths.scoreQpvHistory : `${paths.scoreQpvHistory}?${new URLSearchParams({ [labelParam]: filter.label ?? "" })}`;

/**
 * The labels to filter on: the distinct labels in French order, then null when some scores have none.
 * Empty when there is nothing to choose (every score under the same label, or none).
 */
export const labelChoices = (scores: readonly SavedScoreSummary[]): (string | null)[] => {
  const labels = [...new Set(scores.flatMap((s) => (s.label === null ? [] : [s.label])))].sort((a, b) => a.localeCompare(b, "fr"));
  const choices = scores.some((s) => s.label === null) ? [...labels, null] : labels;
  return choices.length > 1 ? choices : [];
};

/** The filter that applies: the one asked for when it names one of the choices, else all the scores. */
export const effectiveFilter = (asked: LabelFilter, choices: readonly (string | null)[]): LabelFilter =>
  asked.kind === "label" && choices.includes(asked.label) ? asked : { kind: "all" };

/** The scores a filter keeps, in their order. */
export const filterByLabel = <T extends Pick<SavedScoreSummary, "label">>(scores: readonly T[], filter: LabelFilter): T[] =>
  filter.kind === "all" ? [...scores] : scores.filter((s) => s.label === filter.label);

export type HistoryPoint = {
  scoreId: string;
  period: { from: string; to: string };
  label: string | null;
  /** "2024", or "2024 · Site Nord". */
  name: string;
  axis: string;
  located: number;
  qpvShare: number | null;
  ruralShare: number | null;
  /** QPV share minus the previous period's (same label), in percentage points rounded to 0.1; null for the first. */
  qpvEvolution: number | null;
};

const points = (share: number | null, previous: number | null) =>
  share === null || previous === null ? null : Math.round((share - previous) * 1000) / 10;

/**
 * The chart's points, year after year: one per period and label, the latest saved when a period was saved
 * more than once for the same label (a corrected file), ordered like `compareSavedScores`.
 */
export const historySeries = (scores: readonly SavedScoreSummary[]): HistoryPoint[] => {
  const latest = new Map<string, SavedScoreSummary>();
  for (const score of scores) {
    const key = `${score.period.from}|${score.period.to}|${score.label ?? ""}`;
    const kept = latest.get(key);
    if (!kept || kept.savedAt.localeCompare(score.savedAt) < 0) latest.set(key, score);
  }
  const previousShare = new Map<string, number | null>();
  return [...latest.values()].sort(compareSavedScores).map((score) => {
    const labelKey = score.label ?? "";
    const evolution = previousShare.has(labelKey) ? points(score.qpv.share, previousShare.get(labelKey) ?? null) : null;
    previousShare.set(labelKey, score.qpv.share);
    return {
      scoreId: score.id,
      period: score.period,
      label: score.label,
      name: scoreName(score),
      axis: axisLabel(score.period.from, score.period.to),
      located: score.rows.located,
      qpvShare: score.qpv.share,
      ruralShare: score.rural.share,
      qpvEvolution: evolution,
    };
  });
};

/** Top of the value axis and its ticks: every 5 points up to 20 %, else every 10 points; always above the reference. */
export const chartScale = (series: readonly HistoryPoint[], reference: number): { max: number; ticks: number[] } => {
  const highest = Math.max(reference, ...series.flatMap((p) => [p.qpvShare ?? 0, p.ruralShare ?? 0]));
  const step = highest <= 0.2 ? 0.05 : 0.1;
  const max = Math.min(1, Math.max(1, Math.ceil(highest / step - 1e-9)) * step);
  const ticks: number[] = [];
  for (let i = 0; i * step <= max + 1e-9; i++) ticks.push(Math.round(i * step * 100) / 100);
  return { max: Math.round(max * 100) / 100, ticks };
};

/** A round share without its decimal ("8 %", "10 %"); other shares as formatShare gives them ("27,3 %"). */
export const trimShare = (formatted: string): string => formatted.replace(/,0(?=\D*$)/, "");
