import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { employerKinds } from "../organisations/organisations.domain.ts";
import { allowedContractTypes, autoCloseDate, contractTypeLabels, isContractTypeAllowed, offerSearchText, searchWords, stalenessOf } from "./offers.domain.ts";

const day = 86_400_000;

describe("offer contract types", () => {
  it("follow the structure kind", () => {
    assert.ok(isContractTypeAllowed("entreprise", "PERMANENT"));
    assert.ok(isContractTypeAllowed("entreprise", "INTERNSHIP"));
    assert.ok(isContractTypeAllowed("entreprise", "APPRENTICESHIP"));
    assert.ok(!isContractTypeAllowed("entreprise", "FIXED_TERM_I"), "CDD insertion is reserved to SIAE");
    assert.ok(isContractTypeAllowed("ACI", "FIXED_TERM_I"));
    assert.ok(!isContractTypeAllowed("ACI", "PERMANENT"));
    assert.deepEqual(allowedContractTypes("EITI"), ["BUSINESS_CREATION", "OTHER"]);
    assert.deepEqual(allowedContractTypes("GEIQ"), ["APPRENTICESHIP", "PROFESSIONAL_TRAINING", "OTHER"]);
    assert.ok(isContractTypeAllowed("EA", "FIXED_TERM_TREMPLIN"));
    assert.deepEqual(allowedContractTypes("ML"), [], "a prescriber publishes no offer");
  });
  it("cover every employer kind with labelled types", () => {
    for (const kind of Object.keys(employerKinds)) {
      const types = allowedContractTypes(kind);
      assert.ok(types.length > 0, kind);
      for (const type of types) assert.ok(contractTypeLabels[type], type);
    }
  });
});

describe("offer staleness", () => {
  const updated = new Date("2026-01-01T10:00:00Z");
  it("is flagged after 60 days and expired after 90", () => {
    assert.equal(stalenessOf(updated, new Date(updated.getTime() + 59 * day)), "fresh");
    assert.equal(stalenessOf(updated, new Date(updated.getTime() + 60 * day)), "stale");
    assert.equal(stalenessOf(updated, new Date(updated.getTime() + 90 * day - 1)), "stale");
    assert.equal(stalenessOf(updated, new Date(updated.getTime() + 90 * day)), "expired");
    assert.equal(autoCloseDate(updated).toISOString(), "2026-04-01T10:00:00.000Z");
  });
});

describe("offer search text", () => {
  it("is folded and holds the appellation", () => {
    assert.equal(offerSearchText({ title: "Boulanger(ère) de nuit", appellationLabel: "Boulanger / Boulangère", romeLabel: "Boulangerie - viennoiserie" }), "boulanger ere de nuit boulanger boulangere boulangerie viennoiserie");
    assert.deepEqual(searchWords("  Pâtissier, CDI "), ["patissier", "cdi"]);
  });
});
