// The public offer search form ↔ the page's query string ↔ the API query. Pure.
export type OfferSearchForm = {
  q: string;
  /** Commune or address typed by the visitor; located with the offline geocoder. */
  place: string;
  radiusKm: string;
  contractType: string;
  structureKind: string;
  employer: string;
  page: number;
};

export const radiusChoices = ["2", "5", "10", "20", "30", "50", "100"] as const;
export const defaultRadiusKm = "10";
export const perPage = 20;

export const emptySearch: OfferSearchForm = { q: "", place: "", radiusKm: defaultRadiusKm, contractType: "", structureKind: "", employer: "", page: 1 };

const keys = { q: "q", place: "lieu", radiusKm: "rayon", contractType: "contrat", structureKind: "structure", employer: "employeur", page: "page" } as const;

/** Reads the form from `?q=…&lieu=…&rayon=…` (unknown or bad values fall back to defaults). */
export const formFromSearch = (search: string): OfferSearchForm => {
  const params = new URLSearchParams(search);
  const radius = params.get(keys.radiusKm) ?? defaultRadiusKm;
  const page = Number(params.get(keys.page) ?? "1");
  return {
    q: params.get(keys.q) ?? "",
    place: params.get(keys.place) ?? "",
    radiusKm: (radiusChoices as readonly string[]).includes(radius) ? radius : defaultRadiusKm,
    contractType: params.get(keys.contractType) ?? "",
    structureKind: params.get(keys.structureKind) ?? "",
    employer: params.get(keys.employer) ?? "",
    page: Number.isInteger(page) && page >= 1 && page <= 1000 ? page : 1,
  };
};

/** The page URL of a search (defaults left out). */
export const searchToUrl = (path: string, form: OfferSearchForm): string => {
  const params = new URLSearchParams();
  if (form.q.trim()) params.set(keys.q, form.q.trim());
  if (form.place.trim()) {
    params.set(keys.place, form.place.trim());
    params.set(keys.radiusKm, form.radiusKm);
  }
  if (form.contractType) params.set(keys.contractType, form.contractType);
  if (form.structureKind) params.set(keys.structureKind, form.structureKind);
  if (form.employer) params.set(keys.employer, form.employer);
  if (form.page > 1) params.set(keys.page, String(form.page));
  const query = params.toString();
  return query ? `${path}?${query}` : path;
};

/** The API query, once the place (if any) is located. */
export const apiQuery = (form: OfferSearchForm, point: { lat: number; lon: number } | null): Record<string, string | number | undefined> => ({
  q: form.q.trim() || undefined,
  lat: point?.lat,
  lon: point?.lon,
  radiusKm: point ? Number(form.radiusKm) : undefined,
  contractType: form.contractType || undefined,
  structureKind: form.structureKind || undefined,
  employer: form.employer || undefined,
  page: form.page,
  perPage,
});

export const pageCount = (total: number): number => Math.max(1, Math.ceil(total / perPage));

/** "3 offres", "1 offre", "Aucune offre". */
export const countLabel = (total: number): string => (total === 0 ? "Aucune offre" : total === 1 ? "1 offre" : `${total.toLocaleString("fr-FR")} offres`);

export const formatHours = (hours: number): string => `${hours.toLocaleString("fr-FR")} h par semaine`;
export const formatDistance = (km: number | null): string | null => (km === null ? null : km < 1 ? "à moins d'1 km" : `à ${km.toLocaleString("fr-FR")} km`);
