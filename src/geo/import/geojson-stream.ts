// Streaming splitter for a GeoJSON FeatureCollection: yields each element of the
// top-level "features" array, parsed on its own, without ever holding the whole
// text in one string. Checks that the document is a FeatureCollection.
import { geoError } from "../geo.errors.ts";

const QUOTE = 34, BACKSLASH = 92, OPEN_OBJECT = 123, CLOSE_OBJECT = 125, OPEN_ARRAY = 91, CLOSE_ARRAY = 93;
const COLON = 58, COMMA = 44;
const isWhitespace = (ch: number) => ch === 32 || ch === 10 || ch === 13 || ch === 9;

/** Parsed features in file order; `feature` is the 1-based number of the feature in the file. */
export async function* streamGeoJsonFeatures(chunks: AsyncIterable<string>): AsyncGenerator<{ feature: number; value: unknown }> {
  let started = false, finished = false;
  let depth = 0, inString = false, escape = false;
  // Top-level keys and the scalar value of "type" (depth 1 strings are captured).
  let key: string | null = null, expectKey = true, topType: string | null = null;
  let stringParts: string[] = [], stringStart = -1;
  // Elements of the features array (depth 2 objects).
  let inFeatures = false, featuresSeen = false, count = 0;
  let featureParts: string[] = [], featureStart = -1;

  for await (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk.charCodeAt(i);
      if (inString) {
        if (escape) escape = false;
        else if (ch === BACKSLASH) escape = true;
        else if (ch === QUOTE) {
          inString = false;
          if (stringStart !== -1) {
            const value = JSON.parse(`"${stringParts.join("") + chunk.slice(stringStart, i)}"`) as string;
            stringParts = [];
            stringStart = -1;
            if (expectKey) key = value;
            else if (key === "type") topType = value;
          }
        }
        continue;
      }
      if (isWhitespace(ch)) continue;
      if (finished) throw geoError("geo.not_geojson", { detail: "texte après la fin du document" });
      if (!started) {
        if (ch !== OPEN_OBJECT) throw geoError("geo.not_geojson", { detail: "le document ne commence pas par {" });
        started = true;
        depth = 1;
        continue;
      }
      if (inFeatures && depth === 2 && ch !== OPEN_OBJECT && ch !== COMMA && ch !== CLOSE_ARRAY) {
        throw geoError("geo.bad_feature", { feature: count + 1 });
      }
      switch (ch) {
        case QUOTE:
          inString = true;
          if (depth === 1) stringStart = i + 1;
          break;
        case OPEN_OBJECT:
        case OPEN_ARRAY:
          if (depth === 1 && ch === OPEN_ARRAY && key === "features" && !expectKey) {
            inFeatures = true;
            featuresSeen = true;
          } else if (inFeatures && depth === 2) featureStart = i;
          depth++;
          break;
        case CLOSE_OBJECT:
        case CLOSE_ARRAY:
          depth--;
          if (inFeatures && depth === 2 && featureStart !== -1) {
            const text = featureParts.join("") + chunk.slice(featureStart, i + 1);
            featureParts = [];
            featureStart = -1;
            count++;
            yield { feature: count, value: parseFeature(text, count) };
          } else if (inFeatures && depth === 1) inFeatures = false;
          if (depth === 0) finished = true;
          break;
        case COLON:
          if (depth === 1) expectKey = false;
          break;
        case COMMA:
          if (depth === 1) expectKey = true;
          break;
      }
    }
    if (stringStart !== -1) {
      stringParts.push(chunk.slice(stringStart));
      stringStart = 0;
    }
    if (featureStart !== -1) {
      featureParts.push(chunk.slice(featureStart));
      featureStart = 0;
    }
  }
  if (!started) throw geoError("geo.not_geojson", { detail: "fichier vide" });
  if (!finished) throw geoError("geo.not_geojson", { detail: "document tronqué" });
  if (topType !== "FeatureCollection") throw geoError("geo.not_geojson", { detail: `type « ${topType ?? "absent"} »` });
  if (!featuresSeen || count === 0) throw geoError("geo.no_features");
}

const parseFeature = (text: string, feature: number): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    throw geoError("geo.bad_feature", { feature });
  }
};
