// In-memory index of one commune's BAN addresses (pure): streets by
// normalised name (exact, then without trailing words, then without the street
// type, then trigram/Levenshtein), house numbers per street, lieux-dits.
import { normaliseStreetName } from "./address-normaliser.ts";
import { haversineM } from "./commune-outline.domain.ts";
import { boundedLevenshtein, buildTrigramIndex, type TrigramIndex } from "./fuzzy.domain.ts";

export type AddressRow = { street_norm: string; nom_voie: string; code_postal: string; numero: number | null; suffix: string; locality: string; lon: number; lat: number };

export type Street = {
  norm: string; name: string; postcode: string;
  /** Sorted by number then suffix; `lons`/`lats` share the order. */
  numbers: Int32Array; suffixes: string[]; lons: Float64Array; lats: Float64Array;
  lon: number; lat: number; radiusM: number;
};
export type Locality = { name: string; lon: number; lat: number; radiusM: number };
export type StreetMatch = { street: Street; quality: number; how: "exact" | "prefix" | "type" | "fuzzy" };

export type CommuneIndex = {
  code: string;
  addressCount: number;
  /** Exact match after normalisation (also without trailing words or street type): no fuzzy search. */
  findExact(streetNorm: string): StreetMatch | null;
  findStreet(streetNorm: string): StreetMatch | null;
  findLocality(norm: string): Locality | null;
};

const streetTypes = new Set([
  "rue", "avenue", "boulevard", "place", "impasse", "chemin", "faubourg", "square", "allee", "cours", "quai", "route", "passage",
  "residence", "sentier", "porte", "cite", "villa", "hameau", "lotissement", "promenade", "esplanade", "carrefour", "rond", "montee",
  "traverse", "voie", "galerie", "parvis", "ruelle", "sente", "port", "pont", "jardin", "cour", "lieu", "clos", "domaine",
]);

/** Street name without its type word ("rue roquette" → "roquette"), or null. */
export const streetCore = (norm: string): string | null => {
  const space = norm.indexOf(" ");
  if (space < 0) return null;
  const first = norm.slice(0, space);
  return streetTypes.has(first) ? norm.slice(space + 1).replace(/^point /, "") : null;
};

const spread = (lon: number, lat: number, lons: ArrayLike<number>, lats: ArrayLike<number>): number => {
  let max = 0;
  for (let i = 0; i < lons.length; i++) max = Math.max(max, haversineM(lon, lat, lons[i], lats[i]));
  return max;
};

const mean = (values: ArrayLike<number>): number => {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum / values.length;
};

const buildStreet = (rows: AddressRow[]): Street => {
  rows.sort((a, b) => (a.numero ?? -1) - (b.numero ?? -1) || (a.suffix < b.suffix ? -1 : a.suffix > b.suffix ? 1 : 0));
  const numbered = rows.filter((r) => r.numero !== null);
  const lons = Float64Array.from(numbered, (r) => r.lon);
  const lats = Float64Array.from(numbered, (r) => r.lat);
  const allLons = rows.map((r) => r.lon);
  const allLats = rows.map((r) => r.lat);
  const lon = mean(allLons);
  const lat = mean(allLats);
  return {
    norm: rows[0].street_norm, name: rows[0].nom_voie, postcode: rows[0].code_postal,
    numbers: Int32Array.from(numbered, (r) => r.numero as number), suffixes: numbered.map((r) => r.suffix),
    lons, lats, lon, lat, radiusM: Math.max(30, spread(lon, lat, allLons, allLats)),
  };
};

