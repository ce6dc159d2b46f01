// Error catalogue of the geography capability (imports of reference data, lookups).
import { defineErrors } from "../server/errors.ts";

const featureAt = (p: Record<string, unknown>) => `entité n° ${String(p.feature)}`;
const lineAt = (p: Record<string, unknown>) => `ligne ${String(p.line)}`;

export const geoError = defineErrors({
  "geo.not_geojson": {
    status: 400,
    message: (p) => `Le fichier n'est pas une FeatureCollection GeoJSON${p.detail ? ` (${String(p.detail)})` : ""}.`,
  },
  "geo.no_features": { status: 400, message: () => "Le fichier GeoJSON ne contient aucune entité (features vide ou absent)." },
  "geo.bad_feature": { status: 400, message: (p) => `${featureAt(p)} : JSON illisible ou entité qui n'est pas une Feature.` },
  "geo.missing_code": {
    status: 400,
    message: (p) => `${featureAt(p)} : propriété ${String(p.property)} (code du quartier) absente ou vide.`,
  },
  "geo.bad_code": {
    status: 400,
    message: (p) =>
      `${featureAt(p)} : le code « ${String(p.code)} » (propriété ${String(p.property)}) ne correspond pas au millésime ${String(p.millesime)} (codes attendus ${String(p.expected)}).`,
  },
  "geo.duplicate_code": { status: 400, message: (p) => `${featureAt(p)} : le code ${String(p.code)} apparaît deux fois.` },
  "geo.bad_geometry": {
    status: 400,
    message: (p) => `${featureAt(p)} (${String(p.code)}) : géométrie invalide — ${String(p.detail)}.`,
  },
  "geo.csv_no_header": {
    status: 400,
    message: (p) => `Ligne d'en-tête introuvable : une ligne contenant les colonnes ${String(p.expected)} est attendue.`,
  },
  "geo.csv_bad_code": {
    status: 400,
    message: (p) => `${lineAt(p)}, colonne ${String(p.column)} : « ${String(p.value)} » n'est pas un code INSEE de commune.`,
  },
  "geo.csv_bad_class": {
    status: 400,
    message: (p) => `${lineAt(p)}, colonne ${String(p.column)} : classement « ${String(p.value)} » inconnu.`,
  },
  "geo.csv_duplicate": { status: 400, message: (p) => `${lineAt(p)} : la commune ${String(p.code)} apparaît deux fois.` },
  "geo.csv_empty": { status: 400, message: () => "Le fichier ne contient aucune commune après la ligne d'en-tête." },
  "geo.bad_bbox": {
    status: 400,
    message: (p) => `Emprise « ${String(p.bbox)} » invalide : minLon,minLat,maxLon,maxLat avec min ≤ max attendus.`,
  },
  "geo.outline_not_found": {
    status: 404,
    message: (p) => `Aucun contour connu pour la commune ${String(p.code)} (ses adresses ne sont pas importées).`,
  },
});
