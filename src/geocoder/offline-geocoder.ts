// Offline geocoder over the imported BAN. Hot path without SQL: communes are
// in memory, each commune's addresses are loaded once (one query) into a
// bounded cache, streets match exactly after normalisation and fuzzily in
// memory otherwise; pg_trgm on `ban_streets` is the rare, cached fallback.
import { sql } from "kysely";
import type { Executor } from "../server/transaction.ts";
import { parseAddress, type ParsedAddress } from "./address-normaliser.ts";
import { createCommuneCache } from "./commune-cache.ts";
import { loadCommuneDirectory, type CommuneDirectory, type CommuneRef } from "./commune-directory.ts";
import type { AddressInput, GeocodeFailure, GeocodeMatch, GeocodeResult, Geocoder } from "./geocoder.types.ts";
import { locateNumber, type CommuneIndex, type StreetMatch } from "./street-index.ts";
import { haversineM } from "./commune-outline.domain.ts";

export type OfflineGeocoderOptions = {
  /** Bound of the address cache, in addresses (≈ 60 bytes each); default 2,000,000. */
  maxCachedAddresses?: number;
  /** Street given but not found: fail with street_not_found instead of the commune centroid (score 0.3). */
  failOnUnknownStreet?: boolean;
  /** reverse(): no answer beyond this distance to the nearest address (default 500 m). */
  reverseMaxDistanceM?: number;
};

export type OfflineGeocoder = Geocoder & {
  /** Nearest BAN address of a point (for lat/lon lookups), or null if none within reverseMaxDistanceM. */
  reverse(lon: number, lat: number): Promise<GeocodeMatch | null>;
  /** Reloads communes and coverage after an import, empties the cache. */
  refresh(): Promise<void>;
  cacheStats(): { communes: number; addresses: number; loads: number; evictions: number; sqlFallbacks: number };
};

type Covered = { lon: number; lat: number; radiusM: number; departement: string };
type Context = { directory: CommuneDirectory; covered: Map<string, Covered>; departements: Set<string> };
type Needs = { load: string[] } | { sql: { codes: string[] | null; departement: string | null; streetNorm: string } };

const suffixLabels: Record<string, string> = { b: " bis", t: " ter", q: " quater", c: " quinquies" };
const suffixLabel = (s: string) => (s ? (suffixLabels[s] ?? ` ${s.toUpperCase()}`) : "");
const round = (x: number) => Math.round(x * 1000) / 1000;

