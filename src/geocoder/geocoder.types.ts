// What every geocoder (offline BAN index, national Géoplateforme API) takes and returns.

/** An address as it comes out of an HR file: either parts, or one free-text line. */
export type AddressInput = {
  /** Whole address on one line ("12 bd de Belleville 75020 Paris"). */
  full?: string;
  /** Number and street ("N° et voie", "Adresse"). */
  street?: string;
  /** Complement ("Bât B", "appt 12"): mostly noise, may hold a lieu-dit. */
  complement?: string;
  postcode?: string;
  city?: string;
};

export type MatchType = "housenumber" | "street" | "locality" | "municipality";

export type GeocodeMatch = {
  ok: true;
  label: string;
  /** 0–1, like the national geocoder. */
  score: number;
  matchType: MatchType;
  lon: number;
  lat: number;
  /** INSEE code of the commune (arrondissement code for Paris/Lyon/Marseille). */
  citycode: string;
  postcode: string;
  /** Radius in metres within which the true point probably lies. */
  precisionM: number;
};

export type GeocodeFailureReason =
  | "empty_address" // nothing usable in the input
  | "commune_not_found" // postcode/city match no commune
  | "commune_not_covered" // commune known but its addresses are not imported (and no remote geocoder)
  | "street_not_found" // commune found, no street close enough
  | "remote_error"; // national geocoder unreachable or refused

export type GeocodeFailure = { ok: false; reason: GeocodeFailureReason; citycode?: string };

export type GeocodeResult = GeocodeMatch | GeocodeFailure;

export type Geocoder = {
  readonly name: "offline" | "geoplateforme" | "offline+geoplateforme";
  geocode(input: AddressInput): Promise<GeocodeResult>;
  /** Many at once (the remote adapter batches them through /search/csv/). Results in input order. */
  geocodeMany(inputs: AddressInput[]): Promise<GeocodeResult[]>;
};

export const geocodeFailureLabels: Record<GeocodeFailureReason, string> = {
  empty_address: "Adresse vide ou inexploitable",
  commune_not_found: "Commune introuvable (code postal ou ville inconnus)",
  commune_not_covered: "Commune dont les adresses ne sont pas importées",
  street_not_found: "Voie introuvable dans la commune",
  remote_error: "Géocodeur national indisponible",
};
