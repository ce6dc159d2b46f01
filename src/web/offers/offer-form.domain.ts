// The employer's offer form: its state (strings, as typed) ↔ the API body, and the client-side checks
// (the contract's zod schema, so the messages are the server's French ones). Pure.
import { type CreateOfferBody, createOfferBodySchema, type OfferDto, type UpdateOfferBody } from "../../offers/offers.contract.ts";
import type { CodeLabel } from "../forms/code-picker.domain.ts";
import { offersText } from "./offers.fr.ts";

const t = offersText.form;

export type PlaceMode = "commune" | "address";

export type OfferFormState = {
  appellation: CodeLabel | null;
  title: string;
  description: string;
  contractType: string;
  hoursPerWeek: string;
  positions: string;
  placeMode: PlaceMode;
  /** The commune chosen in the picker (INSEE code and name), when the place is a commune. */
  commune: CodeLabel | null;
  address: string;
  withoutCv: boolean;
  openToBeginners: boolean;
  drivingLicenceRequired: boolean;
};

export const emptyOfferForm: OfferFormState = {
  appellation: null,
  title: "",
  description: "",
  contractType: "",
  hoursPerWeek: "35",
  positions: "1",
  placeMode: "commune",
  commune: null,
  address: "",
  withoutCv: false,
  openToBeginners: false,
  drivingLicenceRequired: false,
};

export const formFromOffer = (offer: OfferDto): OfferFormState => ({
  appellation: { code: offer.appellation.code, label: offer.appellation.label },
  title: offer.title,
  description: offer.description,
  contractType: offer.contractType,
  hoursPerWeek: String(offer.hoursPerWeek).replace(".", ","),
  positions: String(offer.positions),
  placeMode: offer.place.addressLabel ? "address" : "commune",
  commune: { code: offer.place.communeInsee, label: offer.place.communeName },
  address: offer.place.addressLabel ?? "",
  withoutCv: offer.withoutCv,
  openToBeginners: offer.openToBeginners,
  drivingLicenceRequired: offer.drivingLicenceRequired,
});

/** How a commune is named in the picker: "Rennes (35000)", "Paris 11e Arrondissement (75011)", "Saint-Denis (974)" when it has several postcodes. */
export const communeLabel = (c: { nom: string; departement: string; codesPostaux: readonly string[] }): string =>
  `${c.nom} (${c.codesPostaux.length === 1 ? c.codesPostaux[0] : c.departement})`;

/** A typed number ("35", "17,5"), or the text itself so that the schema answers with its French message; empty → undefined. */
const numberOrText = (value: string): number | string | undefined => {
  const trimmed = value.trim().replace(",", ".");
  if (trimmed === "") return undefined;
  return /^[0-9]+(\.[0-9]+)?$/.test(trimmed) ? Number(trimmed) : value.trim();
};

/** The title follows the chosen job while the person has not written their own. */
export const titleAfterAppellation = (title: string, previous: CodeLabel | null, next: CodeLabel | null): string =>
  next && (title.trim() === "" || title === previous?.label) ? next.label : title;

/** The place part of the body: the chosen commune's INSEE code, or the address to geocode. */
const placeOf = (form: OfferFormState): Pick<CreateOfferBody, "communeInsee" | "address"> =>
  form.placeMode === "address" ? { address: form.address.trim() || undefined } : { communeInsee: form.commune?.code };

export const createBodyFromForm = (form: OfferFormState): CreateOfferBody =>
  ({
    appellationCode: form.appellation?.code,
    title: form.title.trim(),
    description: form.description.trim(),
    contractType: form.contractType || undefined,
    hoursPerWeek: numberOrText(form.hoursPerWeek),
    positions: numberOrText(form.positions),
    ...placeOf(form),
    withoutCv: form.withoutCv,
    openToBeginners: form.openToBeginners,
    drivingLicenceRequired: form.drivingLicenceRequired,
  }) as CreateOfferBody;

/** True when the person changed the place (so it is sent again, and geocoded again). */
export const placeChanged = (initial: OfferFormState, form: OfferFormState): boolean =>
  initial.placeMode !== form.placeMode ||
  (form.placeMode === "address" ? initial.address.trim() !== form.address.trim() : initial.commune?.code !== form.commune?.code);

/** The update body: every field, but the place only when it changed. */
export const updateBodyFromForm = (initial: OfferFormState, form: OfferFormState): UpdateOfferBody => {
  const { communeInsee: code, address, ...rest } = createBodyFromForm(form);
  if (!placeChanged(initial, form)) return rest;
  return form.placeMode === "address" ? { ...rest, address } : { ...rest, communeInsee: code };
};

/** Body field → id of its input, in the order of the form (for the error summary links). */
export const offerFieldIds = {
  appellationCode: "offer-appellation",
  title: "offer-title",
  description: "offer-description",
  contractType: "offer-contract-type",
  hoursPerWeek: "offer-hours",
  positions: "offer-positions",
  communeInsee: "offer-commune",
  address: "offer-address",
} as const;

/** French message per body field of what is wrong before sending (the contract's messages, a few clearer ones). */
export const validateOfferForm = (form: OfferFormState): Record<string, string> => {
  const errors: Record<string, string> = {};
  const parsed = createOfferBodySchema.safeParse(createBodyFromForm(form));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "");
      errors[field] ??= issue.message;
    }
  }
  if (!form.contractType) errors.contractType = t.missingContractType;
  if (form.placeMode === "commune" && !form.commune) errors.communeInsee = t.missingCommune;
  if (form.placeMode === "address") {
    delete errors.communeInsee;
    if (form.address.trim() === "") errors.address = t.missingAddress;
  }
  return errors;
};

/** Server error codes that belong to one field of the form. */
const errorCodeFields: Record<string, keyof typeof offerFieldIds> = {
  "offer.unknown_appellation": "appellationCode",
  "offer.contract_type_not_allowed": "contractType",
  "offer.unknown_commune": "communeInsee",
  "offer.address_not_found": "address",
};

/** The field a server error (code, field errors of a 400) is shown next to, by body field name. */
export const serverFieldErrors = (code: string | null, message: string, byField: Record<string, string>): Record<string, string> => {
  const errors: Record<string, string> = {};
  for (const [field, text] of Object.entries(byField)) errors[field.split(".")[0]!] ??= text;
  const field = code ? errorCodeFields[code] : undefined;
  if (field) errors[field] ??= message;
  return errors;
};
