// The maplibre map itself, loaded on demand (dynamic import) so that other pages stay light.
import "maplibre-gl/dist/maplibre-gl.css";
import { Map as MapLibre, NavigationControl, setWorkerUrl } from "maplibre-gl";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import { useEffect, useRef, useState } from "react";
import { type Bbox, type MapFeatures, buildMapStyle } from "./geo-map.domain.ts";
import { geoText } from "./geo.fr.ts";

setWorkerUrl(workerUrl);

const t = geoText.map;

/** Draws the features; if WebGL is missing, says so and points to the text result. */
const LocateMap = ({ features, bounds }: { features: MapFeatures; bounds: Bbox }) => {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<MapLibre | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!container.current) return;
    try {
      const instance = new MapLibre({
        container: container.current,
        style: buildMapStyle(features),
        bounds: [bounds[0], bounds[1], bounds[2], bounds[3]],
        attributionControl: false,
        dragRotate: false,
        pitchWithRotate: false,
        touchPitch: false,
        locale: { "NavigationControl.ZoomIn": t.zoomIn, "NavigationControl.ZoomOut": t.zoomOut },
      });
      instance.addControl(new NavigationControl({ showCompass: false }), "top-right");
      instance.on("error", (event) => console.error("Carte :", event.error));
      map.current = instance;
    } catch (error) {
      console.error("Carte indisponible :", error);
      setFailed(true);
    }
    return () => {
      map.current?.remove();
      map.current = null;
    };
    // The map is created once; later changes go through setStyle/fitBounds below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const instance = map.current;
    if (!instance) return;
    instance.setStyle(buildMapStyle(features));
    instance.fitBounds([bounds[0], bounds[1], bounds[2], bounds[3]], { animate: false });
  }, [features, bounds]);

  if (failed) return <p className="fr-text--sm tremplin-map-fallback">{t.unavailable}</p>;
  return <div ref={container} className="tremplin-map" data-testid="locate-map" />;
};

export default LocateMap;
