// Public offer search (no account): keywords, place + radius, contract type, employer kind; a results list and a map.
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Pagination } from "@codegouvfr/react-dsfr/Pagination";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { type FormEvent, Suspense, lazy, useEffect, useMemo, useState } from "react";
import { geocodeFailureLabels } from "../../geocoder/geocoder.types.ts";
import type { OfferSearchResult } from "../../offers/offers.contract.ts";
import { contractTypeLabels } from "../../offers/offers.domain.ts";
import { employerKinds } from "../../organisations/organisations.domain.ts";
import { errorMessage } from "../api/client.ts";
import { locate } from "../geo/geo.api.ts";
import { PageHeading, usePageTitle } from "../layout/page.tsx";
import { navigate, useLocation } from "../layout/router.tsx";
import { paths } from "../layout/router.domain.ts";
import { apiQuery, countLabel, emptySearch, formFromSearch, type OfferSearchForm, pageCount, radiusChoices, searchToUrl } from "./offer-search.domain.ts";
import { searchOffers } from "./offers.api.ts";
import { offersText } from "./offers.fr.ts";
import { OfferSummary } from "./OfferSummary.tsx";

const OffersMap = lazy(() => import("./OffersMap.tsx"));
const t = offersText.search;

type State =
  | { kind: "loading" }
  | { kind: "error"; message: string; field?: "place" }
  | { kind: "done"; result: OfferSearchResult };

export const OfferSearchPage = () => {
  usePageTitle(t.title);
  const { search } = useLocation();
  const submitted = useMemo(() => formFromSearch(search), [search]);
  const [form, setForm] = useState<OfferSearchForm>(submitted);
  const [state, setState] = useState<State>({ kind: "loading" });

  useEffect(() => setForm(submitted), [submitted]);

  useEffect(() => {
    const abort = new AbortController();
    setState({ kind: "loading" });
    (async () => {
      let point: { lat: number; lon: number } | null = null;
      if (submitted.place.trim()) {
        const located = await locate({ address: submitted.place.trim() }, abort.signal);
        if (!located.geocoding) {
          setState({ kind: "error", field: "place", message: t.placeNotFound((located.failure?.message ?? geocodeFailureLabels.street_not_found).toLowerCase()) });
          return;
        }
        point = { lat: located.geocoding.lat, lon: located.geocoding.lon };
      }
      const result = await searchOffers(apiQuery(submitted, point), abort.signal);
      setState({ kind: "done", result });
    })().catch((error: unknown) => {
      if (!abort.signal.aborted) setState({ kind: "error", message: errorMessage(error) });
    });
    return () => abort.abort();
  }, [submitted]);

  const set = (field: keyof OfferSearchForm) => (event: { target: { value: string } }) => setForm((previous) => ({ ...previous, [field]: event.target.value }));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    navigate(searchToUrl(paths.offers, { ...form, page: 1 }));
  };

  const result = state.kind === "done" ? state.result : null;
  const mapOffers = useMemo(
    () => (result?.results ?? []).filter((o) => o.place.lat !== null && o.place.lon !== null).map((o) => ({ id: o.id, title: o.title, lat: o.place.lat!, lon: o.place.lon! })),
    [result],
  );
  const placeError = state.kind === "error" && state.field === "place" ? state.message : undefined;

  return (
    <>
      <PageHeading>{t.heading}</PageHeading>
      <p className="fr-text--lead">{t.lead}</p>
      <form onSubmit={submit} noValidate role="search" aria-label={t.heading}>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <Input label={t.q} hintText={t.qHint} nativeInputProps={{ id: "offres-q", name: "q", value: form.q, onChange: set("q"), type: "search" }} />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Input
              label={t.place}
              hintText={t.placeHint}
              {...(placeError ? { state: "error" as const, stateRelatedMessage: placeError } : {})}
              nativeInputProps={{ id: "offres-lieu", name: "lieu", value: form.place, onChange: set("place"), autoComplete: "address-level2" }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-2">
            <Select label={t.radius} nativeSelectProps={{ id: "offres-rayon", name: "rayon", value: form.radiusKm, onChange: set("radiusKm") }}>
              {radiusChoices.map((km) => <option key={km} value={km}>{t.radiusOption(km)}</option>)}
            </Select>
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <Select label={t.contractType} nativeSelectProps={{ id: "offres-contrat", name: "contrat", value: form.contractType, onChange: set("contractType") }}>
              <option value="">{t.any}</option>
              {Object.entries(contractTypeLabels).map(([code, label]) => <option key={code} value={code}>{label}</option>)}
            </Select>
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <Select label={t.structureKind} nativeSelectProps={{ id: "offres-structure", name: "structure", value: form.structureKind, onChange: set("structureKind") }}>
              <option value="">{t.any}</option>
              {Object.entries(employerKinds).map(([code, label]) => <option key={code} value={code}>{label}</option>)}
            </Select>
          </div>
        </div>
        <Button type="submit" iconId="fr-icon-search-line" iconPosition="left" disabled={state.kind === "loading"}>
          {state.kind === "loading" ? t.searching : t.submit}
        </Button>
        {submitted.employer && (
          <p className="fr-mt-2w">
            <a href={searchToUrl(paths.offers, { ...submitted, employer: "", page: 1 })} onClick={(e) => { e.preventDefault(); navigate(searchToUrl(paths.offers, { ...submitted, employer: "", page: 1 })); }}>
              {t.clearEmployer}
            </a>
          </p>
        )}
      </form>

      <section aria-labelledby="resultats-titre" className="fr-mt-6w">
        <h2 id="resultats-titre">{t.results}</h2>
        <div role="status" aria-live="polite">
          {state.kind === "loading" && <p>{t.searching}</p>}
          {state.kind === "error" && !state.field && <p className="fr-error-text">{state.message}</p>}
          {result && (
            <p data-testid="offers-count">
              <strong>{countLabel(result.total)}</strong>
              {result.centre ? t.around(result.centre.radiusKm, submitted.place) : ""}
              {submitted.employer ? ` ${t.employerFilter}` : ""}
            </p>
          )}
        </div>
        {result && result.total === 0 && <p>{t.noResults}</p>}
        {result && result.results.length > 0 && (
          <>
            <h3 className="fr-sr-only">{t.listHeading}</h3>
            <ul className="tremplin-plain-list">
              {result.results.map((offer) => (
                <li key={offer.id}>
                  <OfferSummary offer={offer} headingLevel={3} />
                </li>
              ))}
            </ul>
            {pageCount(result.total) > 1 && (
              <Pagination
                count={pageCount(result.total)}
                defaultPage={submitted.page}
                getPageLinkProps={(page) => ({ href: searchToUrl(paths.offers, { ...submitted, page }) })}
                showFirstLast
                className="fr-mt-3w"
              />
            )}
          </>
        )}
      </section>

      {result && mapOffers.length > 0 && (
        <section aria-labelledby="carte-offres-titre" className="fr-mt-6w">
          <h2 id="carte-offres-titre">{t.mapHeading}</h2>
          <p>{t.mapAlternative}</p>
          <Suspense fallback={<p role="status">{t.mapLoading}</p>}>
            <OffersMap offers={mapOffers} centre={result.centre} />
          </Suspense>
        </section>
      )}
    </>
  );
};

export { emptySearch };
