import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkSiret, employerKinds, operatorKinds, prescriberKinds } from "../../organisations/organisations.domain.ts";
import { formatSiret, inviteErrors, kindGroups, memberActions, organisationErrors, siretError } from "./organisation-form.domain.ts";

// 732 829 320 00074: a real-looking SIRET whose SIREN and SIRET pass Luhn.
const validSiret = "73282932000074";

describe("organisation forms", () => {
  it("offers every kind of the API once, grouped by family, with the API's labels", () => {
    const groups = kindGroups(true);
    assert.deepEqual(groups.map((g) => g.family), ["employer", "prescriber", "operator"]);
    assert.deepEqual(groups.map((g) => g.label), ["Employeurs", "Prescripteurs et orienteurs", "Opérateurs territoriaux"]);
    assert.equal(groups[0]!.options.length, Object.keys(employerKinds).length);
    assert.equal(groups[1]!.options.length, Object.keys(prescriberKinds).length);
    assert.equal(groups[2]!.options.length, Object.keys(operatorKinds).length);
    assert.deepEqual(groups[0]!.options.find((o) => o.value === "ACI"), { value: "ACI", label: "Atelier chantier d'insertion" });
  });

  it("leaves out the prescriber kinds only a platform admin may create", () => {
    const values = kindGroups().flatMap((g) => g.options.map((o) => o.value));
    for (const reserved of ["FT", "OHPD", "OCASF", "Orienteur"]) assert.equal(values.includes(reserved), false, reserved);
    assert.equal(values.includes("ML"), true);
    assert.equal(values.includes("Autre"), true);
    assert.match(organisationErrors({ kind: "FT", name: "France Travail Paris 20", siret: validSiret }).kind!, /n'est pas proposé/);
  });

  it("checks the SIRET as the server does: 14 digits, spaces allowed, Luhn, La Poste exception", () => {
    assert.equal(checkSiret(validSiret), "valid");
    assert.equal(siretError(validSiret), undefined);
    assert.equal(siretError("732 829 320 00074"), undefined);
    assert.equal(siretError(""), "Indiquez le SIRET de l'organisation.");
    assert.equal(siretError("7328293200007"), "Le SIRET doit comporter 14 chiffres.");
    assert.equal(siretError("73282932000A74"), "Le SIRET doit comporter 14 chiffres.");
    assert.match(siretError("73282932000075")!, /clé de contrôle est fausse/);
    // La Poste: SIREN 356 000 000, digits summing to a multiple of 5.
    assert.equal(siretError("35600000000001"), undefined);
    assert.match(siretError("35600000000002")!, /clé de contrôle/);
    for (const sample of ["73282932000074", "35600000000001", "35600000000002", "12345678901234", "1"]) {
      assert.equal(siretError(sample) === undefined, checkSiret(sample) === "valid", sample);
    }
  });

  it("formats a SIRET for reading", () => {
    assert.equal(formatSiret("73282932000074"), "732 829 320 00074");
    assert.equal(formatSiret("732 82932000074"), "732 829 320 00074");
    assert.equal(formatSiret("123"), "123");
  });

  it("names every missing or wrong field of the creation form", () => {
    assert.deepEqual(organisationErrors({ kind: "ACI", name: "Jardins de Belleville", siret: validSiret }), {});
    assert.deepEqual(organisationErrors({ kind: "", name: " ", siret: "" }), {
      kind: "Choisissez le type d'organisation.",
      name: "Indiquez le nom de l'organisation.",
      siret: "Indiquez le SIRET de l'organisation.",
    });
    assert.match(organisationErrors({ kind: "nope", name: "x".repeat(201), siret: validSiret }).name!, /200 caractères/);
  });

  it("checks the invited address", () => {
    assert.deepEqual(inviteErrors({ email: "karim@jardins.example" }), {});
    assert.deepEqual(inviteErrors({ email: "" }), { email: "Saisissez l'adresse électronique de la personne à inviter." });
    assert.match(inviteErrors({ email: "karim" }).email!, /invalide/);
  });

  it("offers role changes and removal to admins, and leaving to oneself", () => {
    const admin = { userId: "a", admin: true };
    const member = { userId: "m", admin: false };
    assert.deepEqual(memberActions({ userId: "m", role: "member" }, admin), { promote: true, demote: false, remove: true, leave: false });
    assert.deepEqual(memberActions({ userId: "b", role: "admin" }, admin), { promote: false, demote: true, remove: true, leave: false });
    // An admin may step down or leave; the API refuses when they are the last admin.
    assert.deepEqual(memberActions({ userId: "a", role: "admin" }, admin), { promote: false, demote: true, remove: false, leave: true });
    assert.deepEqual(memberActions({ userId: "a", role: "admin" }, member), { promote: false, demote: false, remove: false, leave: false });
    assert.deepEqual(memberActions({ userId: "m", role: "member" }, member), { promote: false, demote: false, remove: false, leave: true });
  });
});