export const createOfflineGeocoder = (db: Executor, opts: OfflineGeocoderOptions = {}): OfflineGeocoder => {
  const cache = createCommuneCache(db, opts.maxCachedAddresses ?? 2_000_000);
  const sqlAnswers = new Map<string, { code: string; streetNorm: string } | null>();
  let sqlFallbacks = 0;
  let context: Promise<Context> | null = null;

  const loadContext = async (): Promise<Context> => {
    const directory = await loadCommuneDirectory(db);
    const rows = await db.selectFrom("ban_communes").select(["code_insee", "lon", "lat", "radius_m", "departement"]).execute();
    const covered = new Map(rows.map((r) => [r.code_insee, { lon: r.lon, lat: r.lat, radiusM: r.radius_m, departement: r.departement }]));
    return { directory, covered, departements: new Set(rows.map((r) => r.departement)) };
  };
  const ready = () => (context ??= loadContext().catch((error) => { context = null; throw error; }));

  const cityLabel = (ctx: Context, code: string) => ctx.directory.displayName(code);

  const municipality = (ctx: Context, communes: CommuneRef[], parsed: ParsedAddress, score: number): GeocodeMatch => {
    const covered = communes.filter((c) => ctx.covered.has(c.code));
    const parents = new Set(covered.map((c) => c.parent));
    const single = covered.length === 1 || parents.size !== 1 || !covered[0].parent;
    const code = single ? covered[0].code : (covered[0].parent as string);
    const points = single ? [ctx.covered.get(covered[0].code) as Covered] : covered.map((c) => ctx.covered.get(c.code) as Covered);
    const lon = points.reduce((s, p) => s + p.lon, 0) / points.length;
    const lat = points.reduce((s, p) => s + p.lat, 0) / points.length;
    const precisionM = Math.max(...points.map((p) => haversineM(lon, lat, p.lon, p.lat) + p.radiusM));
    const label = ctx.directory.get(code)?.nom ?? cityLabel(ctx, code);
    return { ok: true, label, score, matchType: "municipality", lon: round6(lon), lat: round6(lat), citycode: code, postcode: parsed.postcode ?? "", precisionM: Math.round(precisionM) };
  };

  const fromStreet = (ctx: Context, code: string, match: StreetMatch, parsed: ParsedAddress, factor: number): GeocodeMatch => {
    const { street } = match;
    const q = match.quality * factor;
    const city = cityLabel(ctx, code);
    const base = { ok: true as const, citycode: code, postcode: street.postcode };
    if (parsed.number !== null) {
      const found = locateNumber(street, parsed.number, parsed.suffix);
      if (found.kind === "exact") {
        return { ...base, label: `${found.number}${suffixLabel(found.suffix)} ${street.name} ${street.postcode} ${city}`, score: round((found.suffixMatched ? 0.97 : 0.9) * q), matchType: "housenumber", lon: found.lon, lat: found.lat, precisionM: 10 };
      }
      if (found.kind === "nearby") {
        return { ...base, label: `${street.name} ${street.postcode} ${city}`, score: round(0.72 * q), matchType: "street", lon: round6(found.lon), lat: round6(found.lat), precisionM: Math.round(found.precisionM) };
      }
    }
    return { ...base, label: `${street.name} ${street.postcode} ${city}`, score: round(0.75 * q), matchType: "street", lon: round6(street.lon), lat: round6(street.lat), precisionM: Math.round(street.radiusM) };
  };

  /** Best street over the candidate communes: exact in any of them first, fuzzy only if none. */
  const bestStreet = (indexes: CommuneIndex[], streetNorm: string, number: number | null): { index: CommuneIndex; match: StreetMatch } | null => {
    for (const find of [(i: CommuneIndex) => i.findExact(streetNorm), (i: CommuneIndex) => i.findStreet(streetNorm)]) {
      let best: { index: CommuneIndex; match: StreetMatch } | null = null;
      let bestHasNumber = false;
      for (const index of indexes) {
        const match = find(index);
        if (!match) continue;
        const holds = hasNumber(match, number);
        // Same street in several arrondissements: the one holding the number wins, then quality, then size.
        if (!best || (holds && !bestHasNumber) || (holds === bestHasNumber && (match.quality > best.match.quality ||
          (match.quality === best.match.quality && match.street.numbers.length > best.match.street.numbers.length)))) {
          best = { index, match };
          bestHasNumber = holds;
        }
      }
      if (best) return best;
    }
    return null;
  };

  const hasNumber = (m: StreetMatch, n: number | null) => n !== null && locateNumber(m.street, n, "").kind === "exact";

  /** Synchronous attempt: a result, or what must be loaded/queried first. */
  const attempt = (ctx: Context, parsed: ParsedAddress, sqlHint: { code: string; streetNorm: string } | null | undefined): GeocodeResult | Needs => {
    const resolution = ctx.directory.resolve(parsed);
    if (!resolution.ok) {
      const { departement } = resolution;
      if (resolution.reason === "commune_not_found" && departement && ctx.departements.has(departement) && parsed.streetNorm) {
        if (sqlHint === undefined) return { sql: { codes: null, departement, streetNorm: parsed.streetNorm } };
        if (sqlHint) {
          const index = cache.peek(sqlHint.code);
          if (!index) return { load: [sqlHint.code] };
          const match = index.findStreet(sqlHint.streetNorm);
          if (match) return fromStreet(ctx, sqlHint.code, match, parsed, 0.8);
        }
      }
      return { ok: false, reason: resolution.reason };
    }
    const covered = resolution.communes.filter((c) => ctx.covered.has(c.code));
    if (!covered.length) return { ok: false, reason: "commune_not_covered", citycode: resolution.communes[0].code };
    const missing = covered.filter((c) => !cache.peek(c.code)).map((c) => c.code);
    if (missing.length) return { load: missing };
    const indexes = covered.map((c) => cache.peek(c.code) as CommuneIndex);
    const factor = 0.9 + 0.1 * resolution.nameSimilarity;
    if (parsed.streetNorm) {
      const found = bestStreet(indexes, parsed.streetNorm, parsed.number);
      if (found) return fromStreet(ctx, found.index.code, found.match, parsed, factor);
      for (const index of indexes) {
        const locality = index.findLocality(parsed.streetNorm) ?? (parsed.localityNorm ? index.findLocality(parsed.localityNorm) : null);
        if (locality) return localityMatch(ctx, index.code, locality, parsed);
      }
      if (sqlHint === undefined) return { sql: { codes: covered.map((c) => c.code), departement: null, streetNorm: parsed.streetNorm } };
      if (sqlHint) {
        const index = cache.peek(sqlHint.code);
        const match = index?.findStreet(sqlHint.streetNorm);
        if (index && match) return fromStreet(ctx, index.code, { ...match, quality: 0.75 }, parsed, factor);
      }
      if (opts.failOnUnknownStreet) return { ok: false, reason: "street_not_found", citycode: covered[0].code };
      return municipality(ctx, covered, parsed, round(0.3 * factor));
    }
    if (parsed.localityNorm) {
      for (const index of indexes) {
        const locality = index.findLocality(parsed.localityNorm);
        if (locality) return localityMatch(ctx, index.code, locality, parsed);
      }
    }
    return municipality(ctx, covered, parsed, round(0.45 * factor));
  };

  const localityMatch = (ctx: Context, code: string, locality: { name: string; lon: number; lat: number; radiusM: number }, parsed: ParsedAddress): GeocodeMatch => ({
    ok: true, label: `${locality.name} ${parsed.postcode ?? ""} ${cityLabel(ctx, code)}`.replace(/ +/g, " "), score: 0.6, matchType: "locality",
    lon: round6(locality.lon), lat: round6(locality.lat), citycode: code, postcode: parsed.postcode ?? "", precisionM: Math.round(locality.radiusM),
  });

  /** pg_trgm nearest street (GiST `<->`), cached: only for what the memory index could not match. */
  const sqlStreet = async (needs: { codes: string[] | null; departement: string | null; streetNorm: string }) => {
    const key = `${needs.codes?.join(",") ?? `dep:${needs.departement}`}|${needs.streetNorm}`;
    if (sqlAnswers.has(key)) return sqlAnswers.get(key) ?? null;
    sqlFallbacks++;
    const scope = needs.codes ? sql`code_insee in (${sql.join(needs.codes)})` : sql`departement = ${needs.departement}`;
    const { rows } = await sql<{ code_insee: string; street_norm: string; sim: number }>`
      select code_insee, street_norm, similarity(street_norm, ${needs.streetNorm}) as sim
      from ban_streets where ${scope} order by street_norm <-> ${needs.streetNorm} limit 1`.execute(db);
    const answer = rows[0] && rows[0].sim >= (needs.codes ? 0.45 : 0.55) ? { code: rows[0].code_insee, streetNorm: rows[0].street_norm } : null;
    if (sqlAnswers.size > 20_000) sqlAnswers.clear();
    sqlAnswers.set(key, answer);
    return answer;
  };

  const geocodeParsed = async (ctx: Context, parsed: ParsedAddress): Promise<GeocodeResult> => {
    let hint: { code: string; streetNorm: string } | null | undefined;
    for (let step = 0; step < 6; step++) {
      const result = attempt(ctx, parsed, hint);
      if ("ok" in result) return result;
      if ("load" in result) await Promise.all(result.load.map((code) => cache.load(code)));
      else hint = await sqlStreet(result.sql);
    }
    return { ok: false, reason: "street_not_found" } satisfies GeocodeFailure;
  };

  const geocodeMany = async (inputs: AddressInput[]): Promise<GeocodeResult[]> => {
    const ctx = await ready();
    const options = { isCityName: ctx.directory.isCityName };
    const results: GeocodeResult[] = new Array(inputs.length);
    for (let i = 0; i < inputs.length; i++) {
      const parsed = parseAddress(inputs[i], options);
      const quick = attempt(ctx, parsed, undefined);
      results[i] = "ok" in quick ? quick : await geocodeParsed(ctx, parsed);
    }
    return results;
  };

  return {
    name: "offline",
    geocode: async (input) => (await geocodeMany([input]))[0],
    geocodeMany,
    async reverse(lon, lat) {
      const ctx = await ready();
      const { rows } = await sql<{ code_insee: string; code_postal: string; nom_voie: string; numero: number | null; suffix: string; lon: number; lat: number; d: number }>`
        select code_insee, code_postal, nom_voie, numero, suffix, lon, lat, earth_distance(ll_to_earth(lat, lon), ll_to_earth(${lat}, ${lon})) as d
        from ban_addresses order by ll_to_earth(lat, lon) <-> ll_to_earth(${lat}, ${lon}) limit 1`.execute(db);
      const row = rows[0];
      if (!row || row.d > (opts.reverseMaxDistanceM ?? 500)) return null;
      const number = row.numero !== null ? `${row.numero}${suffixLabel(row.suffix)} ` : "";
      return {
        ok: true, label: `${number}${row.nom_voie} ${row.code_postal} ${cityLabel(ctx, row.code_insee)}`, score: round(Math.max(0.5, 1 - row.d / 1000)),
        matchType: "housenumber", lon: row.lon, lat: row.lat, citycode: row.code_insee, postcode: row.code_postal, precisionM: Math.max(5, Math.round(row.d)),
      };
    },
    async refresh() {
      context = null;
      cache.clear();
      sqlAnswers.clear();
      await ready();
    },
    cacheStats: () => ({ ...cache.stats(), sqlFallbacks }),
  };
};

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
