// The geography in memory: QPV perimeters of both millésimes in flatbush indexes,
// rural classes and commune parents in maps. Loaded once from the database;
// every lookup afterwards is synchronous (no SQL on the hot path).
import { sql } from "kysely";
import type { Executor } from "../server/transaction.ts";
import {
  createCommuneLookup,
  createQpvCommuneLookup,
  createRuralLookup,
  type CommuneRow,
  type PerimeterCommunes,
} from "./geography.domain.ts";
import { type DatasetInfo, type Geography, geographyAt, type Membership, type QpvMillesime, type QpvRef } from "./geography.types.ts";
import { RURAL_SCOPE } from "./import/rural.import.ts";
import { buildPolygonIndex, type PolygonIndex } from "./polygon-index.ts";
import { listDatasets } from "./reference-datasets.queries.ts";

/** Boundary distances are looked up within this radius (Membership.qpvBoundaryDistanceM). */
export const BOUNDARY_SEARCH_M = 1000;

type QpvFeature = { code: string; name: string; coordinates: number[][][][]; ref: QpvRef };

export const loadGeography = async (db: Executor): Promise<Geography> => {
  const [perimeters, ruralRows, communeRows, datasets] = await Promise.all([
    db.selectFrom("qpv_perimeters").select(["millesime", "code", "name", "commune_codes", "commune_names", "geometry"]).orderBy("code").execute(),
    db.selectFrom("rural_communes").select(["scheme", "code_insee", "class", "label", "classified"]).execute(),
    db.selectFrom("communes").select(["code_insee", "type", "nom", "departement", "commune_parente"]).execute(),
    listDatasets(db),
  ]);
  const communes = createCommuneLookup(
    communeRows.map((row): CommuneRow => ({ code: row.code_insee, type: row.type, nom: row.nom, departement: row.departement, parent: row.commune_parente })),
  );
  const ruralClass = createRuralLookup(
    ruralRows.map((row) => ({ scheme: row.scheme, code: row.code_insee, class: row.class, label: row.label, classified: row.classified })),
    communes,
  );
  const communeHasQpv = createQpvCommuneLookup(
    perimeters.map((row): PerimeterCommunes => ({ code: row.code, millesime: row.millesime, communeCodes: row.commune_codes, communeNames: row.commune_names })),
    communes,
  );
  const indexes = {} as Record<QpvMillesime, PolygonIndex<QpvFeature>>;
  for (const millesime of [2015, 2024] as const) {
    const features = perimeters
      .filter((row) => row.millesime === millesime)
      .map((row): QpvFeature => ({
        code: row.code,
        name: row.name,
        coordinates: row.geometry,
        ref: Object.freeze({ code: row.code, name: row.name, millesime }),
      }));
    indexes[millesime] = buildPolygonIndex(features);
    // The index's flat typed arrays hold the geometry from now on: drop the nested
    // coordinate arrays, which cost tens of MB of JavaScript heap (bounded CLI memory).
    for (const feature of features) feature.coordinates = [];
  }

  const qpvAt = (lon: number, lat: number, millesime: QpvMillesime): QpvRef | null =>
    indexes[millesime].findContaining(lon, lat)?.ref ?? null;

  const dataset = (kind: string, scope: string): DatasetInfo | null => {
    const found = datasets.find((row) => row.kind === kind && row.scope === scope);
    return found ? { millesime: found.millesime, source: found.source, rowCount: found.rowCount, importedAt: found.importedAt } : null;
  };

  return {
    classify(lon, lat, citycode, date): Membership {
      const geography = geographyAt(date);
      return {
        qpv: qpvAt(lon, lat, geography.qpv),
        rural: ruralClass(citycode, geography.rural),
        qpvBoundaryDistanceM: indexes[geography.qpv].nearestBoundaryDistanceM(lon, lat, BOUNDARY_SEARCH_M),
        geography,
      };
    },
    qpvAt,
    communeHasQpv,
    ruralClass,
    datasets: {
      qpv: { 2015: dataset("qpv", "2015"), 2024: dataset("qpv", "2024") },
      zrr: dataset("zrr", RURAL_SCOPE),
      frr: dataset("frr", RURAL_SCOPE),
    },
  };
};

export type Bbox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

export type PerimeterCollection = {
  type: "FeatureCollection";
  features: {
    type: "Feature";
    properties: { code: string; name: string; millesime: number };
    geometry: { type: "MultiPolygon"; coordinates: number[][][][] };
  }[];
};

/** Perimeters of a millésime whose bounding box meets the box (for the map), at most `limit`, by code. */
export const perimetersInBbox = async (db: Executor, bbox: Bbox, millesime: QpvMillesime, limit: number): Promise<PerimeterCollection> => {
  const [minLon, minLat, maxLon, maxLat] = bbox;
  const rows = await db
    .selectFrom("qpv_perimeters")
    .select(["code", "name", "geometry"])
    .where("millesime", "=", millesime)
    .where("max_lon", ">=", minLon)
    .where("min_lon", "<=", maxLon)
    .where("max_lat", ">=", minLat)
    .where("min_lat", "<=", maxLat)
    .where(sql<boolean>`jsonb_array_length(geometry) > 0`)
    .orderBy("code")
    .limit(limit)
    .execute();
  return {
    type: "FeatureCollection",
    features: rows.map((row) => ({
      type: "Feature",
      properties: { code: row.code, name: row.name, millesime },
      geometry: { type: "MultiPolygon", coordinates: row.geometry },
    })),
  };
};
