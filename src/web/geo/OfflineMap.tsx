// The offline maplibre map shared by the address check and the offer search: one inline style (no tiles, no glyphs),
// fitted to a box, zoom buttons in French, no rotation nor pitch. If WebGL is missing, a text says where the same
// information is. Imported only by modules loaded on demand, so that maplibre stays out of the other pages.
import "maplibre-gl/dist/maplibre-gl.css";
import { Map as MapLibre, NavigationControl, setWorkerUrl } from "maplibre-gl";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import { useEffect, useRef, useState } from "react";
import type { Bbox, MapStyle } from "./geo-map.domain.ts";
import { geoText } from "./geo.fr.ts";

setWorkerUrl(workerUrl);

const t = geoText.map;

/**
 * `style` and `bounds` are applied again whenever they change (give them memoised); `onCreated` adds what a map
 * has of its own (e.g. popups), once, on the new instance.
 */
export const OfflineMap = ({
  style,
  bounds,
  unavailable,
  testId,
  onCreated,
}: {
  style: MapStyle;
  bounds: Bbox;
  /** Shown instead of the map when it cannot be drawn. */
  unavailable: string;
  testId: string;
  onCreated?: (map: MapLibre) => void;
}) => {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<MapLibre | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!container.current) return;
    try {
      const instance = new MapLibre({
        container: container.current,
        style,
        bounds: [bounds[0], bounds[1], bounds[2], bounds[3]],
        attributionControl: false,
        dragRotate: false,
        pitchWithRotate: false,
        touchPitch: false,
        locale: { "NavigationControl.ZoomIn": t.zoomIn, "NavigationControl.ZoomOut": t.zoomOut },
      });
      instance.addControl(new NavigationControl({ showCompass: false }), "top-right");
      instance.on("error", (event) => console.error("Carte :", event.error));
      onCreated?.(instance);
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
    instance.setStyle(style);
    instance.fitBounds([bounds[0], bounds[1], bounds[2], bounds[3]], { animate: false });
  }, [style, bounds]);

  if (failed) return <p className="fr-text--sm tremplin-map-fallback">{unavailable}</p>;
  return <div ref={container} className="tremplin-map" data-testid={testId} />;
};
