// Bounded cache of per-commune address indexes: a commune's BAN addresses are
// loaded with ONE query on first use, then served from memory. The bound is a
// total number of addresses (least recently used communes are dropped first).
import { sql } from "kysely";
import type { Executor } from "../server/transaction.ts";
import { buildCommuneIndex, type AddressRow, type CommuneIndex } from "./street-index.ts";

/**
 * A commune's addresses in ONE row of tab/newline-separated text: decoding one
 * big string in JavaScript is several times faster than materialising
 * thousands of rows through the driver (PGlite especially).
 */
const loadAddresses = async (db: Executor, code: string): Promise<AddressRow[]> => {
  const { rows } = await sql<{ blob: string | null }>`
    select string_agg(concat_ws(E'\t', street_norm, nom_voie, code_postal, coalesce(numero::text, ''), suffix, locality, lon::text, lat::text), E'\n') as blob
    from ban_addresses where code_insee = ${code}`.execute(db);
  const blob = rows[0]?.blob;
  if (!blob) return [];
  return blob.split("\n").map((line) => {
    const [street_norm, nom_voie, code_postal, numero, suffix, locality, lon, lat] = line.split("\t");
    return { street_norm, nom_voie, code_postal, numero: numero ? Number(numero) : null, suffix, locality, lon: Number(lon), lat: Number(lat) };
  });
};

export type CommuneCache = {
  /** Synchronous hit, or undefined when the commune must be loaded first. */
  peek(code: string): CommuneIndex | undefined;
  load(code: string): Promise<CommuneIndex>;
  clear(): void;
  stats(): { communes: number; addresses: number; loads: number; evictions: number };
};

export const createCommuneCache = (db: Executor, maxAddresses: number): CommuneCache => {
  const entries = new Map<string, CommuneIndex>();
  const inFlight = new Map<string, Promise<CommuneIndex>>();
  let addresses = 0;
  let loads = 0;
  let evictions = 0;
  let lastTouched = "";

  const evict = () => {
    for (const [code, index] of entries) {
      if (addresses <= maxAddresses || entries.size <= 1) break;
      entries.delete(code);
      addresses -= index.addressCount;
      evictions++;
    }
  };

  return {
    peek(code) {
      const hit = entries.get(code);
      if (hit && code !== lastTouched) {
        // LRU order = Map insertion order: move to the end.
        entries.delete(code);
        entries.set(code, hit);
        lastTouched = code;
      }
      return hit;
    },
    load(code) {
      const hit = entries.get(code);
      if (hit) return Promise.resolve(hit);
      let pending = inFlight.get(code);
      if (!pending) {
        pending = loadAddresses(db, code)
          .then((rows) => {
            const index = buildCommuneIndex(code, rows);
            entries.set(code, index);
            addresses += index.addressCount;
            loads++;
            evict();
            return index;
          })
          .finally(() => inFlight.delete(code));
        inFlight.set(code, pending);
      }
      return pending;
    },
    clear() {
      entries.clear();
      addresses = 0;
    },
    stats: () => ({ communes: entries.size, addresses, loads, evictions }),
  };
};
