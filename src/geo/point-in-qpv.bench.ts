// Benchmark: point-in-QPV against all 2024 perimeters with the 158,048 real Paris
// BAN addresses, flatbush index vs linear scan (bounding box per part, then exact test).
import { resolve } from "node:path";
import { loadBanPoints, type Points } from "./ban-points.ts";
import { buildPolygonIndex, findContainingLinear, type PolygonIndex } from "./polygon-index.ts";
import { loadQpvPerimeters } from "./qpv-file.ts";

const root = resolve(import.meta.dirname, "../..");
export const QPV_2024_FILE = resolve(root, "data/qpv/qpv_2024_france_wgs84.geojson.gz");
export const PARIS_BAN_FILE = resolve(root, "data/ban/ban_adresses-75_2024-06.csv.gz");

type Result = { name: string; value: number; unit: string; baseline?: { name: string; value: number }; ratio?: number; target?: string };

/** Points per second over `rounds` passes (at least `minMs` of work), and how many points fell inside. */
const measure = (points: Points, lookup: (lon: number, lat: number) => unknown, minMs: number) => {
  let inside = 0;
  let done = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (let i = 0; i < points.count; i++) if (lookup(points.lon[i]!, points.lat[i]!) !== null) inside++;
    done += points.count;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  return { perSecond: (done / elapsed) * 1000, inside: inside / (done / points.count) };
};

export async function run(): Promise<Result[]> {
  const perimeters = await loadQpvPerimeters(QPV_2024_FILE, 2024);
  const points = await loadBanPoints(PARIS_BAN_FILE);
  const index: PolygonIndex = buildPolygonIndex(perimeters);
  measure(points, index.findContaining, 200); // warm-up
  const indexed = measure(points, index.findContaining, 1500);
  const linear = measure(points, (lon, lat) => findContainingLinear(index, lon, lat), 1500);
  if (indexed.inside !== linear.inside) throw new Error(`index and linear scan disagree: ${indexed.inside} vs ${linear.inside}`);
  const distance = measure(points, (lon, lat) => index.nearestBoundaryDistanceM(lon, lat, 1000), 1000);
  return [
    {
      name: `point-in-QPV 2024, flatbush index (${perimeters.length} perimeters, ${points.count} Paris BAN points, ${indexed.inside} inside)`,
      value: Math.round(indexed.perSecond),
      unit: "points/s",
      baseline: { name: "linear scan (bbox per part, then exact test)", value: Math.round(linear.perSecond) },
      ratio: Math.round((indexed.perSecond / linear.perSecond) * 10) / 10,
      target: "≥ 1 000 000 points/s sur un cœur",
    },
    { name: "distance to the nearest QPV 2024 boundary (≤ 1 km)", value: Math.round(distance.perSecond), unit: "points/s" },
  ];
}

if (import.meta.main) console.log(await run());
