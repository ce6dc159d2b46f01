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
import { createReportBuilder, departementOf, type HireFacts, type RowOutcome, type TalliedOutcome } from "./report.domain.ts";
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

/**
 * A set of 53-bit digests in one Float64Array (open addressing, half full at most): a
 * million rows take 16 MB outside the JavaScript heap, where a Set<number> would box
 * each digest on the heap (≈ 40 MB) and slow every collection down.
 */
export const createDigestSet = () => {
  let slots = new Float64Array(1 << 12);
  let size = 0;
  const slotOf = (table: Float64Array, digest: number): number => {
    const mask = table.length - 1;
    let i = digest % table.length; // length is a power of two: the low bits
    while (table[i] !== 0 && table[i] !== digest) i = (i + 1) & mask;
    return i;
  };
  return {
    /** Adds the digest; false when it was already there. */
    add(digest: number): boolean {
      const d = digest === 0 ? 1 : digest; // 0 marks an empty slot
      const i = slotOf(slots, d);
      if (slots[i] === d) return false;
      slots[i] = d;
      if (++size * 2 > slots.length) {
        const old = slots;
        slots = new Float64Array(old.length * 2);
        for (const value of old) if (value !== 0) slots[slotOf(slots, value)] = value;
      }
      return true;
    },
  };
};

/** Same address, hire date and contract: one hire. Only a 53-bit digest is kept in memory, never the address. */
const duplicateKey = (row: HrRow, iso: string): number => {
  const { address, coordinates, contractType } = row.fields;
  const key = [address.full, address.street, address.complement, address.postcode, address.city].map(norm).join("|");
  return hash53(`${key}|${coordinates?.lat ?? ""},${coordinates?.lon ?? ""}|${iso}|${norm(contractType ?? "")}`);
};

type Period = { from: string; to: string; defaulted: boolean };

const checked = (period: Period): Period => {
  if (period.from > period.to) throw scoreError("score.invalid_period", { from: period.from, to: period.to });
  return period;
};

/** The period ending at the latest hire date (`to` not given), from `from` or else 12 months back. */
const endingAtLatest = (from: string | undefined, latest: string | null, hireColumn: string): Period => {
  if (latest === null) throw scoreError("score.no_dated_row", { column: hireColumn });
  return checked({ from: from ?? twelveMonthsEndingAt(latest).from, to: latest, defaulted: true });
};

/**
 * The period when it can be known before scoring: asked for, derived from `to`, or — only
 * when every row must be reported in file order (`onRow`) — from a first pass over the hire
 * dates. Otherwise null: it ends at the latest hire date, known after the single pass.
 */
const periodBeforeScoring = async (input: ScoreQpvInput, hireDates: () => AsyncGenerator<ParsedDate>, hireColumn: string) => {
  if (input.to) return { period: checked({ from: input.from ?? twelveMonthsEndingAt(input.to).from, to: input.to, defaulted: !input.from }), total: null };
  if (!input.onRow) return { period: null, total: null };
  let latest: string | null = null;
  let total = 0;
  for await (const date of hireDates()) {
    total++;
    if (date.ok && (latest === null || date.iso > latest)) latest = date.iso;
  }
  return { period: endingAtLatest(input.from, latest, hireColumn), total };
};

/**
 * Outcomes kept until the period is known (single pass): per row, its line, hire date and
 * an interned outcome as the report reads it — never an address, a match or a point.
 * Rows sharing month, contract, site, QPV, rural class and certainty share one entry.
 */
