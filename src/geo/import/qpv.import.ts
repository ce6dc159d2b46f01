// Import of official QPV perimeters (GeoJSON, gz accepted), streaming: the
// millésime's perimeters are replaced in one transaction, nothing is written on failure.
import { basename } from "node:path";
import type { Database } from "../../server/db.ts";
import { runInTransaction, type Tx } from "../../server/transaction.ts";
import { geoError } from "../geo.errors.ts";
import type { QpvMillesime } from "../geography.types.ts";
import { readQpvPerimeters } from "../qpv-file.ts";
import { upsertDataset } from "../reference-datasets.queries.ts";
import type { QpvPerimeter } from "./qpv-feature.ts";

export type ImportProgress = (done: number, total: number | null) => void;
export type QpvImportOptions = { millesime: QpvMillesime; onProgress?: ImportProgress };
export type QpvImportResult = { millesime: QpvMillesime; rowCount: number; emptyGeometries: string[] };

const BATCH = 100;

export const qpvMillesimeLabel = (millesime: QpvMillesime) => `QPV ${millesime}`;

export const importQpv = (db: Database, filePath: string, options: QpvImportOptions): Promise<QpvImportResult> =>
  runInTransaction(db, async (tx) => {
    const { millesime, onProgress } = options;
    await tx.deleteFrom("qpv_perimeters").where("millesime", "=", millesime).execute();
    const seen = new Set<string>();
    const emptyGeometries: string[] = [];
    let batch: QpvPerimeter[] = [];
    for await (const perimeter of readQpvPerimeters(filePath, millesime)) {
      if (seen.has(perimeter.code)) throw geoError("geo.duplicate_code", { feature: perimeter.feature, code: perimeter.code });
      seen.add(perimeter.code);
      if (perimeter.coordinates.length === 0) emptyGeometries.push(perimeter.code);
      batch.push(perimeter);
      if (batch.length === BATCH) {
        await insertPerimeters(tx, millesime, batch);
        batch = [];
        onProgress?.(seen.size, null);
      }
    }
    await insertPerimeters(tx, millesime, batch);
    onProgress?.(seen.size, seen.size);
    await upsertDataset(tx, {
      kind: "qpv",
      scope: String(millesime),
      millesime: qpvMillesimeLabel(millesime),
      source: basename(filePath),
      rowCount: seen.size,
    });
    return { millesime, rowCount: seen.size, emptyGeometries };
  });

const insertPerimeters = async (tx: Tx, millesime: QpvMillesime, perimeters: QpvPerimeter[]) => {
  if (perimeters.length === 0) return;
  await tx
    .insertInto("qpv_perimeters")
    .values(
      perimeters.map((p) => ({
        millesime,
        code: p.code,
        name: p.name,
        commune_codes: p.communeCodes,
        commune_names: p.communeNames,
        geometry: JSON.stringify(p.coordinates),
        min_lon: p.bbox[0],
        min_lat: p.bbox[1],
        max_lon: p.bbox[2],
        max_lat: p.bbox[3],
      })),
    )
    .execute();
};
