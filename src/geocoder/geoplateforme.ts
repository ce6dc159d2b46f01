// Adapter for the national geocoder (Géoplateforme, same API as api-adresse):
// `GET {base}/search?q=…&limit=1` (GeoJSON FeatureCollection) for one address,
// `POST {base}/search/csv/` (multipart: `data` file, repeatable `columns`) for
// many, whose answer is the CSV with latitude, longitude, result_label,
// result_score, result_type, result_citycode, result_postcode, result_status…
// Limits honoured: 50 requests/s per IP (throttled, 429 retried), CSV ≤ 50 MB
// and ≤ 200,000 rows per request (split). Off by default: addresses leave the
// machine only if the operator configures a base URL.
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import type { AddressInput, GeocodeMatch, GeocodeResult, Geocoder, MatchType } from "./geocoder.types.ts";

export type GeoplateformeOptions = {
  /** e.g. https://data.geopf.fr/geocodage */
  baseUrl: string;
  fetch?: typeof globalThis.fetch;
  requestsPerSecond?: number;
  maxRowsPerRequest?: number;
  maxBytesPerRequest?: number;
  /** Retries after a 429 or a network error. */
  retries?: number;
};

const matchTypes = new Set<MatchType>(["housenumber", "street", "locality", "municipality"]);
const precisionByType: Record<MatchType, number> = { housenumber: 15, street: 200, locality: 300, municipality: 2000 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Text sent to the national geocoder (the complement is noise for it too). */
export const queryText = (input: AddressInput): string =>
  (input.full ?? [input.street, input.postcode, input.city].filter(Boolean).join(" ")).replace(/\s+/g, " ").trim();

const toMatch = (p: { label?: string; score?: number | string; type?: string; citycode?: string; postcode?: string }, lon: number, lat: number): GeocodeResult => {
  const type = p.type as MatchType;
  if (!matchTypes.has(type) || !Number.isFinite(lon) || !Number.isFinite(lat)) return { ok: false, reason: "street_not_found" };
  const match: GeocodeMatch = {
    ok: true, label: p.label ?? "", score: Number(p.score ?? 0), matchType: type, lon, lat,
    citycode: p.citycode ?? "", postcode: p.postcode ?? "", precisionM: precisionByType[type],
  };
  return match;
};

/** Splits rows so that each request stays under both limits (header counted in each part). */
export const splitForLimits = (header: string, lines: string[], maxRows: number, maxBytes: number): string[][] => {
  const parts: string[][] = [];
  const headerBytes = Buffer.byteLength(header) + 1024; // room for the multipart envelope
  let current: string[] = [];
  let bytes = headerBytes;
  for (const line of lines) {
    const size = Buffer.byteLength(line);
    if (current.length && (current.length >= maxRows || bytes + size > maxBytes)) {
      parts.push(current);
      current = [];
      bytes = headerBytes;
    }
    current.push(line);
    bytes += size;
  }
  if (current.length) parts.push(current);
  return parts;
};

export const createGeoplateformeGeocoder = (opts: GeoplateformeOptions): Geocoder => {
  const fetchFn = opts.fetch ?? globalThis.fetch;
  const base = opts.baseUrl.replace(/\/+$/, "");
  const interval = 1000 / (opts.requestsPerSecond ?? 50);
  const maxRows = opts.maxRowsPerRequest ?? 200_000;
  const maxBytes = opts.maxBytesPerRequest ?? 50 * 1024 * 1024;
  const retries = opts.retries ?? 3;
  let nextSlot = 0;

  /** At most `requestsPerSecond` requests leave, evenly spaced. */
  const throttle = async () => {
    const now = Date.now();
    const slot = Math.max(now, nextSlot);
    nextSlot = slot + interval;
    if (slot > now) await sleep(slot - now);
  };

  const request = async (url: string, init?: RequestInit): Promise<Response | null> => {
    for (let attempt = 0; attempt <= retries; attempt++) {
      await throttle();
      try {
        const response = await fetchFn(url, init);
        if (response.status !== 429 && response.status < 500) return response;
        const retryAfter = Number(response.headers.get("retry-after"));
        await response.body?.cancel();
        await sleep(Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 250 * 2 ** attempt);
      } catch {
        await sleep(250 * 2 ** attempt);
      }
    }
    return null;
  };

  const geocode = async (input: AddressInput): Promise<GeocodeResult> => {
    const q = queryText(input);
    if (q.length < 3) return { ok: false, reason: "empty_address" };
    const response = await request(`${base}/search?${new URLSearchParams({ q, limit: "1", index: "address" })}`);
    if (!response?.ok) return { ok: false, reason: "remote_error" };
    const body = (await response.json()) as { features?: { geometry?: { coordinates?: number[] }; properties?: Record<string, string | number> }[] };
    const feature = body.features?.[0];
    if (!feature) return { ok: false, reason: "street_not_found" };
    const [lon, lat] = feature.geometry?.coordinates ?? [];
    return toMatch(feature.properties ?? {}, Number(lon), Number(lat));
  };

  const geocodeCsvPart = async (header: string, lines: string[], ids: number[], results: GeocodeResult[]) => {
    const form = new FormData();
    form.append("data", new Blob([`${header}\n${lines.join("")}`], { type: "text/csv" }), "adresses.csv");
    for (const column of ["adresse", "code_postal", "ville"]) form.append("columns", column);
    const response = await request(`${base}/search/csv/`, { method: "POST", body: form });
    if (!response?.ok) {
      for (const id of ids) results[id] = { ok: false, reason: "remote_error" };
      return;
    }
    const rows = parse(await response.text(), { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
    for (const row of rows) {
      const id = Number(row.tremplin_id);
      if (!Number.isInteger(id) || results[id] === undefined || results[id].ok || (results[id] as { reason: string }).reason !== "remote_error") continue;
      const status = row.result_status ?? (row.latitude ? "ok" : "not-found");
      results[id] = status === "ok"
        ? toMatch({ label: row.result_label, score: row.result_score, type: row.result_type, citycode: row.result_citycode, postcode: row.result_postcode }, Number(row.longitude), Number(row.latitude))
        : { ok: false, reason: status === "not-found" ? "street_not_found" : "remote_error" };
    }
  };

  const geocodeMany = async (inputs: AddressInput[]): Promise<GeocodeResult[]> => {
    if (inputs.length <= 3) return Promise.all(inputs.map(geocode));
    // Filled by the answers; rows the service did not return stay remote_error.
    const results: GeocodeResult[] = inputs.map(() => ({ ok: false, reason: "remote_error" }));
    const header = "tremplin_id,adresse,code_postal,ville";
    const lines: string[] = [];
    const ids: number[] = [];
    inputs.forEach((input, id) => {
      const street = input.full ?? input.street ?? "";
      if (queryText(input).length < 3) { results[id] = { ok: false, reason: "empty_address" }; return; }
      lines.push(stringify([[id, street, input.full ? "" : (input.postcode ?? ""), input.full ? "" : (input.city ?? "")]]));
      ids.push(id);
    });
    let offset = 0;
    for (const part of splitForLimits(header, lines, maxRows, maxBytes)) {
      await geocodeCsvPart(header, part, ids.slice(offset, offset + part.length), results);
      offset += part.length;
    }
    return results;
  };

  return { name: "geoplateforme", geocode, geocodeMany };
};

export type CombinedGeocoder = Geocoder & { reverse?: (lon: number, lat: number) => Promise<GeocodeMatch | null> };

/** Offline first; only rows of communes not imported (or unknown) go to the national geocoder, in one batch. */
export const createGeocoder = ({ offline, remote }: { offline: Geocoder & { reverse?: CombinedGeocoder["reverse"] }; remote: Geocoder | null }): CombinedGeocoder => {
  if (!remote) return offline;
  const geocodeMany = async (inputs: AddressInput[]): Promise<GeocodeResult[]> => {
    const results = await offline.geocodeMany(inputs);
    const pending = results.flatMap((r, i) => (!r.ok && (r.reason === "commune_not_covered" || r.reason === "commune_not_found") ? [i] : []));
    if (!pending.length) return results;
    const remoteResults = await remote.geocodeMany(pending.map((i) => inputs[i]));
    pending.forEach((i, k) => {
      const answer = remoteResults[k];
      // "not found" remotely keeps the offline reason, which says more.
      if (answer.ok || answer.reason === "remote_error") results[i] = answer;
    });
    return results;
  };
  return {
    name: "offline+geoplateforme",
    geocode: async (input) => (await geocodeMany([input]))[0],
    geocodeMany,
    ...(offline.reverse ? { reverse: offline.reverse } : {}),
  };
};
