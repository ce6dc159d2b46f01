import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { OfferDto } from "../../offers/offers.contract.ts";
import {
  createBodyFromForm,
  emptyOfferForm,
  formFromOffer,
  communeLabel,
  type OfferFormState,
  serverFieldErrors,
  titleAfterAppellation,
  updateBodyFromForm,
  validateOfferForm,
} from "./offer-form.domain.ts";

const baker = { code: "11573", label: "Boulanger / Boulangère" };
const filled: OfferFormState = {
  ...emptyOfferForm,
  appellation: baker,
  title: " Boulanger de nuit ",
  description: "Fournil de quartier.",
  contractType: "PERMANENT",
  hoursPerWeek: "17,5",
  positions: "2",
  commune: { code: "75120", label: "Paris 20e Arrondissement (75020)" },
  withoutCv: true,
};

const offer: OfferDto = {
  id: "0b7d5c1e-4a2f-4c3b-9d8e-1f2a3b4c5d6e",
  status: "open",
  title: "Boulanger de nuit",
  description: "Fournil.",
  appellation: { code: "11573", label: "Boulanger / Boulangère", romeCode: "D1102", romeLabel: "Boulanger / Boulangère" },
  contractType: "FIXED_TERM",
  contractTypeLabel: "CDD",
  hoursPerWeek: 24.5,
  positions: 1,
  withoutCv: false,
  openToBeginners: true,
  drivingLicenceRequired: true,
  place: { communeInsee: "75120", communeName: "Paris 20e Arrondissement", addressLabel: "10 Rue des Pyrénées 75020 Paris", lat: 48.85, lon: 2.4 },
  employer: { id: "e", name: "Boulangerie", kind: "entreprise", kindLabel: "Entreprise" },
  createdAt: "2025-01-01T00:00:00.000Z",
  updatedAt: "2025-01-01T00:00:00.000Z",
  distanceKm: null,
};

describe("offer form → API body", () => {
  it("maps the typed strings to the creation body (trimmed, numbers with a French comma, commune code)", () => {
    assert.deepEqual(createBodyFromForm(filled), {
      appellationCode: "11573",
      title: "Boulanger de nuit",
      description: "Fournil de quartier.",
      contractType: "PERMANENT",
      hoursPerWeek: 17.5,
      positions: 2,
      communeInsee: "75120",
      withoutCv: true,
      openToBeginners: false,
      drivingLicenceRequired: false,
    });
  });

  it("sends the address rather than the commune when the place is an address, else the chosen commune's code", () => {
    const byAddress = createBodyFromForm({ ...filled, placeMode: "address", address: " 10 rue des Pyrénées 75020 Paris " });
    assert.equal(byAddress.address, "10 rue des Pyrénées 75020 Paris");
    assert.equal(byAddress.communeInsee, undefined);
    assert.equal(createBodyFromForm({ ...filled, commune: { code: "2A004", label: "Ajaccio (20000)" } }).communeInsee, "2A004");
  });

  it("keeps unreadable numbers as text so that the schema names the field", () => {
    const errors = validateOfferForm({ ...filled, hoursPerWeek: "trente", positions: "0" });
    assert.equal(errors.hoursPerWeek, "Indiquez la durée hebdomadaire en heures.");
    assert.equal(errors.positions, "Au moins un poste.");
  });

  it("round-trips an offer, and the update sends the place only when it changed", () => {
    const initial = formFromOffer(offer);
    assert.equal(initial.placeMode, "address");
    assert.equal(initial.hoursPerWeek, "24,5");
    const unchanged = updateBodyFromForm(initial, { ...initial, title: "Boulanger" });
    assert.equal(unchanged.title, "Boulanger");
    assert.equal(unchanged.hoursPerWeek, 24.5);
    assert.ok(!("address" in unchanged) && !("communeInsee" in unchanged));
    const moved = updateBodyFromForm(initial, { ...initial, address: "12 rue Oberkampf 75011 Paris" });
    assert.equal(moved.address, "12 rue Oberkampf 75011 Paris");
    assert.ok(!("communeInsee" in moved));
    const toCommune = updateBodyFromForm(initial, { ...initial, placeMode: "commune", commune: { code: "75111", label: "Paris 11e Arrondissement (75011)" } });
    assert.equal(toCommune.communeInsee, "75111");
    assert.ok(!("address" in toCommune));
    const inCommune = formFromOffer({ ...offer, place: { ...offer.place, addressLabel: null } });
    assert.deepEqual([inCommune.placeMode, inCommune.commune], ["commune", { code: "75120", label: "Paris 20e Arrondissement" }]);
    const sameCommune = updateBodyFromForm(inCommune, { ...inCommune, commune: { code: "75120", label: "Paris 20e Arrondissement (75020)" } });
    assert.ok(!("communeInsee" in sameCommune), "the same commune picked again is not a change");
  });
});

describe("offer form checks", () => {
  it("accepts a complete form", () => {
    assert.deepEqual(validateOfferForm(filled), {});
  });

  it("names a commune by its postcode, or its département when it has several", () => {
    assert.equal(communeLabel({ nom: "Rennes", departement: "35", codesPostaux: ["35000", "35200", "35700"] }), "Rennes (35)");
    assert.equal(communeLabel({ nom: "Paris 11e Arrondissement", departement: "75", codesPostaux: ["75011"] }), "Paris 11e Arrondissement (75011)");
  });

  it("names each missing field in French", () => {
    const errors = validateOfferForm({ ...emptyOfferForm, hoursPerWeek: "" });
    assert.equal(errors.appellationCode, "Choisissez le métier (appellation ROME).");
    assert.equal(errors.title, "Indiquez l'intitulé du poste.");
    assert.equal(errors.contractType, "Choisissez le type de contrat.");
    assert.equal(errors.hoursPerWeek, "Indiquez la durée hebdomadaire en heures.");
    assert.equal(errors.communeInsee, "Indiquez la commune du lieu de travail.");
    const byAddress = validateOfferForm({ ...filled, placeMode: "address", address: "" });
    assert.deepEqual(byAddress, { address: "Indiquez l'adresse du lieu de travail." });
    assert.deepEqual(validateOfferForm({ ...filled, placeMode: "address", address: "ab" }), { address: "Adresse trop courte." });
  });

  it("puts the server's errors next to their field", () => {
    assert.deepEqual(serverFieldErrors("offer.address_not_found", "Adresse non localisée : voie introuvable.", {}), { address: "Adresse non localisée : voie introuvable." });
    assert.deepEqual(serverFieldErrors("validation", "Données invalides", { title: "Intitulé trop long." }), { title: "Intitulé trop long." });
    assert.deepEqual(serverFieldErrors("http_error", "Erreur", {}), {});
  });
});

describe("title from the chosen job", () => {
  it("fills an empty title and follows the job until the person writes their own", () => {
    const gardener = { code: "10675", label: "Agent / Agente d'entretien des parcs et jardins" };
    assert.equal(titleAfterAppellation("", null, baker), baker.label);
    assert.equal(titleAfterAppellation(baker.label, baker, gardener), gardener.label);
    assert.equal(titleAfterAppellation("Boulanger de nuit", baker, gardener), "Boulanger de nuit");
    assert.equal(titleAfterAppellation(baker.label, baker, null), baker.label);
  });
});
