import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ApiError } from "../api/client.ts";
import { failureOf } from "./form-submit.domain.ts";

describe("form submission failure", () => {
  it("puts the messages of a 400 on their fields, without a general message", () => {
    const error = new ApiError("validation", "Requête invalide", 400, [
      { field: "body.email", message: "Adresse invalide." },
      { field: "body.email", message: "Second message, ignoré." },
      { field: "body.password", message: "Trop court." },
    ]);
    assert.deepEqual(failureOf(error), { errors: { email: "Adresse invalide.", password: "Trop court." }, general: null });
  });
  it("shows any other API error as a general message", () => {
    assert.deepEqual(failureOf(new ApiError("auth.invalid_credentials", "Adresse ou mot de passe incorrect.", 401)), {
      errors: {},
      general: "Adresse ou mot de passe incorrect.",
    });
  });
  it("puts the message of a code that belongs to a field on that field", () => {
    const fieldOfCode = { "organisation.already_exists": "siret" };
    assert.deepEqual(failureOf(new ApiError("organisation.already_exists", "Ce SIRET est déjà inscrit.", 409), fieldOfCode), {
      errors: { siret: "Ce SIRET est déjà inscrit." },
      general: null,
    });
    assert.equal(failureOf(new ApiError("conflict", "Autre conflit.", 409), fieldOfCode).general, "Autre conflit.");
  });
  it("says something in French for an error that is not the API's", () => {
    const { errors, general } = failureOf(new TypeError("boom"));
    assert.deepEqual(errors, {});
    assert.equal(general, "Une erreur inattendue est survenue. Réessayez.");
  });
});
