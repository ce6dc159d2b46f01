// Register of imported reference datasets (what reports cite as their sources).
import { sql } from "kysely";
import type { Executor } from "../server/transaction.ts";
import type { DatasetInfo } from "./geography.types.ts";

export type DatasetKind = "qpv" | "zrr" | "frr";
export type DatasetRecord = { kind: DatasetKind; scope: string; millesime: string; source: string; rowCount: number };

export const upsertDataset = async (db: Executor, record: DatasetRecord): Promise<void> => {
  const values = { millesime: record.millesime, source: record.source, row_count: record.rowCount };
  await db
    .insertInto("reference_datasets")
    .values({ kind: record.kind, scope: record.scope, ...values })
    .onConflict((oc) => oc.columns(["kind", "scope"]).doUpdateSet({ ...values, imported_at: sql`now()` }))
    .execute();
};

export const listDatasets = async (db: Executor): Promise<(DatasetInfo & { kind: string; scope: string })[]> => {
  const rows = await db.selectFrom("reference_datasets").selectAll().where("kind", "in", ["qpv", "zrr", "frr"]).execute();
  return rows.map((row) => ({
    kind: row.kind,
    scope: row.scope,
    millesime: row.millesime,
    source: row.source,
    rowCount: row.row_count,
    importedAt: new Date(row.imported_at).toISOString(),
  }));
};
