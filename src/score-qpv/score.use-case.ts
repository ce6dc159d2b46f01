// Score QPV pipeline: stream the HR rows, skip invalid / duplicate / out-of-period
// ones, geocode the rest in chunks, measure each hire against the geography in
// force at its hire date, aggregate. Addresses live only in the current chunk.
import { assessCertainty, assessPointCertainty } from "../geo/certainty.ts";
import type { Geography, Membership } from "../geo/geography.types.ts";
import { geographyAt } from "../geo/geography.types.ts";
import type { AddressInput, GeocodeMatch, GeocodeResult, Geocoder } from "../geocoder/geocoder.types.ts";
import type { ColumnMapping, ScoreQpvReport } from "./score-qpv.contract.ts";
import { hasAddressText } from "./column-mapping.domain.ts";
import { type ParsedDate, twelveMonthsEndingAt } from "./dates.domain.ts";
import { assertScorable, type HrRow, type HrSource, openHrFile } from "./hr-file.reader.ts";
import { createReportBuilder, departementOf, type HireFacts, type RowOutcome } from "./report.domain.ts";
import { scoreError } from "./score-qpv.errors.ts";

/** The signature of `assessCertainty` in src/geo/certainty.ts (injectable for tests). */
export type AssessCertainty = (
  match: GeocodeMatch,
  membership: Membership,
  communeHasQpv: boolean,
) => { uncertain: boolean; reasons: readonly string[] };

export type ScoreQpvInput = {
  source: HrSource;
  mapping?: ColumnMapping;
  sheet?: string;
  /** ISO dates (inclusive). Default: the 12 months ending at the most recent hire date. */
  from?: string;
  to?: string;
  maxBytes?: number;
  geocoder: Geocoder;
  geography: Geography;
  /** Default: assessCertainty of src/geo/certainty.ts. */
  assessCertainty?: AssessCertainty;
  departementQpvAddressShare?: (code: string) => number | null;
  onProgress?: (done: number, total: number | null) => void | Promise<void>;
  /** Headers of the file (for `--rows`), before the first row. */
  onHeader?: (headers: string[]) => void | Promise<void>;
  /** Each row with its outcome, in file order (for `--rows`). */
  onRow?: (row: HrRow, outcome: RowOutcome) => void | Promise<void>;
  chunkSize?: number;
  progressEvery?: number;
  now?: () => Date;
};

type Pending = {
  row: HrRow;
  /** Decided without geocoding. */
  outcome?: RowOutcome;
  hire?: HireFacts;
  date?: Date;
  /** Index of this row's request in the chunk's geocoding batch. */
  request?: number;
};

const norm = (s: string | undefined) => (s ?? "").toLowerCase().replace(/\s+/g, " ").trim();

/** cyrb53: a fast 53-bit string hash (collision odds at 1,000,000 rows: about 1 in 20,000). */
const hash53 = (text: string): number => {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
};

/** Same address, hire date and contract: one hire. Only a 53-bit digest is kept in memory, never the address. */
const duplicateKey = (row: HrRow, iso: string): number => {
  const { address, coordinates, contractType } = row.fields;
  const key = [address.full, address.street, address.complement, address.postcode, address.city].map(norm).join("|");
  return hash53(`${key}|${coordinates?.lat ?? ""},${coordinates?.lon ?? ""}|${iso}|${norm(contractType ?? "")}`);
};

/** Period asked for, or the 12 months ending at the latest hire date (first pass over the file). */
const resolvePeriod = async (input: ScoreQpvInput, hireDates: () => AsyncGenerator<ParsedDate>, hireColumn: string) => {
  if (input.from && input.to) {
    if (input.from > input.to) throw scoreError("score.invalid_period", { from: input.from, to: input.to });
    return { period: { from: input.from, to: input.to, defaulted: false }, total: null };
  }
  let latest: string | null = null;
  let total = 0;
  for await (const date of hireDates()) {
    total++;
    if (date.ok && (latest === null || date.iso > latest)) latest = date.iso;
  }
  const to = input.to ?? latest;
  if (to === null) throw scoreError("score.no_dated_row", { column: hireColumn });
  const from = input.from ?? twelveMonthsEndingAt(to).from;
  if (from > to) throw scoreError("score.invalid_period", { from, to });
  return { period: { from, to, defaulted: true }, total };
};

