// Reference data shipped with the repository (data/, compressed) so that the
// CLI and the demo work offline right after `npm install`. Provenance and
// licences: README.md § Données.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const packageRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const data = (path: string) => join(packageRoot, "data", path);
const require = createRequire(import.meta.url);

export type ShippedDataset =
  | { kind: "communes"; scope: "national"; path: string; label: string }
  | { kind: "qpv"; scope: "2015" | "2024"; millesime: 2015 | 2024; path: string; label: string }
  | { kind: "zrr" | "frr"; scope: "france"; path: string; label: string }
  | { kind: "ban"; scope: string; path: string; millesime: string; label: string }
  | { kind: "rome"; scope: "national"; path: string; label: string };

export const shippedDatasets = (): ShippedDataset[] => [
  {
    kind: "communes",
    scope: "national",
    path: join(dirname(require.resolve("@etalab/decoupage-administratif/package.json")), "data", "communes.json"),
    label: "communes (COG 2026, @etalab/decoupage-administratif)",
  },
  { kind: "qpv", scope: "2015", millesime: 2015, path: data("qpv/qpv_2015_france_wgs84.geojson.gz"), label: "périmètres QPV 2015" },
  { kind: "qpv", scope: "2024", millesime: 2024, path: data("qpv/qpv_2024_france_wgs84.geojson.gz"), label: "périmètres QPV 2024" },
  { kind: "zrr", scope: "france", path: data("rural/zrr_communes_cog2021_anct.csv.gz"), label: "communes ZRR" },
  { kind: "frr", scope: "france", path: data("rural/frr_communes_2025-07-10.csv.gz"), label: "communes FRR" },
  { kind: "ban", scope: "75", path: data("ban/ban_adresses-75_2024-06.csv.gz"), millesime: "BAN 2024-06", label: "adresses BAN de Paris" },
  { kind: "rome", scope: "national", path: data("rome"), label: "référentiel ROME 4.0 (France Travail)" },
];
