// The aggregated Score QPV report, built from per-row outcomes. Pure: the
// clock, the datasets and the reference shares come in as parameters. Only
// counts leave this module; a row's address never does.
import departements from "@etalab/decoupage-administratif/data/departements.json" with { type: "json" };
import type { Geography, Membership, QpvMillesime, RuralScheme } from "../geo/geography.types.ts";
import { type GeocodeFailureReason, type GeocodeMatch, geocodeFailureLabels } from "../geocoder/geocoder.types.ts";
import type { ScoreQpvReport } from "./score-qpv.contract.ts";
import { maskedShare, suppressColumn } from "./suppression.domain.ts";

export type HireFacts = { month: string; contractType: string | null; establishment: string | null };
export type InvalidReason = "missing_hire_date" | "unparseable_hire_date";
export type UnlocatedReason = GeocodeFailureReason | "invalid_coordinates" | "geography_not_imported";

export type RowOutcome =
  | { status: "invalid"; reason: InvalidReason }
  | { status: "duplicate" }
  | { status: "out_of_period"; hireDate: string }
  | { status: "unlocated"; reason: UnlocatedReason; hire: HireFacts }
  | {
      status: "located";
      hire: HireFacts;
      /** null when the row gave its own lat/lon. */
      match: GeocodeMatch | null;
      point: { lon: number; lat: number };
      membership: Membership;
      certainty: { uncertain: boolean; reasons: string[] };
      departement: string | null;
    };

/**
 * What the report reads of an outcome: a row's match (its address label) and
 * point are not part of it, so outcomes can be kept compactly and shared
 * between rows (src/score-qpv/score.use-case.ts, single pass).
 */
export type TalliedOutcome =
  | Exclude<RowOutcome, { status: "located" }>
  | {
      status: "located";
      hire: HireFacts;
      membership: Pick<Membership, "qpv" | "rural" | "geography">;
      certainty: { uncertain: boolean; reasons: readonly string[] };
      departement: string | null;
    };

export const NATIONAL_QPV_SHARE = 0.08;
export const NATIONAL_QPV_SOURCE = "Insee 2024 : 5,3 millions d'habitants vivent dans les 1 362 QPV de l'hexagone, soit 8 % de la population";
export const DEPARTEMENT_SHARE_SOURCE = "Part des adresses BAN du département situées en QPV 2024, approximation de la population";

export const unlocatedReasonLabels: Record<UnlocatedReason, string> = {
  ...geocodeFailureLabels,
  invalid_coordinates: "Coordonnées (latitude, longitude) illisibles",
  geography_not_imported: "Périmètres QPV en vigueur à la date d'embauche non importés",
};

const invalidLabel = (reason: InvalidReason, column: string | null) =>
  `${reason === "missing_hire_date" ? "Date d'embauche absente" : "Date d'embauche illisible"}${column ? ` (colonne « ${column} »)` : ""}`;

const departementNames = new Map((departements as { code: string; nom: string }[]).map((d) => [d.code, d.nom]));

/** Département of an INSEE commune code: 3 characters overseas (971…), else 2 (2A, 2B for Corsica). */
export const departementOf = (citycode: string): string => (/^9[78]/.test(citycode) ? citycode.slice(0, 3) : citycode.slice(0, 2));

