// Approximate commune outline and extent from its address points (pure):
// convex hull (Andrew's monotone chain) as a closed [lon, lat] ring, centroid,
// and radius = distance from the centroid to the farthest address.

export type LonLat = [number, number];

const EARTH_RADIUS_M = 6_371_008.8;
const toRad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres. */
export const haversineM = (lon1: number, lat1: number, lon2: number, lat2: number): number => {
  const dLat = toRad(lat2 - lat1);
  const dLon = toRad(lon2 - lon1);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(lat1)) * Math.cos(toRad(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
};

const cross = (o: LonLat, a: LonLat, b: LonLat) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

/** Counter-clockwise closed ring (first point repeated last); degenerate inputs give a tiny box. */
export const convexHullRing = (points: LonLat[]): LonLat[] => {
  const sorted = [...points].sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  const unique = sorted.filter((p, i) => i === 0 || p[0] !== sorted[i - 1][0] || p[1] !== sorted[i - 1][1]);
  if (unique.length < 3) {
    const [lon, lat] = unique[0] ?? [0, 0];
    const [lon2, lat2] = unique.at(-1) ?? [lon, lat];
    const d = 0.0005;
    const [minLon, maxLon, minLat, maxLat] = [Math.min(lon, lon2) - d, Math.max(lon, lon2) + d, Math.min(lat, lat2) - d, Math.max(lat, lat2) + d];
    return [[minLon, minLat], [maxLon, minLat], [maxLon, maxLat], [minLon, maxLat], [minLon, minLat]];
  }
  const lower: LonLat[] = [];
  for (const p of unique) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: LonLat[] = [];
  for (let i = unique.length - 1; i >= 0; i--) {
    const p = unique[i];
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 0) upper.pop();
    upper.push(p);
  }
  const ring = [...lower.slice(0, -1), ...upper.slice(0, -1)];
  return [...ring, ring[0]];
};

export type CommuneExtent = { lon: number; lat: number; radiusM: number; count: number; outline: LonLat[] };

/** Centroid (mean of the points), radius and outline of a commune's addresses. */
export const communeExtent = (lons: ArrayLike<number>, lats: ArrayLike<number>): CommuneExtent => {
  const count = lons.length;
  let sumLon = 0;
  let sumLat = 0;
  for (let i = 0; i < count; i++) { sumLon += lons[i]; sumLat += lats[i]; }
  const lon = sumLon / count;
  const lat = sumLat / count;
  let radiusM = 0;
  const points: LonLat[] = [];
  for (let i = 0; i < count; i++) {
    radiusM = Math.max(radiusM, haversineM(lon, lat, lons[i], lats[i]));
    points.push([lons[i], lats[i]]);
  }
  return { lon, lat, radiusM: Math.max(radiusM, 100), count, outline: convexHullRing(points) };
};
