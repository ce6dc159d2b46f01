import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { addRealisticNoise, seededRng } from "./address-noise.ts";
import { normaliseStreetName, parseAddress } from "./address-normaliser.ts";

const clean = { numero: 12, rep: "b", nom_voie: "Rue du Faubourg Saint-Antoine", code_postal: "75011", nom_commune: "Paris 11e Arrondissement" };

describe("addRealisticNoise", () => {
  it("is deterministic for a seed", () => {
    const a = Array.from({ length: 50 }, (_, i) => addRealisticNoise(clean, seededRng(i)));
    const b = Array.from({ length: 50 }, (_, i) => addRealisticNoise(clean, seededRng(i)));
    assert.deepEqual(a, b);
  });

  it("produces the forms HR exports contain, in plausible proportions", () => {
    const rng = seededRng(7);
    const noisy = Array.from({ length: 4000 }, () => addRealisticNoise(clean, rng));
    const share = (p: (x: (typeof noisy)[number]) => boolean) => noisy.filter(p).length / noisy.length;
    const text = (x: (typeof noisy)[number]) => [x.full, x.street, x.complement, x.city].filter(Boolean).join(" ");
    assert.ok(share((x) => x.full !== undefined) > 0.1 && share((x) => x.full !== undefined) < 0.2);
    assert.ok(share((x) => !x.full && !x.postcode) > 0.03);
    assert.ok(share((x) => /^[^a-z]*$/.test(text(x))) > 0.5, "mostly uppercase");
    assert.ok(share((x) => /FBG|FG/.test(text(x))) > 0.2, "abbreviations");
    assert.ok(share((x) => /B[âa]t|appt|APT|[ée]tage|ETAGE/i.test(text(x))) > 0.1, "building/flat/floor noise");
    assert.ok(share((x) => /CEDEX/i.test(text(x))) > 0.005);
    assert.ok(share((x) => /PARIS 11\b/i.test(text(x))) > 0.05, "PARIS 11 forms");
    const typos = share((x) => !/ANTOINE|Antoine/.test(text(x)));
    assert.ok(typos > 0.01 && typos < 0.1, `one-letter typos in about 5 % (${typos})`);
  });

  it("keeps the address recoverable by the parser in most cases", () => {
    const rng = seededRng(11);
    const target = normaliseStreetName(clean.nom_voie);
    const parsed = Array.from({ length: 1000 }, () => parseAddress(addRealisticNoise(clean, rng), { isCityName: (c) => c.startsWith("paris") }));
    assert.ok(parsed.filter((p) => p.streetNorm === target && p.number === 12).length > 900);
  });
});
