// Reference share per département: the share of its BAN addresses lying in a
// QPV 2024 — an approximation of the share of its population living in QPV
// (official QPV populations are not in the shipped data). Computed once per
// (BAN import, QPV import) and stored, so reports read it synchronously.
import { sql } from "kysely";
import type { Executor } from "../server/transaction.ts";
import type { Geography } from "./geography.types.ts";

export const departementReferenceSource =
  "Part des adresses BAN du département situées en QPV 2024 (approximation de la population)";

type Freshness = { departement: string; ban_imported_at: Date; qpv_imported_at: Date | null };

/** Recomputes the stats of départements whose BAN or QPV 2024 import is newer than their stats. */
export const refreshDepartementQpvStats = async (db: Executor, geography: Geography): Promise<string[]> => {
  const { rows } = await sql<Freshness>`
    select b.scope as departement, b.imported_at as ban_imported_at, q.imported_at as qpv_imported_at
    from reference_datasets b
    left join reference_datasets q on q.kind = 'qpv' and q.scope = '2024'
    left join departement_qpv_stats s on s.departement = b.scope
    where b.kind = 'ban'
      and q.imported_at is not null
      and (s.departement is null or s.ban_imported_at < b.imported_at or s.qpv_imported_at < q.imported_at)`.execute(db);
  for (const row of rows) {
    let addresses = 0;
    let inQpv = 0;
    // Stream by commune to bound memory on large départements.
    const communes = await db.selectFrom("ban_communes").select("code_insee").where("departement", "=", row.departement).execute();
    for (const { code_insee } of communes) {
      const points = await db.selectFrom("ban_addresses").select(["lon", "lat"]).where("code_insee", "=", code_insee).execute();
      for (const point of points) {
        addresses++;
        if (geography.qpvAt(point.lon, point.lat, 2024)) inQpv++;
      }
    }
    await db
      .insertInto("departement_qpv_stats")
      .values({
        departement: row.departement,
        addresses,
        addresses_in_qpv: inQpv,
        qpv_millesime: 2024,
        qpv_imported_at: row.qpv_imported_at as Date,
        ban_imported_at: row.ban_imported_at,
        computed_at: new Date(),
      })
      .onConflict((oc) =>
        oc.column("departement").doUpdateSet((eb) => ({
          addresses: eb.ref("excluded.addresses"),
          addresses_in_qpv: eb.ref("excluded.addresses_in_qpv"),
          qpv_imported_at: eb.ref("excluded.qpv_imported_at"),
          ban_imported_at: eb.ref("excluded.ban_imported_at"),
          computed_at: eb.ref("excluded.computed_at"),
        })),
      )
      .execute();
  }
  return rows.map((row) => row.departement);
};

/** The stored shares as a synchronous lookup for the report builder. */
export const loadDepartementQpvShares = async (db: Executor): Promise<(code: string) => number | null> => {
  const rows = await db.selectFrom("departement_qpv_stats").select(["departement", "addresses", "addresses_in_qpv"]).execute();
  const shares = new Map(rows.filter((r) => r.addresses > 0).map((r) => [r.departement, r.addresses_in_qpv / r.addresses]));
  return (code) => shares.get(code) ?? null;
};
