import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { bodyFromForm, consentRequiredSelf, emptyCandidateForm, errorsForSelf, formatBytes, toggle, topLevelErrors } from "./candidate-form.domain.ts";

describe("candidate form", () => {
  it("turns the typed strings into the API body", () => {
    const body = bodyFromForm({
      ...emptyCandidateForm,
      firstName: "Léa",
      lastName: "Dupont",
      birthYear: " 1994 ",
      mobilityRadiusKm: "",
      targetAppellations: [{ code: "38000", label: "Jardinier" }],
      languages: [{ name: "Arabe", level: "native" }, { name: " ", level: "basic" }],
      availability: "immediate",
      availableFrom: "2027-01-01",
    });
    assert.equal(body.birthYear, 1994);
    assert.equal(body.mobilityRadiusKm, null);
    assert.deepEqual(body.targetAppellations, ["38000"]);
    assert.deepEqual(body.languages, [{ name: "Arabe", level: "native" }], "empty language rows are dropped");
    assert.equal(body.availableFrom, null, "a date only with 'from_date'");
  });
  it("sends a non-numeric year as typed, so that the server explains the error", () => {
    assert.equal(bodyFromForm({ ...emptyCandidateForm, birthYear: "quatre-vingt" }).birthYear as unknown, "quatre-vingt");
  });
  it("toggles values", () => {
    assert.deepEqual(toggle(["a"], "b"), ["a", "b"]);
    assert.deepEqual(toggle(["a", "b"], "a"), ["b"]);
  });
  it("shows nested errors on their list, and formats sizes in French", () => {
    assert.deepEqual(topLevelErrors({ "languages.0.name": "Indiquez la langue.", email: "x" }), { languages: "Indiquez la langue.", email: "x" });
    assert.equal(formatBytes(2048), "2 ko");
    assert.equal(formatBytes(3.5 * 1024 * 1024), "3,5 Mo");
  });
  it("tells the person filling in their own profile about their own agreement", () => {
    const server = { consent: "L'accord de la personne est obligatoire pour créer son profil.", phone: "Numéro invalide." };
    assert.deepEqual(errorsForSelf(server), { consent: consentRequiredSelf, phone: "Numéro invalide." });
    assert.deepEqual(errorsForSelf({ phone: "Numéro invalide." }), { phone: "Numéro invalide." });
  });
});
