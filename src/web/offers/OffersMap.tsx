// The map of offer results, loaded on demand. A click on a point opens a popup with a link to the offer.
import { type Map as MapLibre, Popup } from "maplibre-gl";
import { useMemo } from "react";
import { OfflineMap } from "../geo/OfflineMap.tsx";
import { navigate } from "../layout/router.tsx";
import { paths } from "../layout/router.domain.ts";
import { buildOffersMapStyle, type MapOffer, offersBounds } from "./offers-map.domain.ts";
import { offersText } from "./offers.fr.ts";

/** Popups on the offers' points, and the pointer over them. */
const addOfferPopups = (map: MapLibre) => {
  map.on("click", "offers", (event) => {
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
    new Popup({ closeButton: true }).setLngLat(event.lngLat).setDOMContent(link).addTo(map);
  });
  map.on("mouseenter", "offers", () => { map.getCanvas().style.cursor = "pointer"; });
  map.on("mouseleave", "offers", () => { map.getCanvas().style.cursor = ""; });
};

const OffersMap = ({ offers, centre }: { offers: MapOffer[]; centre: { lat: number; lon: number; radiusKm: number } | null }) => {
  const style = useMemo(() => buildOffersMapStyle(offers, centre), [offers, centre]);
  const bounds = useMemo(() => offersBounds(offers, centre), [offers, centre]);
  return <OfflineMap style={style} bounds={bounds} unavailable={offersText.search.mapUnavailable} testId="offers-map" onCreated={addOfferPopups} />;
};

export default OffersMap;