/** Builds a commune's index from its address rows (any order). */
export const buildCommuneIndex = (code: string, rows: readonly AddressRow[]): CommuneIndex => {
  const groups = new Map<string, AddressRow[]>();
  const localityRows = new Map<string, AddressRow[]>();
  for (const row of rows) {
    const key = `${row.street_norm}|${row.code_postal}`;
    const list = groups.get(key);
    if (list) list.push(row); else groups.set(key, [row]);
    if (row.locality) {
      const norm = row.locality;
      const l = localityRows.get(norm);
      if (l) l.push(row); else localityRows.set(norm, [row]);
    }
  }
  const streets = [...groups.values()].map(buildStreet).sort((a, b) => b.numbers.length - a.numbers.length);
  const byNorm = new Map<string, Street>();
  const byCore = new Map<string, Street>();
  for (const street of streets) {
    if (!byNorm.has(street.norm)) byNorm.set(street.norm, street);
    const core = streetCore(street.norm);
    if (core && !byCore.has(core)) byCore.set(core, street);
  }
  const localities = new Map<string, Locality>();
  for (const [name, list] of localityRows) {
    const lons = list.map((r) => r.lon);
    const lats = list.map((r) => r.lat);
    const lon = mean(lons);
    const lat = mean(lats);
    localities.set(normaliseStreetName(name), { name, lon, lat, radiusM: Math.max(50, spread(lon, lat, lons, lats)) });
  }
  let trigramIndex: TrigramIndex | null = null;
  const fuzzyCache = new Map<string, StreetMatch | null>();

  const exactOrTyped = (streetNorm: string): StreetMatch | null => {
    const exact = byNorm.get(streetNorm);
    if (exact) return { street: exact, quality: 1, how: "exact" };
    const typed = byCore.get(streetCore(streetNorm) ?? streetNorm);
    return typed ? { street: typed, quality: 0.9, how: "type" } : null;
  };

  /** Trailing words that are not part of the name ("rue roquette residence lilas"). */
  const shorter = (streetNorm: string, find: (s: string) => StreetMatch | null): StreetMatch | null => {
    const words = streetNorm.split(" ");
    for (let keep = words.length - 1; keep >= Math.max(2, words.length - 4); keep--) {
      const hit = find(words.slice(0, keep).join(" "));
      if (hit) return { ...hit, quality: hit.quality * 0.92, how: hit.how === "exact" ? "prefix" : hit.how };
    }
    return null;
  };

  const fuzzy = (streetNorm: string): StreetMatch | null => {
    if (streetNorm.length < 5) return null;
    trigramIndex ??= buildTrigramIndex(streets.map((s) => s.norm));
    const maxEdits = streetNorm.length >= 12 ? 2 : 1;
    let best: StreetMatch | null = null;
    let bestEdits = maxEdits + 1;
    for (const candidate of trigramIndex.best(streetNorm, 12)) {
      const street = streets[candidate.id];
      const edits = boundedLevenshtein(street.norm, streetNorm, maxEdits);
      if (edits < bestEdits) {
        bestEdits = edits;
        best = { street, quality: edits === 1 ? 0.88 : 0.8, how: "fuzzy" };
      }
      // Same words in another order or a missing short word: very high trigram overlap only.
      if (!best && candidate.similarity >= 0.75) best = { street, quality: 0.6 + 0.3 * candidate.similarity, how: "fuzzy" };
    }
    return best;
  };

  return {
    code,
    addressCount: rows.length,
    findExact: (streetNorm) => (streetNorm ? exactOrTyped(streetNorm) : null),
    findStreet(streetNorm) {
      if (!streetNorm) return null;
      const direct = exactOrTyped(streetNorm);
      if (direct) return direct;
      if (fuzzyCache.has(streetNorm)) return fuzzyCache.get(streetNorm) ?? null;
      // A typo first, then extra trailing words, then both.
      const found = fuzzy(streetNorm) ?? shorter(streetNorm, (s) => byNorm.has(s) ? { street: byNorm.get(s) as Street, quality: 1, how: "exact" } : null) ?? shorter(streetNorm, fuzzy);
      if (fuzzyCache.size > 5_000) fuzzyCache.clear();
      fuzzyCache.set(streetNorm, found);
      return found;
    },
    findLocality(norm) {
      if (!norm) return null;
      return localities.get(norm) ?? null;
    },
  };
};

export type NumberMatch =
  | { kind: "exact"; lon: number; lat: number; number: number; suffix: string; suffixMatched: boolean }
  | { kind: "nearby"; lon: number; lat: number; precisionM: number; number: number }
  | { kind: "none" };

/** The point of a house number on a street: exact, else interpolated between the nearest numbers of the same side. */
export const locateNumber = (street: Street, number: number, suffix: string): NumberMatch => {
  const { numbers, suffixes, lons, lats } = street;
  if (!numbers.length) return { kind: "none" };
  let lo = 0;
  let hi = numbers.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (numbers[mid] < number) lo = mid + 1; else hi = mid; }
  if (lo < numbers.length && numbers[lo] === number) {
    let best = lo;
    for (let i = lo; i < numbers.length && numbers[i] === number; i++) if (suffixes[i] === suffix) { best = i; break; }
    return { kind: "exact", lon: lons[best], lat: lats[best], number, suffix: suffixes[best], suffixMatched: suffixes[best] === suffix };
  }
  // Nearest numbers on the same side (parity), below and above.
  // (the plain number rather than its bis/ter when both exist)
  let below = -1;
  for (let i = lo - 1; i >= 0; i--) {
    if ((numbers[i] - number) % 2 !== 0 || (below >= 0 && numbers[i] !== numbers[below])) { if (below >= 0) break; continue; }
    below = i;
    if (suffixes[i] === "") break;
  }
  let above = -1;
  for (let i = lo; i < numbers.length; i++) if ((numbers[i] - number) % 2 === 0) { above = i; break; }
  if (below >= 0 && above >= 0) {
    const t = (number - numbers[below]) / (numbers[above] - numbers[below]);
    const lon = lons[below] + t * (lons[above] - lons[below]);
    const lat = lats[below] + t * (lats[above] - lats[below]);
    const gap = haversineM(lons[below], lats[below], lons[above], lats[above]);
    return { kind: "nearby", lon, lat, precisionM: Math.max(20, gap / 2 + 10), number: numbers[Math.abs(numbers[below] - number) <= Math.abs(numbers[above] - number) ? below : above] };
  }
  const only = below >= 0 ? below : above >= 0 ? above : lo < numbers.length ? lo : numbers.length - 1;
  return { kind: "nearby", lon: lons[only], lat: lats[only], precisionM: street.radiusM, number: numbers[only] };
};
