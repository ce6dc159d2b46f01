import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkSiret } from "../organisations/organisations.domain.ts";
import { homesInQpv, homesOutsideQpv, sites } from "./demo.addresses.ts";
import { createRandom, DemoRefusedInProduction, demoModeFromEnv, demoSiret, luhnKey } from "./demo.domain.ts";
import { demoAccounts, demoOrganisations, employerKeys } from "./demo.territory.ts";

describe("demo domain", () => {
  it("draws the same numbers from the same seed, other numbers from another", () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const drawsA = Array.from({ length: 5 }, () => a.next());
    assert.deepEqual(drawsA, Array.from({ length: 5 }, () => b.next()));
    assert.notDeepEqual(drawsA, Array.from({ length: 5 }, () => c.next()));
    assert.ok(drawsA.every((x) => x >= 0 && x < 1));
    const r = createRandom(7);
    assert.deepEqual(r.sample([1, 2, 3, 4, 5], 5).sort(), [1, 2, 3, 4, 5]);
  });

  it("makes distinct, valid SIRETs (Luhn on SIREN and SIRET)", () => {
    const sirets = Array.from({ length: 200 }, (_, i) => demoSiret(i));
    assert.equal(new Set(sirets).size, sirets.length);
    for (const siret of sirets) assert.equal(checkSiret(siret), "valid", siret);
    assert.equal(luhnKey("97214108"), "9"); // 972141089: a Luhn-valid SIREN
  });

  it("seeds by default, not with TREMPLIN_DEMO=0, and never in production", () => {
    assert.deepEqual(demoModeFromEnv({}), { seed: true });
    assert.deepEqual(demoModeFromEnv({ TREMPLIN_DEMO: "1" }), { seed: true });
    assert.deepEqual(demoModeFromEnv({ TREMPLIN_DEMO: "0" }), { seed: false, reason: "disabled" });
    assert.deepEqual(demoModeFromEnv({ TREMPLIN_DEMO: "false" }), { seed: false, reason: "disabled" });
    assert.deepEqual(demoModeFromEnv({ NODE_ENV: "production" }), { seed: false, reason: "production" });
    assert.throws(() => demoModeFromEnv({ NODE_ENV: "production", TREMPLIN_DEMO: "1" }), DemoRefusedInProduction);
  });

  it("describes ten employers (three SIAE), three prescribers, one Cité de l'emploi and an account per role", () => {
    assert.equal(employerKeys.length, 10);
    const siae = demoOrganisations.filter((o) => ["ACI", "EI", "ETTI", "AI", "EITI", "GEIQ"].includes(o.kind));
    assert.equal(siae.length, 3);
    assert.equal(new Set(demoOrganisations.map((o) => o.siret)).size, demoOrganisations.length);
    assert.equal(new Set(demoAccounts.map((a) => a.email)).size, demoAccounts.length);
    for (const account of demoAccounts) {
      if (account.membership) assert.ok(demoOrganisations.some((o) => o.key === account.membership!.organisation), account.email);
    }
    const roles = new Set(demoAccounts.map((a) => (a.membership ? `${demoOrganisations.find((o) => o.key === a.membership!.organisation)!.kind}:${a.membership.role}` : a.kind)));
    for (const role of ["admin", "candidate", "professional", "cite_emploi:admin", "cite_emploi:member", "ACI:admin", "ACI:member", "FT:admin", "FT:member"]) assert.ok(roles.has(role), role);
  });

  it("ships real Paris addresses: a third of the homes inside a QPV 2024", () => {
    assert.equal(homesInQpv.length, 20);
    assert.equal(homesOutsideQpv.length, 40);
    assert.equal(sites.length, 20);
    for (const address of [...homesInQpv, ...homesOutsideQpv, ...sites]) {
      assert.match(address.citycode, /^751(0[1-9]|1\d|20)$/);
      assert.match(address.postcode, /^75(0[012]\d|116)$/);
      assert.ok(address.lat > 48.8 && address.lat < 48.91 && address.lon > 2.22 && address.lon < 2.47, address.street);
    }
  });
});