const monthNames = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
export const monthLabel = (month: string) => `${monthNames[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

export type ReportContext = {
  period: { from: string; to: string; defaulted: boolean };
  datasets: Geography["datasets"];
  geocoderName: string;
  /** Header of the hire date column, to name it in the reasons. */
  hireDateColumn: string | null;
  departementQpvAddressShare?: (code: string) => number | null;
  generatedAt: Date;
};

type Cell = { label: string; located: number; qpv: number; rural: number };

const FIRST_LINES = 10;

export const createReportBuilder = (context: ReportContext) => {
  const rows = { total: 0, inPeriod: 0, located: 0, unlocated: 0, outOfPeriod: 0, invalid: 0, duplicates: 0 };
  const qpv = { count: 0, uncertain: 0 };
  const rural = { count: 0, uncertain: 0 };
  const unlocated = new Map<UnlocatedReason, number>();
  const invalid = new Map<InvalidReason, { count: number; firstLines: number[] }>();
  const qpvRows = new Map<QpvMillesime, number>();
  const ruralRows = new Map<RuralScheme, number>();
  const byQpv = new Map<string, { code: string; name: string; millesime: number; count: number }>();
  const breakdowns = { byMonth: new Map<string, Cell>(), byContractType: new Map<string, Cell>(), byEstablishment: new Map<string, Cell>(), byDepartement: new Map<string, Cell>() };

  const count = (map: Map<string, Cell>, key: string, label: string, inQpv: boolean, isRural: boolean) => {
    const cell = map.get(key) ?? { label, located: 0, qpv: 0, rural: 0 };
    cell.located++;
    if (inQpv) cell.qpv++;
    if (isRural) cell.rural++;
    map.set(key, cell);
  };

  const addLocated = (o: Extract<TalliedOutcome, { status: "located" }>) => {
    rows.located++;
    const { membership } = o;
    const inQpv = membership.qpv !== null;
    const isRural = membership.rural !== null;
    if (inQpv) qpv.count++;
    if (o.certainty.uncertain) qpv.uncertain++;
    if (isRural) rural.count++;
    if (isRural && o.certainty.reasons.includes("low_score")) rural.uncertain++;
    qpvRows.set(membership.geography.qpv, (qpvRows.get(membership.geography.qpv) ?? 0) + 1);
    ruralRows.set(membership.geography.rural, (ruralRows.get(membership.geography.rural) ?? 0) + 1);
    if (membership.qpv) {
      const key = `${membership.qpv.millesime}:${membership.qpv.code}`;
      const entry = byQpv.get(key) ?? { code: membership.qpv.code, name: membership.qpv.name, millesime: membership.qpv.millesime, count: 0 };
      entry.count++;
      byQpv.set(key, entry);
    }
    const { hire } = o;
    count(breakdowns.byMonth, hire.month, monthLabel(hire.month), inQpv, isRural);
    const contract = hire.contractType?.trim() ?? "";
    count(breakdowns.byContractType, contract.toLowerCase(), contract || "Non renseigné", inQpv, isRural);
    const site = hire.establishment?.trim() ?? "";
    count(breakdowns.byEstablishment, site.toLowerCase(), site || "Non renseigné", inQpv, isRural);
    if (o.departement) {
      const name = departementNames.get(o.departement);
      count(breakdowns.byDepartement, o.departement, name ? `${o.departement} — ${name}` : o.departement, inQpv, isRural);
    }
  };

  const add = (outcome: TalliedOutcome, line: number) => {
    rows.total++;
    switch (outcome.status) {
      case "invalid": {
        rows.invalid++;
        const entry = invalid.get(outcome.reason) ?? { count: 0, firstLines: [] };
        entry.count++;
        if (entry.firstLines.length < FIRST_LINES) entry.firstLines.push(line);
        invalid.set(outcome.reason, entry);
        return;
      }
      case "duplicate":
        rows.duplicates++;
        return;
      case "out_of_period":
        rows.outOfPeriod++;
        return;
      case "unlocated":
        rows.inPeriod++;
        rows.unlocated++;
        unlocated.set(outcome.reason, (unlocated.get(outcome.reason) ?? 0) + 1);
        return;
      case "located":
        rows.inPeriod++;
        addLocated(outcome);
    }
  };

  const build = (): ScoreQpvReport => {
    const share = (n: number) => (rows.located > 0 ? n / rows.located : null);
    const departementRows = breakdownRows(breakdowns.byDepartement, (a, b) => a.key.localeCompare(b.key));
    const qpvList = [...byQpv.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
    const qpvCounts = suppressColumn(qpvList.map((q) => q.count));
    return {
      version: 1,
      generatedAt: context.generatedAt.toISOString(),
      period: context.period,
      rows: { ...rows },
      unlocatedReasons: [...unlocated].sort((a, b) => b[1] - a[1]).map(([reason, n]) => ({ reason, label: unlocatedReasonLabels[reason], count: n })),
      invalidReasons: [...invalid].map(([reason, e]) => ({ reason, label: invalidLabel(reason, context.hireDateColumn), count: e.count, firstLines: e.firstLines })),
      qpv: { count: qpv.count, share: share(qpv.count), uncertain: qpv.uncertain },
      rural: { count: rural.count, share: share(rural.count), uncertain: rural.uncertain },
      geography: {
        qpv: ([2015, 2024] as const).filter((m) => qpvRows.has(m)).map((m) => ({
          millesime: m,
          source: context.datasets.qpv[m]?.source ?? "non importé",
          rows: qpvRows.get(m) ?? 0,
        })),
        rural: (["zrr", "frr"] as const).filter((s) => ruralRows.has(s)).map((s) => ({
          scheme: s,
          millesime: context.datasets[s]?.millesime ?? "non importé",
          source: context.datasets[s]?.source ?? "non importé",
          rows: ruralRows.get(s) ?? 0,
        })),
      },
      breakdowns: {
        byMonth: breakdownRows(breakdowns.byMonth, (a, b) => a.key.localeCompare(b.key)),
        byContractType: breakdownRows(breakdowns.byContractType, byCountThenLabel),
        byEstablishment: breakdownRows(breakdowns.byEstablishment, byCountThenLabel),
        byQpv: qpvList.map((q, i) => ({ code: q.code, name: q.name, millesime: q.millesime, count: qpvCounts[i] })),
        byDepartement: departementRows,
      },
      reference: {
        nationalQpvShare: NATIONAL_QPV_SHARE,
        nationalSource: NATIONAL_QPV_SOURCE,
        departements: departementRows.map((row) => ({
          code: row.key,
          name: departementNames.get(row.key) ?? row.key,
          hires: row.located,
          qpvAddressShare: context.departementQpvAddressShare?.(row.key) ?? null,
          source: DEPARTEMENT_SHARE_SOURCE,
        })),
      },
      geocoder: { name: context.geocoderName, remoteUsed: context.geocoderName !== "offline" },
    };
  };

  return { add, build, rows: () => ({ ...rows }) };
};

export type ReportBuilder = ReturnType<typeof createReportBuilder>;

type Keyed = Cell & { key: string };
const byCountThenLabel = (a: Keyed, b: Keyed) => b.located - a.located || a.label.localeCompare(b.label, "fr");

/** Sorted breakdown rows, each column suppressed on its own. */
const breakdownRows = (map: Map<string, Cell>, order: (a: Keyed, b: Keyed) => number): ScoreQpvReport["breakdowns"]["byMonth"] => {
  const cells = [...map].map(([key, cell]) => ({ key, ...cell })).sort(order);
  const located = suppressColumn(cells.map((c) => c.located));
  const qpv = suppressColumn(cells.map((c) => c.qpv));
  const rural = suppressColumn(cells.map((c) => c.rural));
  return cells.map((cell, i) => ({
    key: cell.key,
    label: cell.label,
    located: located[i],
    qpv: qpv[i],
    rural: rural[i],
    qpvShare: maskedShare(qpv[i], located[i]),
  }));
};