const createOutcomeLog = () => {
  const shapes: TalliedOutcome[] = [];
  const shapeIds = new Map<string, number>();
  const dates: string[] = [];
  const dateIds = new Map<string, number>();
  let shapeOf = new Int32Array(1024);
  let dateOf = new Int32Array(1024);
  let lineOf = new Int32Array(1024);
  let size = 0;
  const text = (s: string | null) => (s === null ? "-" : `${s.length}:${s}`);
  const keyOf = (o: TalliedOutcome): string => {
    switch (o.status) {
      case "invalid":
        return `i${o.reason}`;
      case "duplicate":
        return "d";
      case "out_of_period":
        return `o${o.hireDate}`;
      case "unlocated":
        return `u${o.reason}|${o.hire.month}|${text(o.hire.contractType)}${text(o.hire.establishment)}`;
      case "located": {
        const { qpv, rural, geography } = o.membership;
        return `l${o.hire.month}|${text(o.hire.contractType)}${text(o.hire.establishment)}|${qpv ? `${qpv.millesime}:${qpv.code}` : ""}|${rural ? 1 : 0}` +
          `|${geography.qpv}|${geography.rural}|${o.certainty.uncertain ? 1 : 0}|${o.certainty.reasons.join(",")}|${o.departement ?? ""}`;
      }
    }
  };
  const compact = (o: TalliedOutcome): TalliedOutcome => {
    if (o.status !== "located") return o;
    const { qpv, rural, geography } = o.membership;
    return { status: "located", hire: o.hire, membership: { qpv, rural, geography }, certainty: { uncertain: o.certainty.uncertain, reasons: [...o.certainty.reasons] }, departement: o.departement };
  };
  return {
    add(outcome: TalliedOutcome, line: number, iso: string | null) {
      if (size === shapeOf.length) {
        const grow = (a: Int32Array) => { const b = new Int32Array(a.length * 2); b.set(a); return b; };
        shapeOf = grow(shapeOf);
        dateOf = grow(dateOf);
        lineOf = grow(lineOf);
      }
      const key = keyOf(outcome);
      let shape = shapeIds.get(key);
      if (shape === undefined) shapeIds.set(key, (shape = shapes.push(compact(outcome)) - 1));
      let date = -1;
      if (iso !== null) {
        date = dateIds.get(iso) ?? -1;
        if (date < 0) dateIds.set(iso, (date = dates.push(iso) - 1));
      }
      shapeOf[size] = shape;
      dateOf[size] = date;
      lineOf[size] = line;
      size++;
    },
    /** Every row in file order, out of period when its hire date falls before `from`. */
    *replay(from: string): Generator<[TalliedOutcome, number]> {
      for (let i = 0; i < size; i++) {
        const iso = dateOf[i] >= 0 ? dates[dateOf[i]] : null;
        yield [iso !== null && iso < from ? { status: "out_of_period", hireDate: iso } : shapes[shapeOf[i]], lineOf[i]];
      }
    },
  };
};

export const runScoreQpv = async (input: ScoreQpvInput): Promise<ScoreQpvReport> => {
  const { geocoder, geography } = input;
  const file = await openHrFile(input.source, { sheet: input.sheet, mapping: input.mapping, maxBytes: input.maxBytes });
  const { layout } = file;
  assertScorable(layout);
  const hireColumn = layout.headers[layout.mapping.hireDate ?? 0];
  const { period, total } = await periodBeforeScoring(input, () => file.hireDates(), hireColumn);
  await input.onHeader?.(layout.headers);

  const newBuilder = (reportPeriod: Period) => createReportBuilder({
    period: reportPeriod,
    datasets: geography.datasets,
    geocoderName: geocoder.name,
    hireDateColumn: hireColumn,
    departementQpvAddressShare: input.departementQpvAddressShare,
    generatedAt: (input.now ?? (() => new Date()))(),
  });
  const builder = period ? newBuilder(period) : null;
  const log = period ? null : createOutcomeLog();
  // Single pass: the latest hire date so far; a hire before the 12 months ending at it is out of period whatever comes next.
  let latest: string | null = null;
  let windowFrom = input.from ?? "";
  const outOfPeriod = (iso: string): boolean => {
    if (period) return iso < period.from || iso > period.to;
    if (latest === null || iso > latest) {
      latest = iso;
      if (!input.from) windowFrom = twelveMonthsEndingAt(latest).from;
    }
    return iso < windowFrom;
  };
  const chunkSize = input.chunkSize ?? 500;
  const progressEvery = input.progressEvery ?? 1000;
  const seen = createDigestSet();
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
    if (!seen.add(key)) return { row, outcome: { status: "duplicate" } };
    if (outOfPeriod(iso)) return { row, outcome: { status: "out_of_period", hireDate: iso } };
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
      if (builder) builder.add(outcome, pending.row.line);
      else log?.add(outcome, pending.row.line, pending.row.fields.hireDate.ok ? pending.row.fields.hireDate.iso : null);
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
  if (builder) return builder.build();
  const found = endingAtLatest(input.from, latest, hireColumn);
  const late = newBuilder(found);
  for (const [outcome, line] of (log as ReturnType<typeof createOutcomeLog>).replay(found.from)) late.add(outcome, line);
  return late.build();
};
