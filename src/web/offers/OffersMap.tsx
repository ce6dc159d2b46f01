// The maplibre map of offer results, loaded on demand. A click on a point opens a popup with a link to the offer.
import "maplibre-gl/dist/maplibre-gl.css";
import { Map as MapLibre, NavigationControl, Popup, setWorkerUrl } from "maplibre-gl";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import { useEffect, useRef, useState } from "react";
import { navigate } from "../layout/router.tsx";
import { paths } from "../layout/router.domain.ts";
import { buildOffersMapStyle, type MapOffer, offersBounds } from "./offers-map.domain.ts";
import { offersText } from "./offers.fr.ts";

setWorkerUrl(workerUrl);
const t = offersText.search;

const OffersMap = ({ offers, centre }: { offers: MapOffer[]; centre: { lat: number; lon: number; radiusKm: number } | null }) => {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<MapLibre | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!container.current) return;
    try {
      const bounds = offersBounds(offers, centre);
      const instance = new MapLibre({
        container: container.current,
        style: buildOffersMapStyle(offers, centre),
        bounds: [bounds[0], bounds[1], bounds[2], bounds[3]],
        attributionControl: false,
        dragRotate: false,
        pitchWithRotate: false,
        touchPitch: false,
        locale: { "NavigationControl.ZoomIn": t.zoomIn, "NavigationControl.ZoomOut": t.zoomOut },
      });
      instance.addControl(new NavigationControl({ showCompass: false }), "top-right");
      instance.on("error", (event) => console.error("Carte :", event.error));
      instance.on("click", "offers", (event) => {
        const feature = event.features?.[0];
        if (!feature) return;
        const { id, title } = feature.properties as { id: string; title: string };
        const link = document.createElement("a");
        link.href = paths.offer(id);
        link.textContent = title;
        link.addEventListener("click", (click) => {
          click.preventDefault();
          navigate(paths.offer(id));
        });
        new Popup({ closeButton: true }).setLngLat(event.lngLat).setDOMContent(link).addTo(instance);
      });
      instance.on("mouseenter", "offers", () => { instance.getCanvas().style.cursor = "pointer"; });
      instance.on("mouseleave", "offers", () => { instance.getCanvas().style.cursor = ""; });
      map.current = instance;
    } catch (error) {
      console.error("Carte indisponible :", error);
      setFailed(true);
    }
    return () => {
      map.current?.remove();
      map.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const instance = map.current;
    if (!instance) return;
    instance.setStyle(buildOffersMapStyle(offers, centre));
    const bounds = offersBounds(offers, centre);
    instance.fitBounds([bounds[0], bounds[1], bounds[2], bounds[3]], { animate: false });
  }, [offers, centre]);

  if (failed) return <p className="fr-text--sm tremplin-map-fallback">{t.mapUnavailable}</p>;
  return <div ref={container} className="tremplin-map" data-testid="offers-map" />;
};

export default OffersMap;
