// Offline map of a located point: pure computations (bbox, style). No tiles, no glyphs, no sprites.
import type { MapOptions } from "maplibre-gl";

export type MapStyle = Exclude<MapOptions["style"], string | undefined>;
export type Bbox = readonly [minLon: number, minLat: number, maxLon: number, maxLat: number];
type Geometry = { type: string; coordinates: unknown[] };
export type MapFeatures = {
  point: { lat: number; lon: number };
  perimeters: { type: "FeatureCollection"; features: { type: "Feature"; properties: { code: string; name: string; millesime: number }; geometry: Geometry }[] };
  outline: { type: "Feature"; properties: { code: string; name: string; approximate: boolean }; geometry: Geometry } | null;
  containingQpvCode: string | null;
};

const metersPerDegreeLat = 111_320;

/** A square box of about `radiusM` metres around a point. */
export const bboxAround = (lat: number, lon: number, radiusM: number): Bbox => {
  const dLat = radiusM / metersPerDegreeLat;
  const dLon = radiusM / (metersPerDegreeLat * Math.max(Math.cos((lat * Math.PI) / 180), 0.01));
  return [lon - dLon, Math.max(lat - dLat, -90), lon + dLon, Math.min(lat + dLat, 90)];
};

/** Colours taken from the DSFR palette. */
export const mapColors = {
  background: "#f6f6f6",
  point: "#000091",
  pointStroke: "#ffffff",
  qpvContaining: "#ce614a",
  qpvOther: "#8585f6",
  commune: "#3a3a3a",
} as const;

/** The whole map as one style: background layer plus inline GeoJSON sources. */
export const buildMapStyle = ({ point, perimeters, outline, containingQpvCode }: MapFeatures): MapStyle => {
  const isContaining = ["==", ["get", "code"], containingQpvCode ?? ""];
  return {
    version: 8,
    sources: {
      perimeters: { type: "geojson", data: perimeters as never },
      commune: { type: "geojson", data: (outline ?? { type: "FeatureCollection", features: [] }) as never },
      point: { type: "geojson", data: { type: "Feature", properties: {}, geometry: { type: "Point", coordinates: [point.lon, point.lat] } } },
    },
    layers: [
      { id: "background", type: "background", paint: { "background-color": mapColors.background } },
      {
        id: "qpv-fill",
        type: "fill",
        source: "perimeters",
        paint: { "fill-color": ["case", isContaining, mapColors.qpvContaining, mapColors.qpvOther] as never, "fill-opacity": 0.3 },
      },
      {
        id: "qpv-line",
        type: "line",
        source: "perimeters",
        paint: { "line-color": ["case", isContaining, mapColors.qpvContaining, mapColors.qpvOther] as never, "line-width": 2 },
      },
      { id: "commune-line", type: "line", source: "commune", paint: { "line-color": mapColors.commune, "line-width": 1.5, "line-dasharray": [3, 2] } },
      {
        id: "point",
        type: "circle",
        source: "point",
        paint: { "circle-radius": 7, "circle-color": mapColors.point, "circle-stroke-color": mapColors.pointStroke, "circle-stroke-width": 2 },
      },
    ],
  };
};