export const runScoreQpv = async (input: ScoreQpvInput): Promise<ScoreQpvReport> => {
  const { geocoder, geography } = input;
  const file = await openHrFile(input.source, { sheet: input.sheet, mapping: input.mapping, maxBytes: input.maxBytes });
  const { layout } = file;
  assertScorable(layout);
  const hireColumn = layout.headers[layout.mapping.hireDate ?? 0];
  const { period, total } = await resolvePeriod(input, () => file.hireDates(), hireColumn);
  await input.onHeader?.(layout.headers);

  const builder = createReportBuilder({
    period,
    datasets: geography.datasets,
    geocoderName: geocoder.name,
    hireDateColumn: hireColumn,
    departementQpvAddressShare: input.departementQpvAddressShare,
    generatedAt: (input.now ?? (() => new Date()))(),
  });
  const chunkSize = input.chunkSize ?? 500;
  const progressEvery = input.progressEvery ?? 1000;
  const seen = new Set<number>();
  const inForceByDate = new Map<string, ReturnType<typeof geographyAt>>();
  const geographyOn = (iso: string, date: Date) => {
    let inForce = inForceByDate.get(iso);
    if (!inForce) inForceByDate.set(iso, (inForce = geographyAt(date)));
    return inForce;
  };
  let done = 0;

  /** What can be decided before geocoding; `request` is set when the row needs the geocoder. */
  const triage = (row: HrRow, requests: AddressInput[]): Pending => {
    const { fields } = row;
    if (!fields.hireDate.ok) {
      return { row, outcome: { status: "invalid", reason: fields.hireDate.reason === "missing" ? "missing_hire_date" : "unparseable_hire_date" } };
    }
    const iso = fields.hireDate.iso;
    const key = duplicateKey(row, iso);
    if (seen.has(key)) return { row, outcome: { status: "duplicate" } };
    seen.add(key);
    if (iso < period.from || iso > period.to) return { row, outcome: { status: "out_of_period", hireDate: iso } };
    const date = new Date(`${iso}T00:00:00Z`);
    const inForce = geographyOn(iso, date);
    const hire: HireFacts = { month: iso.slice(0, 7), contractType: fields.contractType, establishment: fields.establishment };
    if (!geography.datasets.qpv[inForce.qpv]) return { row, outcome: { status: "unlocated", reason: "geography_not_imported", hire } };
    const { address, coordinates } = fields;
    if (coordinates) {
      // Coordinates are taken as they are; a postcode or city, when given, only names the commune (rural class).
      const commune: AddressInput = {};
      if (address.postcode) commune.postcode = address.postcode;
      if (address.city) commune.city = address.city;
      const request = commune.postcode || commune.city ? requests.push(commune) - 1 : undefined;
      return { row, hire, date, request };
    }
    if (!hasAddressText(address)) {
      return { row, outcome: { status: "unlocated", reason: fields.coordinatesInvalid ? "invalid_coordinates" : "empty_address", hire } };
    }
    return { row, hire, date, request: requests.push(address) - 1 };
  };

  const measure = (pending: Pending, result: GeocodeResult | undefined): RowOutcome => {
    const hire = pending.hire as HireFacts;
    const date = pending.date as Date;
    const coordinates = pending.row.fields.coordinates;
    if (coordinates) {
      const point = { lon: coordinates.lon, lat: coordinates.lat };
      const citycode = result?.ok ? result.citycode : null;
      const membership: Membership = citycode
        ? geography.classify(point.lon, point.lat, citycode, date)
        : { qpv: geography.qpvAt(point.lon, point.lat, geographyAt(date).qpv), rural: null, qpvBoundaryDistanceM: null, geography: geographyAt(date) };
      const certainty = assessPointCertainty(membership);
      return { status: "located", hire, match: null, point, membership, certainty: { uncertain: certainty.uncertain, reasons: [...certainty.reasons] }, departement: citycode ? departementOf(citycode) : null };
    }
    if (!result || !result.ok) return { status: "unlocated", reason: result?.reason ?? "empty_address", hire };
    const membership = geography.classify(result.lon, result.lat, result.citycode, date);
    const certainty = (input.assessCertainty ?? assessCertainty)(result, membership, geography.communeHasQpv(result.citycode, membership.geography.qpv));
    return {
      status: "located",
      hire,
      match: result,
      point: { lon: result.lon, lat: result.lat },
      membership,
      certainty: { uncertain: certainty.uncertain, reasons: [...certainty.reasons] },
      departement: departementOf(result.citycode),
    };
  };

  let chunk: HrRow[] = [];
  const flush = async () => {
    const requests: AddressInput[] = [];
    const pendings = chunk.map((row) => triage(row, requests));
    chunk = [];
    const results = requests.length ? await geocoder.geocodeMany(requests) : [];
    for (const pending of pendings) {
      const outcome = pending.outcome ?? measure(pending, pending.request === undefined ? undefined : results[pending.request]);
      builder.add(outcome, pending.row.line);
      // Await only real callbacks: an `await undefined` per row costs a microtask on the hot path.
      if (input.onRow) await input.onRow(pending.row, outcome);
      done++;
      if (done % progressEvery === 0 && input.onProgress) await input.onProgress(done, total);
    }
  };

  for await (const row of file.rows()) {
    chunk.push(row);
    if (chunk.length >= chunkSize) await flush();
  }
  await flush();
  await input.onProgress?.(done, total ?? done);
  return builder.build();
};
