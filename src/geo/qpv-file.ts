// Reads the QPV perimeters of an official GeoJSON file (gz or not) without the
// database: used by the importer, the benchmark and the reference-answer tests.
import { streamGeoJsonFeatures } from "./import/geojson-stream.ts";
import { normaliseQpvFeature, type QpvPerimeter } from "./import/qpv-feature.ts";
import { readTextChunks } from "./import/text-input.ts";
import type { QpvMillesime } from "./geography.types.ts";

/** Perimeters one by one, validated; `feature` is the 1-based feature number in the file. */
export async function* readQpvPerimeters(filePath: string, millesime: QpvMillesime): AsyncGenerator<QpvPerimeter & { feature: number }> {
  for await (const { feature, value } of streamGeoJsonFeatures(readTextChunks(filePath))) {
    yield { ...normaliseQpvFeature(value, feature, millesime), feature };
  }
}

export const loadQpvPerimeters = async (filePath: string, millesime: QpvMillesime): Promise<QpvPerimeter[]> => {
  const perimeters: QpvPerimeter[] = [];
  for await (const perimeter of readQpvPerimeters(filePath, millesime)) perimeters.push(perimeter);
  return perimeters;
};
