// The map of a located address (point, QPV perimeters, commune outline), loaded on demand (dynamic import).
import { useMemo } from "react";
import { type Bbox, type MapFeatures, buildMapStyle } from "./geo-map.domain.ts";
import { geoText } from "./geo.fr.ts";
import { OfflineMap } from "./OfflineMap.tsx";

const LocateMap = ({ features, bounds }: { features: MapFeatures; bounds: Bbox }) => {
  const style = useMemo(() => buildMapStyle(features), [features]);
  return <OfflineMap style={style} bounds={bounds} unavailable={geoText.map.unavailable} testId="locate-map" />;
};

export default LocateMap;
