// Static spatial index of (multi)polygons: flatbush over the bounding boxes of
// polygon parts, exact even-odd point-in-polygon on flat typed arrays, and the
// distance from a point to the nearest boundary. Pure, no I/O.
import Flatbush from "flatbush";

export type PolygonFeature = { code: string; name: string; coordinates: number[][][][] /* MultiPolygon */ };

export type PolygonIndex<F extends PolygonFeature = PolygonFeature> = {
  /** The feature whose polygon contains the point (points on an edge or vertex count as inside), or null. */
  findContaining(lon: number, lat: number): F | null;
  /** Distance in metres from the point to the nearest polygon boundary, when it is ≤ maxM; otherwise null. */
  nearestBoundaryDistanceM(lon: number, lat: number, maxM: number): number | null;
  /** Features whose parts' bounding boxes intersect the box. */
  featuresInBbox(minLon: number, minLat: number, maxLon: number, maxLat: number): F[];
  features: readonly F[];
  /** Flat storage, exposed for the linear-scan baseline and tests. */
  readonly store: RingStore;
};

/** All rings of all parts, flattened: coordinates interleaved [x0, y0, x1, y1, …]. */
export type RingStore = {
  coords: Float64Array;
  /** Per ring: first point index (inclusive) and last point index (exclusive) into coords / 2. */
  ringStart: Int32Array;
  ringEnd: Int32Array;
  /** Per ring: minX, minY, maxX, maxY. */
  ringBbox: Float64Array;
  /** Per part: its rings are partRingStart[p] … partRingEnd[p] - 1; ring partRingStart[p] is the outer ring. */
  partRingStart: Int32Array;
  partRingEnd: Int32Array;
  partFeature: Int32Array;
};

/** Metres per degree of latitude (mean Earth radius 6,371,008.8 m). */
export const METRES_PER_DEGREE = (6_371_008.8 * Math.PI) / 180;

/** Tolerance (in degrees, ~0.1 mm) under which a point counts as lying on an edge. */
const ON_EDGE_TOLERANCE = 1e-9;

export const buildPolygonIndex = <F extends PolygonFeature>(features: readonly F[]): PolygonIndex<F> => {
  const store = buildRingStore(features);
  const partCount = store.partFeature.length;
  const tree = new Flatbush(Math.max(partCount, 1));
  for (let part = 0; part < partCount; part++) {
    const outer = store.partRingStart[part]! * 4;
    tree.add(store.ringBbox[outer]!, store.ringBbox[outer + 1]!, store.ringBbox[outer + 2]!, store.ringBbox[outer + 3]!);
  }
  if (partCount === 0) tree.add(Infinity, Infinity, Infinity, Infinity);
  tree.finish();

  const findContaining = (lon: number, lat: number): F | null => {
    if (partCount === 0) return null;
    const hits = tree.search(lon, lat, lon, lat);
    let best = -1;
    for (let i = 0; i < hits.length; i++) {
      const part = hits[i]!;
      const feature = store.partFeature[part]!;
      if ((best === -1 || feature < best) && partContains(store, part, lon, lat)) best = feature;
    }
    return best === -1 ? null : features[best]!;
  };

  const nearestBoundaryDistanceM = (lon: number, lat: number, maxM: number): number | null => {
    if (partCount === 0) return null;
    const ky = METRES_PER_DEGREE;
    const kx = Math.max(METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180), 1e-6);
    const dLon = maxM / kx;
    const dLat = maxM / ky;
    const hits = tree.search(lon - dLon, lat - dLat, lon + dLon, lat + dLat);
    let bestSq = maxM * maxM;
    let found = false;
    for (const part of hits) {
      for (let ring = store.partRingStart[part]!; ring < store.partRingEnd[part]!; ring++) {
        const b = ring * 4;
        const bb = store.ringBbox;
        if (lon + dLon < bb[b]! || lon - dLon > bb[b + 2]! || lat + dLat < bb[b + 1]! || lat - dLat > bb[b + 3]!) continue;
        const d = ringDistanceSq(store, ring, lon, lat, kx, ky);
        if (d <= bestSq) {
          bestSq = d;
          found = true;
        }
      }
    }
    return found ? Math.sqrt(bestSq) : null;
  };

  const featuresInBbox = (minLon: number, minLat: number, maxLon: number, maxLat: number): F[] => {
    if (partCount === 0) return [];
    const ids = new Set<number>();
    for (const part of tree.search(minLon, minLat, maxLon, maxLat)) ids.add(store.partFeature[part]!);
    return [...ids].sort((a, b) => a - b).map((id) => features[id]!);
  };

  return { findContaining, nearestBoundaryDistanceM, featuresInBbox, features, store };
};

/** Baseline for the benchmark and tests: every part tested in turn (bounding box first), no index. */
export const findContainingLinear = <F extends PolygonFeature>(index: PolygonIndex<F>, lon: number, lat: number): F | null => {
  const { store } = index;
  for (let part = 0; part < store.partFeature.length; part++) {
    const b = store.partRingStart[part]! * 4;
    const bb = store.ringBbox;
    if (lon < bb[b]! || lon > bb[b + 2]! || lat < bb[b + 1]! || lat > bb[b + 3]!) continue;
    if (partContains(store, part, lon, lat)) return index.features[store.partFeature[part]!]!;
  }
  return null;
};

