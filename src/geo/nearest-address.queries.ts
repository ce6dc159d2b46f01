// The commune of a point given as coordinates: the nearest BAN address within a
// radius (earthdistance: an earth_box filter and a KNN order that a GiST index on
// ll_to_earth(lat, lon) serves; without that index it is a sequential scan).
import { sql } from "kysely";
import type { Executor } from "../server/transaction.ts";

export const NEAREST_ADDRESS_RADIUS_M = 300;

export type NearestAddress = { citycode: string; postcode: string; distanceM: number };

export const nearestAddressAt = async (db: Executor, lon: number, lat: number, radiusM = NEAREST_ADDRESS_RADIUS_M): Promise<NearestAddress | null> => {
  const point = sql`ll_to_earth(${lat}::float8, ${lon}::float8)`;
  const { rows } = await sql<{ code_insee: string; code_postal: string; distance_m: number }>`
    select code_insee, code_postal, earth_distance(ll_to_earth(lat, lon), ${point}) as distance_m
    from ban_addresses
    where earth_box(${point}, ${radiusM}::float8) @> ll_to_earth(lat, lon)
    order by ll_to_earth(lat, lon) <-> ${point}
    limit 1`.execute(db);
  const row = rows[0];
  if (!row || Number(row.distance_m) > radiusM) return null;
  return { citycode: row.code_insee, postcode: row.code_postal, distanceM: Number(row.distance_m) };
};
