// Offline map of offer results: pure computations (bounds, style). No tiles, no glyphs.
import type { Bbox, MapStyle } from "../geo/geo-map.domain.ts";
import { bboxAround, mapColors } from "../geo/geo-map.domain.ts";

export type MapOffer = { id: string; title: string; lat: number; lon: number };

/** Bounds holding every offer and the search centre (at least ~1 km wide). */
export const offersBounds = (offers: readonly MapOffer[], centre: { lat: number; lon: number; radiusKm: number } | null): Bbox => {
  if (centre) return bboxAround(centre.lat, centre.lon, Math.min(centre.radiusKm, 30) * 1000);
  if (!offers.length) return bboxAround(48.8566, 2.3522, 8000);
  let [minLon, minLat, maxLon, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const o of offers) {
    minLon = Math.min(minLon, o.lon); maxLon = Math.max(maxLon, o.lon);
    minLat = Math.min(minLat, o.lat); maxLat = Math.max(maxLat, o.lat);
  }
  const [a, b, c, d] = bboxAround((minLat + maxLat) / 2, (minLon + maxLon) / 2, 600);
  return [Math.min(minLon, a), Math.min(minLat, b), Math.max(maxLon, c), Math.max(maxLat, d)];
};

export const buildOffersMapStyle = (offers: readonly MapOffer[], centre: { lat: number; lon: number } | null): MapStyle => ({
  version: 8,
  sources: {
    offers: {
      type: "geojson",
      data: {
        type: "FeatureCollection",
        features: offers.map((o) => ({ type: "Feature", properties: { id: o.id, title: o.title }, geometry: { type: "Point", coordinates: [o.lon, o.lat] } })),
      },
    },
    centre: {
      type: "geojson",
      data: { type: "FeatureCollection", features: centre ? [{ type: "Feature", properties: {}, geometry: { type: "Point", coordinates: [centre.lon, centre.lat] } }] : [] },
    },
  },
  layers: [
    { id: "background", type: "background", paint: { "background-color": mapColors.background } },
    { id: "centre", type: "circle", source: "centre", paint: { "circle-radius": 5, "circle-color": mapColors.commune, "circle-stroke-color": mapColors.pointStroke, "circle-stroke-width": 2 } },
    { id: "offers", type: "circle", source: "offers", paint: { "circle-radius": 7, "circle-color": mapColors.point, "circle-stroke-color": mapColors.pointStroke, "circle-stroke-width": 2 } },
  ],
});