const buildRingStore = (features: readonly PolygonFeature[]): RingStore => {
  let points = 0;
  let rings = 0;
  let parts = 0;
  for (const feature of features) {
    for (const polygon of feature.coordinates) {
      parts++;
      for (const ring of polygon) {
        rings++;
        points += ring.length;
      }
    }
  }
  const store: RingStore = {
    coords: new Float64Array(points * 2),
    ringStart: new Int32Array(rings),
    ringEnd: new Int32Array(rings),
    ringBbox: new Float64Array(rings * 4),
    partRingStart: new Int32Array(parts),
    partRingEnd: new Int32Array(parts),
    partFeature: new Int32Array(parts),
  };
  let point = 0;
  let ringId = 0;
  let partId = 0;
  features.forEach((feature, featureId) => {
    for (const polygon of feature.coordinates) {
      store.partRingStart[partId] = ringId;
      store.partFeature[partId] = featureId;
      for (const ring of polygon) {
        store.ringStart[ringId] = point;
        let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
        for (const position of ring) {
          const x = position[0]!, y = position[1]!;
          store.coords[point * 2] = x;
          store.coords[point * 2 + 1] = y;
          point++;
          if (x < minX) minX = x;
          if (x > maxX) maxX = x;
          if (y < minY) minY = y;
          if (y > maxY) maxY = y;
        }
        store.ringEnd[ringId] = point;
        store.ringBbox.set([minX, minY, maxX, maxY], ringId * 4);
        ringId++;
      }
      store.partRingEnd[partId] = ringId;
      partId++;
    }
  });
  return store;
};

const ON_EDGE = 2;

/** Even-odd over the outer ring and its holes; a point on any ring's boundary is inside. */
const partContains = (store: RingStore, part: number, x: number, y: number): boolean => {
  let inside = false;
  const bb = store.ringBbox;
  for (let ring = store.partRingStart[part]!; ring < store.partRingEnd[part]!; ring++) {
    const b = ring * 4;
    if (x < bb[b]! || x > bb[b + 2]! || y < bb[b + 1]! || y > bb[b + 3]!) {
      if (ring === store.partRingStart[part]) return false; // outside the outer ring's box
      continue; // outside this hole's box: it changes nothing
    }
    const result = ringCrossings(store, ring, x, y);
    if (result === ON_EDGE) return true;
    if (result === 1) inside = !inside;
  }
  return inside;
};

/**
 * 1 when a horizontal ray from the point crosses the ring an odd number of times, 0 when even,
 * ON_EDGE when the point lies on an edge or a vertex. Rings are closed (last point = first point),
 * but an unclosed ring is treated as closed.
 */
const ringCrossings = (store: RingStore, ring: number, x: number, y: number): number => {
  const c = store.coords;
  const start = store.ringStart[ring]!;
  const end = store.ringEnd[ring]!;
  let odd = 0;
  let x1 = c[(end - 1) * 2]!;
  let y1 = c[(end - 1) * 2 + 1]!;
  for (let i = start; i < end; i++) {
    const x2 = c[i * 2]!;
    const y2 = c[i * 2 + 1]!;
    if (y1 > y !== y2 > y) {
      // The edge straddles the horizontal line through the point.
      const dy = y2 - y1;
      const cross = (x2 - x1) * (y - y1) - (x - x1) * dy;
      if (Math.abs(cross) <= ON_EDGE_TOLERANCE * (Math.abs(x2 - x1) + Math.abs(dy))) return ON_EDGE;
      // The crossing lies to the right of the point when cross and dy have the same sign.
      if (cross > 0 === dy > 0) odd ^= 1;
    } else if (y1 === y || y2 === y) {
      // Horizontal edge on the line, or a vertex touching it from one side.
      if (y1 === y && y2 === y ? x >= Math.min(x1, x2) && x <= Math.max(x1, x2) : (y1 === y && x1 === x) || (y2 === y && x2 === x)) {
        return ON_EDGE;
      }
    }
    x1 = x2;
    y1 = y2;
  }
  return odd;
};

/** Squared distance in metres from the point to the ring, in an equirectangular projection around the point. */
const ringDistanceSq = (store: RingStore, ring: number, lon: number, lat: number, kx: number, ky: number): number => {
  const c = store.coords;
  const start = store.ringStart[ring]!;
  const end = store.ringEnd[ring]!;
  let best = Infinity;
  let ax = (c[(end - 1) * 2]! - lon) * kx;
  let ay = (c[(end - 1) * 2 + 1]! - lat) * ky;
  for (let i = start; i < end; i++) {
    const bx = (c[i * 2]! - lon) * kx;
    const by = (c[i * 2 + 1]! - lat) * ky;
    const dx = bx - ax;
    const dy = by - ay;
    const lengthSq = dx * dx + dy * dy;
    // Projection of the origin (the point) on the segment, clamped to [0, 1].
    let t = lengthSq > 0 ? -(ax * dx + ay * dy) / lengthSq : 0;
    if (t < 0) t = 0;
    else if (t > 1) t = 1;
    const px = ax + t * dx;
    const py = ay + t * dy;
    const d = px * px + py * py;
    if (d < best) best = d;
    ax = bx;
    ay = by;
  }
  return best;
};
