import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { checkSiret, familyOfKind, initialAuthorization, isAuthorizedPrescriber, keepsAnAdmin, luhnValid, prescriberKinds } from "./organisations.domain.ts";

describe("SIRET", () => {
  it("accepts real SIRETs (SIREN and SIRET Luhn)", () => {
    assert.equal(checkSiret("73282932000074"), "valid"); // Apple France
    assert.equal(checkSiret("130 025 265 00013"), "valid"); // DINUM, spaces allowed
  });
  it("rejects a wrong check digit, wrong length and letters", () => {
    assert.equal(checkSiret("73282932000075"), "bad_checksum");
    assert.equal(checkSiret("7328293200007"), "not_14_digits");
    assert.equal(checkSiret("7328293200007A"), "not_14_digits");
    assert.equal(checkSiret(""), "not_14_digits");
  });
  it("rejects a valid SIRET whose SIREN alone fails Luhn", () => {
    // 732829321 fails Luhn; pick the last digit so that the 14 digits pass.
    const base = "7328293210001";
    const withValidTotal = [..."0123456789"].map((d) => base + d).find((s) => luhnValid(s));
    assert.ok(withValidTotal);
    assert.equal(checkSiret(withValidTotal), "bad_checksum");
  });
  it("applies the La Poste exception: digit sum multiple of 5 instead of Luhn", () => {
    assert.equal(checkSiret("35600000000001"), "valid", "sum 15, fails Luhn, accepted");
    assert.equal(checkSiret("35600000000014"), "bad_checksum", "passes Luhn, sum 19, refused");
  });
});

describe("organisation kinds", () => {
  const referenceFile = new URL("../../../shared/data/reference/prescriber_organization_kinds.json", import.meta.url);
  it("ships the 34 prescriber kinds", () => {
    assert.equal(Object.keys(prescriberKinds).length, 34);
  });
  it("matches the reference file when it is present (workspace only)", { skip: !existsSync(referenceFile) }, () => {
    const reference = JSON.parse(readFileSync(referenceFile, "utf8"));
    const codes = (reference.kinds as { code: string; label: string }[]).map((k) => k.code).sort();
    assert.deepEqual(Object.keys(prescriberKinds).sort(), codes);
  });
  it("sorts kinds into families", () => {
    assert.equal(familyOfKind("ACI"), "employer");
    assert.equal(familyOfKind("entreprise"), "employer");
    assert.equal(familyOfKind("ML"), "prescriber");
    assert.equal(familyOfKind("cite_emploi"), "operator");
  });
  it("makes new prescribers orienteurs until their authorisation is validated", () => {
    assert.equal(initialAuthorization("ML"), "NOT_SET");
    assert.equal(initialAuthorization("Autre"), "NOT_REQUIRED");
    assert.equal(initialAuthorization("EI"), null);
    assert.equal(isAuthorizedPrescriber("prescriber", "NOT_SET"), false);
    assert.equal(isAuthorizedPrescriber("prescriber", "VALIDATED"), true);
    assert.equal(isAuthorizedPrescriber("employer", "VALIDATED"), false);
  });
  it("keeps at least one admin", () => {
    assert.equal(keepsAnAdmin(1, { removesAdmin: true }), false);
    assert.equal(keepsAnAdmin(2, { removesAdmin: true }), true);
    assert.equal(keepsAnAdmin(1, { removesAdmin: false }), true);
  });
});
