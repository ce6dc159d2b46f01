// Canned answers of the fake API, each parsed by the contract's schema at load time: if the contract changes,
// the fake fails to start instead of drifting from it.
import { type LocateResponse, communeOutlineResponseSchema, locateResponseSchema } from "../../src/geo/geo.contract.ts";
import { type ScoreQpvReport, scoreQpvReportSchema } from "../../src/score-qpv/score-qpv.contract.ts";

const geography = { qpv: 2024, rural: "frr" } as const;

/** Real BAN addresses (Paris, June 2024) with their real QPV 2024 membership. */
export const cannedLocations: { match: RegExp; answer: LocateResponse }[] = [
  {
    match: /^rue de tanger/i,
    answer: locateResponseSchema.parse({
      date: "2025-01-15",
      geocoding: { label: "Rue de Tanger 75019 Paris", score: 0.71, matchType: "street", lat: 48.884507, lon: 2.367030, citycode: "75119", postcode: "75019", precisionM: 250 },
      failure: null,
      qpv: { code: "QN07513M", name: "Stalingrad Riquet", millesime: 2024 },
      rural: null,
      uncertain: true,
      uncertaintyReasons: ["low_score", "imprecise_match"],
      qpvBoundaryDistanceM: 38,
      geography,
    }),
  },
  {
    match: /tanger/i,
    answer: locateResponseSchema.parse({
      date: "2025-01-15",
      geocoding: { label: "2 Rue de Tanger 75019 Paris", score: 0.96, matchType: "housenumber", lat: 48.884467, lon: 2.367096, citycode: "75119", postcode: "75019", precisionM: 15 },
      failure: null,
      qpv: { code: "QN07513M", name: "Stalingrad Riquet", millesime: 2024 },
      rural: null,
      uncertain: false,
      uncertaintyReasons: [],
      qpvBoundaryDistanceM: 41,
      geography,
    }),
  },
  {
    match: /s[ée]gur/i,
    answer: locateResponseSchema.parse({
      date: "2025-01-15",
      geocoding: { label: "20 Avenue de Ségur 75007 Paris", score: 0.97, matchType: "housenumber", lat: 48.850699, lon: 2.308628, citycode: "75107", postcode: "75007", precisionM: 15 },
      failure: null,
      qpv: null,
      rural: null,
      uncertain: false,
      uncertaintyReasons: [],
      qpvBoundaryDistanceM: null,
      geography,
    }),
  },
];

export const notFoundLocation = (date: string): LocateResponse =>
  locateResponseSchema.parse({
    date,
    geocoding: null,
    failure: { reason: "not_found", message: "Aucune adresse correspondante dans la base d'adresses locale." },
    qpv: null,
    rural: null,
    uncertain: false,
    uncertaintyReasons: [],
    qpvBoundaryDistanceM: null,
    geography,
  });

/** Approximate outlines (convex hull of the BAN addresses of each arrondissement). */
const hulls: Record<string, { name: string; ring: number[][] }> = {
  "75119": {
    name: "Paris 19e Arrondissement",
    ring: [[2.36508, 48.88463], [2.37049, 48.87792], [2.37296, 48.87566], [2.37665, 48.87238], [2.37775, 48.87246], [2.4023, 48.87603], [2.40704, 48.87726], [2.4108, 48.87844], [2.39583, 48.89761], [2.39345, 48.89943], [2.39087, 48.90084], [2.38475, 48.90209], [2.38056, 48.90205], [2.37102, 48.90186], [2.37041, 48.90156], [2.36508, 48.88463]],
  },
  "75107": {
    name: "Paris 7e Arrondissement",
    ring: [[2.29115, 48.85853], [2.29153, 48.85733], [2.29589, 48.85439], [2.30067, 48.85147], [2.30744, 48.84734], [2.31397, 48.84611], [2.31736, 48.84719], [2.31961, 48.84804], [2.32844, 48.85195], [2.32943, 48.85291], [2.33325, 48.85824], [2.33208, 48.85887], [2.32648, 48.8608], [2.323, 48.86186], [2.31942, 48.86289], [2.31612, 48.86322], [2.31369, 48.86331], [2.30312, 48.86299], [2.29907, 48.86274], [2.29716, 48.8623], [2.29513, 48.8613], [2.29303, 48.85988], [2.29115, 48.85853]],
  },
};

export const communeOutline = (code: string) => {
  const hull = hulls[code];
  if (!hull) return null;
  return communeOutlineResponseSchema.parse({
    type: "Feature",
    properties: { code, name: hull.name, approximate: true },
    geometry: { type: "Polygon", coordinates: [hull.ring] },
  });
};

const row = (key: string, label: string, located: number | "< 5", qpv: number | "< 5", qpvShare: number | null, rural: number | "< 5" = 0) => ({
  key, label, located, qpv, rural, qpvShare,
});

/** A complete report, as the real server would store it for a small file. */
export const cannedReport = (rowsTotal: number): ScoreQpvReport =>
  scoreQpvReportSchema.parse({
    version: 1,
    generatedAt: "2025-01-15T10:30:00.000Z",
    period: { from: "2024-01-01", to: "2024-12-31", defaulted: true },
    rows: { total: rowsTotal, inPeriod: rowsTotal - 1, located: rowsTotal - 2, unlocated: 1, outOfPeriod: 1, invalid: 0, duplicates: 0 },
    unlocatedReasons: [{ reason: "not_found", label: "Adresse introuvable dans la base d'adresses", count: 1 }],
    invalidReasons: [],
    qpv: { count: 3, share: 3 / (rowsTotal - 2), uncertain: 1 },
    rural: { count: 0, share: 0, uncertain: 0 },
    geography: {
      qpv: [{ millesime: 2024, source: "ANCT, quartiers prioritaires 2024 (Licence Ouverte)", rows: rowsTotal - 2 }],
      rural: [{ scheme: "frr", millesime: "2025-07-10", source: "ANCT, classement France ruralités revitalisation (Licence Ouverte)", rows: rowsTotal - 2 }],
    },
    breakdowns: {
      byMonth: [
        row("2024-03", "mars 2024", 5, "< 5", 0.4),
        row("2024-06", "juin 2024", 5, "< 5", 0.2),
      ],
      byContractType: [row("cdi", "CDI", 6, "< 5", 0.333), row("cdd", "CDD", "< 5", "< 5", null)],
      byEstablishment: [row("paris-19", "Paris 19e", 5, "< 5", 0.4), row("paris-7", "Paris 7e", 5, "< 5", 0.2)],
      byQpv: [{ code: "QN07513M", name: "Stalingrad Riquet", millesime: 2024, count: "< 5" }],
      byDepartement: [row("75", "Paris (75)", rowsTotal - 2, 3, 3 / (rowsTotal - 2))],
    },
    reference: {
      nationalQpvShare: 0.08,
      nationalSource: "Insee, recensement de la population 2024",
      departements: [{ code: "75", name: "Paris", hires: rowsTotal - 2, qpvAddressShare: 0.12, source: "BAN et périmètres QPV 2024" }],
    },
    geocoder: { name: "Géocodeur local (BAN)", remoteUsed: false },
  });
