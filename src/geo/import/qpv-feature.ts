// One GeoJSON feature of an official QPV file → a normalised perimeter row.
// Accepts the 2015 property form (CODE_QP, NOM_QP, COMMUNE_QP) and the 2024 form
// (code_qp, lib_qp, insee_com, lib_com), Polygon and MultiPolygon. Pure.
import type { MultiPolygonCoordinates } from "../../server/db.types.ts";
import { geoError } from "../geo.errors.ts";
import type { QpvMillesime } from "../geography.types.ts";

export type QpvPerimeter = {
  code: string;
  name: string;
  communeCodes: string[];
  communeNames: string;
  coordinates: MultiPolygonCoordinates;
  bbox: [minLon: number, minLat: number, maxLon: number, maxLat: number];
};

const CODE_FORMS: Record<QpvMillesime, { pattern: RegExp; expected: string }> = {
  2015: { pattern: /^QP[0-9]{2}[0-9AB][0-9]{3}$/, expected: "QP + 6 caractères, ex. QP075019" },
  2024: { pattern: /^QN[0-9]{2}[0-9AB][0-9]{2}[A-Z]$/, expected: "QN + 6 caractères, ex. QN07501M" },
};
const INSEE_CODE = /^[0-9][0-9AB][0-9]{3}$/;

type Props = Record<string, unknown>;

/** Property lookup by any of the names, case-insensitively. */
const pick = (lowered: Map<string, unknown>, ...names: string[]): string | null => {
  for (const name of names) {
    const value = lowered.get(name);
    if (typeof value === "string" && value.trim() !== "") return value.trim();
    if (typeof value === "number") return String(value);
  }
  return null;
};

export const normaliseQpvFeature = (raw: unknown, feature: number, millesime: QpvMillesime): QpvPerimeter => {
  if (typeof raw !== "object" || raw === null || (raw as { type?: unknown }).type !== "Feature") {
    throw geoError("geo.bad_feature", { feature });
  }
  const { properties, geometry } = raw as { properties?: Props | null; geometry?: unknown };
  const lowered = new Map(Object.entries(properties ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const codeProperty = millesime === 2015 ? "CODE_QP" : "code_qp";
  const code = pick(lowered, "code_qp");
  if (!code) throw geoError("geo.missing_code", { feature, property: codeProperty });
  const form = CODE_FORMS[millesime];
  if (!form.pattern.test(code)) {
    throw geoError("geo.bad_code", { feature, code, property: codeProperty, millesime, expected: form.expected });
  }
  const communeCodes = (pick(lowered, "insee_com") ?? "")
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter((part) => INSEE_CODE.test(part));
  return {
    code,
    name: pick(lowered, "lib_qp", "nom_qp") ?? code,
    communeCodes: [...new Set(communeCodes)],
    communeNames: pick(lowered, "lib_com", "commune_qp") ?? "",
    ...normaliseGeometry(geometry, feature, code),
  };
};

const normaliseGeometry = (geometry: unknown, feature: number, code: string) => {
  const fail = (detail: string) => geoError("geo.bad_geometry", { feature, code, detail });
  if (typeof geometry !== "object" || geometry === null) throw fail("géométrie absente");
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (!Array.isArray(coordinates)) throw fail("coordonnées absentes");
  let polygons: unknown[];
  if (type === "Polygon") polygons = [coordinates];
  else if (type === "MultiPolygon") polygons = coordinates;
  else throw fail(`type ${String(type)} au lieu de Polygon ou MultiPolygon`);
  // An empty geometry is valid GeoJSON: the official 2024 copy has three (parts collapsed by
  // simplification). The perimeter is kept for its commune codes; it contains no point.
  if (polygons.length === 0) return { coordinates: [], bbox: [0, 0, 0, 0] as QpvPerimeter["bbox"] };
  const bbox: QpvPerimeter["bbox"] = [Infinity, Infinity, -Infinity, -Infinity];
  const result = polygons.map((polygon, p) => {
    if (!Array.isArray(polygon) || polygon.length === 0) throw fail(`polygone ${p + 1} sans anneau`);
    return polygon.map((ring, r) => {
      const where = `polygone ${p + 1}, anneau ${r + 1}`;
      if (!Array.isArray(ring)) throw fail(`${where} n'est pas une liste de positions`);
      const positions = ring.map((position, k) => {
        const [lon, lat] = Array.isArray(position) ? position : [];
        if (typeof lon !== "number" || typeof lat !== "number" || !Number.isFinite(lon) || !Number.isFinite(lat)) {
          throw fail(`${where}, position ${k + 1} n'est pas un couple [longitude, latitude]`);
        }
        if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
          throw fail(`${where}, position ${k + 1} hors des bornes WGS84 (attendu lon/lat en degrés)`);
        }
        if (r === 0) {
          if (lon < bbox[0]) bbox[0] = lon;
          if (lat < bbox[1]) bbox[1] = lat;
          if (lon > bbox[2]) bbox[2] = lon;
          if (lat > bbox[3]) bbox[3] = lat;
        }
        return [lon, lat];
      });
      const first = positions[0];
      const last = positions[positions.length - 1];
      if (first && last && (first[0] !== last[0] || first[1] !== last[1])) positions.push([first[0]!, first[1]!]);
      if (positions.length < 4) throw fail(`${where} a moins de 3 sommets`);
      return positions;
    });
  });
  return { coordinates: result, bbox };
};
