// Map section of the result: loads perimeters and commune outline, describes them in text, then draws the lazy map.
import { type CSSProperties, Suspense, lazy, useMemo } from "react";
import type { LocateResponse } from "../../geo/geo.contract.ts";
import { useLoad } from "../api/use-load.ts";
import { fetchCommuneOutline, fetchPerimeters } from "./geo.api.ts";
import { type MapFeatures, bboxAround, mapColors } from "./geo-map.domain.ts";
import { geoText } from "./geo.fr.ts";

const LocateMap = lazy(() => import("./LocateMap.tsx"));
const t = geoText.map;
const perimetersRadiusM = 1500;
const viewRadiusM = 700;

/** The point drawn and, when known, its commune (an address's; coordinates checked as they are have none). */
export type MapPlace = { lat: number; lon: number; citycode: string | null };
type Loaded = { perimeters: MapFeatures["perimeters"]; outline: MapFeatures["outline"] };

const Swatch = ({ color, shape }: { color: string; shape: "dot" | "area" | "dash" }) => (
  <span aria-hidden="true" className={`tremplin-swatch tremplin-swatch--${shape}`} style={{ "--swatch": color } as CSSProperties} />
);

export const MapSection = ({ result, place }: { result: LocateResponse; place: MapPlace }) => {
  const { lat, lon, citycode } = place;
  const { state } = useLoad(async (signal): Promise<Loaded> => {
    const perimeters = fetchPerimeters(bboxAround(lat, lon, perimetersRadiusM), result.geography.qpv, signal);
    // The outline is a complement: the map stays useful without it.
    const outline = citycode ? fetchCommuneOutline(citycode, signal).catch(() => null) : Promise.resolve(null);
    const [p, o] = await Promise.all([perimeters, outline]);
    return { perimeters: p, outline: o };
  }, [lat, lon, citycode, result.geography.qpv]);
  const loaded = state.kind === "done" ? state.value : null;
  const error = state.kind === "error" ? state.message : null;

  const features = useMemo<MapFeatures | null>(
    () => (loaded ? { point: { lat, lon }, ...loaded, containingQpvCode: result.qpv?.code ?? null } : null),
    [loaded, lat, lon, result.qpv?.code],
  );
  const bounds = useMemo(() => bboxAround(lat, lon, viewRadiusM), [lat, lon]);

  return (
    <section aria-labelledby="carte-titre" className="fr-mt-6w">
      <h2 id="carte-titre">{t.heading}</h2>
      <p>{t.alternative}</p>
      {error && <p className="fr-error-text">{error}</p>}
      {!loaded && !error && <p role="status">{t.loading}</p>}
      {features && (
        <figure className="fr-m-0">
          <Suspense fallback={<p role="status">{t.loading}</p>}>
            <LocateMap features={features} bounds={bounds} />
          </Suspense>
          <figcaption className="fr-mt-2w">
            <ul className="tremplin-legend">
              <li><Swatch color={mapColors.point} shape="dot" />{t.legendPoint}</li>
              {result.qpv && <li><Swatch color={mapColors.qpvContaining} shape="area" />{t.legendQpv} : {result.qpv.name}</li>}
              <li><Swatch color={mapColors.qpvOther} shape="area" />{t.legendOtherQpv}</li>
              {features.outline && (
                <li>
                  <Swatch color={mapColors.commune} shape="dash" />
                  {t.legendCommune(features.outline.properties.name, features.outline.properties.approximate)}
                </li>
              )}
            </ul>
            <p className="fr-text--sm fr-mb-1v">{t.perimetersCount(features.perimeters.features.length, result.geography.qpv)}</p>
            <p className="fr-text--xs">{t.sources}</p>
          </figcaption>
        </figure>
      )}
    </section>
  );
};
