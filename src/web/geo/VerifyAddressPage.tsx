// Page "Vérifier une adresse": form, textual result, then the offline map.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useEffect, useRef, useState } from "react";
import type { LocateResponse } from "../../geo/geo.contract.ts";
import { errorMessage } from "../api/client.ts";
import { PageHeading, usePageTitle } from "../layout/page.tsx";
import { type LocateInput, locate } from "./geo.api.ts";
import { geoText as t } from "./geo.fr.ts";
import { LocateForm } from "./LocateForm.tsx";
import { LocateResult, type Point } from "./LocateResult.tsx";
import { type MapPlace, MapSection } from "./MapSection.tsx";

type State =
  | { kind: "idle" }
  | { kind: "loading" }
  | { kind: "error"; message: string }
  | { kind: "done"; result: LocateResponse; point: Point | null };

/** Where the map is centred: the geocoded address, or the coordinates checked as they are; null when not located. */
const placeOf = (result: LocateResponse, point: Point | null): MapPlace | null => {
  if (result.geocoding) return { lat: result.geocoding.lat, lon: result.geocoding.lon, citycode: result.geocoding.citycode };
  return point && !result.failure ? { ...point, citycode: null } : null;
};

export const VerifyAddressPage = () => {
  usePageTitle(t.title);
  const [state, setState] = useState<State>({ kind: "idle" });
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const pending = useRef<AbortController | null>(null);

  const check = async (input: LocateInput) => {
    pending.current?.abort();
    const abort = new AbortController();
    pending.current = abort;
    setState({ kind: "loading" });
    try {
      const result = await locate(input, abort.signal);
      const point = input.lat !== undefined && input.lon !== undefined ? { lat: input.lat, lon: input.lon } : null;
      setState({ kind: "done", result, point });
    } catch (error) {
      if (abort.signal.aborted) return;
      setState({ kind: "error", message: errorMessage(error) });
    }
  };

  // Once a result (or an error) is on screen, move focus to its heading so that
  // screen-reader and keyboard users land on it (after React has committed it).
  useEffect(() => {
    if (state.kind === "done" || state.kind === "error") resultHeading.current?.focus();
  }, [state]);

  const place = state.kind === "done" ? placeOf(state.result, state.point) : null;
  return (
    <>
      <PageHeading>{t.title}</PageHeading>
      <p className="fr-text--lead">{t.lead}</p>
      <p id="locate-privacy" className="fr-text--sm">{t.privacy}</p>
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-lg-8">
          <LocateForm busy={state.kind === "loading"} onSubmit={check} />
        </div>
      </div>
      <div className="fr-mt-6w">
        {state.kind !== "idle" && state.kind !== "loading" && (
          <h2 ref={resultHeading} tabIndex={-1}>{t.result.heading}</h2>
        )}
        {state.kind === "loading" && <p role="status">{t.form.submitting}</p>}
        {state.kind === "error" && <Alert severity="error" small description={state.message} />}
        {state.kind === "done" && <LocateResult result={state.result} point={state.point} />}
      </div>
      {place && state.kind === "done" && <MapSection result={state.result} place={place} />}
    </>
  );
};
