// Second half of a BAN import: the staged rows of a job replace their
// département(s) in one transaction — addresses, streets (centroid, count) and
// communes (centroid, radius, approximate outline) — then staging is emptied.
import { sql } from "kysely";
import type { Database } from "../server/db.ts";
import { runInTransaction } from "../server/transaction.ts";
import { succeedJob } from "../jobs/jobs.queries.ts";
import { communeExtent, type CommuneExtent } from "./commune-outline.domain.ts";

type StagedCommune = { code_insee: string; departement: string; nom: string; extent: CommuneExtent };

/** Extent of each staged commune, one commune in memory at a time. */
const stagedCommunes = async (db: Database, jobId: string): Promise<StagedCommune[]> => {
  const communes = await db
    .selectFrom("ban_import_staging")
    .select(["code_insee", "departement", sql<string>`max(commune_name)`.as("nom")])
    .where("job_id", "=", jobId)
    .groupBy(["code_insee", "departement"])
    .orderBy("code_insee")
    .execute();
  const result: StagedCommune[] = [];
  for (const commune of communes) {
    const points = await db
      .selectFrom("ban_import_staging")
      .select(["lon", "lat"])
      .where("job_id", "=", jobId)
      .where("code_insee", "=", commune.code_insee)
      .execute();
    const lons = Float64Array.from(points, (p) => p.lon);
    const lats = Float64Array.from(points, (p) => p.lat);
    result.push({ ...commune, extent: communeExtent(lons, lats) });
  }
  return result;
};

export type SwapResult = { departements: string[]; rows: number };

/** Replaces the staged départements atomically and closes the job. */
export const swapStagedBan = async (db: Database, jobId: string, dataset: { millesime: string; source: string }): Promise<SwapResult> => {
  const perDepartement = await db
    .selectFrom("ban_import_staging")
    .select(["departement", sql<number>`count(*)::int`.as("rows")])
    .where("job_id", "=", jobId)
    .groupBy("departement")
    .execute();
  const departements = perDepartement.map((d) => d.departement).sort();
  const rows = perDepartement.reduce((sum, d) => sum + Number(d.rows), 0);
  const communes = await stagedCommunes(db, jobId);

  await runInTransaction(db, async (tx) => {
    await tx.deleteFrom("ban_addresses").where("departement", "in", departements).execute();
    await tx.deleteFrom("ban_streets").where("departement", "in", departements).execute();
    await tx.deleteFrom("ban_communes").where("departement", "in", departements).execute();
    await sql`
      insert into ban_addresses (departement, code_insee, code_postal, street_norm, nom_voie, numero, suffix, locality, lon, lat)
      select departement, code_insee, code_postal, street_norm, nom_voie, numero, suffix, locality, lon, lat
      from ban_import_staging where job_id = ${jobId} order by code_insee, street_norm, numero`.execute(tx);
    await sql`
      insert into ban_streets (departement, code_insee, code_postal, street_norm, nom_voie, lon, lat, address_count)
      select departement, code_insee, code_postal, street_norm, min(nom_voie), avg(lon), avg(lat), count(*)::int
      from ban_import_staging where job_id = ${jobId} and street_norm <> ''
      group by departement, code_insee, code_postal, street_norm`.execute(tx);
    if (communes.length) {
      await sql`
        insert into ban_communes (code_insee, departement, nom, lon, lat, radius_m, address_count, outline)
        select code, dep, nom, lon, lat, radius, n, outline::jsonb
        from unnest(${communes.map((c) => c.code_insee)}::text[], ${communes.map((c) => c.departement)}::text[],
                    ${communes.map((c) => c.nom)}::text[], ${communes.map((c) => c.extent.lon)}::float8[],
                    ${communes.map((c) => c.extent.lat)}::float8[], ${communes.map((c) => c.extent.radiusM)}::float8[],
                    ${communes.map((c) => c.extent.count)}::int[], ${communes.map((c) => JSON.stringify(c.extent.outline))}::text[])
          as t(code, dep, nom, lon, lat, radius, n, outline)`.execute(tx);
    }
    for (const { departement, rows: count } of perDepartement) {
      await tx
        .insertInto("reference_datasets")
        .values({ kind: "ban", scope: departement, millesime: dataset.millesime, source: dataset.source, row_count: Number(count) })
        .onConflict((oc) =>
          oc.columns(["kind", "scope"]).doUpdateSet({ millesime: dataset.millesime, source: dataset.source, row_count: Number(count), imported_at: new Date() }),
        )
        .execute();
    }
    await tx.deleteFrom("ban_import_staging").where("job_id", "=", jobId).execute();
    await succeedJob(tx, jobId, rows);
  });
  return { departements, rows };
};
