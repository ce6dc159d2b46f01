import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  createCommuneLookup,
  createQpvCommuneLookup,
  createRuralLookup,
  departementOfQpv,
  normaliseCommuneName,
  splitCommuneNames,
  type CommuneRow,
} from "./geography.domain.ts";

const communes: CommuneRow[] = [
  { code: "75056", type: "commune-actuelle", nom: "Paris", departement: "75", parent: null },
  { code: "75113", type: "arrondissement-municipal", nom: "Paris 13e Arrondissement", departement: "75", parent: "75056" },
  { code: "75101", type: "arrondissement-municipal", nom: "Paris 1er Arrondissement", departement: "75", parent: "75056" },
  // A commune nouvelle (new code) formed from two communes whose classes differ.
  { code: "99001", type: "commune-actuelle", nom: "Nouvelle", departement: "99", parent: null },
  { code: "99002", type: "commune-deleguee", nom: "Ancienne A", departement: "99", parent: "99001" },
  { code: "99003", type: "commune-deleguee", nom: "Ancienne B", departement: "99", parent: "99001" },
  { code: "99001", type: "commune-deleguee", nom: "Nouvelle", departement: "99", parent: "99001" },
];
const lookup = createCommuneLookup(communes);

describe("geography domain", () => {
  it("normalises commune names and QPV départements", () => {
    assert.equal(normaliseCommuneName("Paris 13ème arrondissement"), normaliseCommuneName("Paris 13e Arrondissement"));
    assert.equal(normaliseCommuneName("St-Denis"), "saint denis");
    assert.deepEqual(splitCommuneNames("Paris 20ème, 11ème et 10ème arrondissements"), ["Paris 20 arrondissement", "Paris 11 arrondissement", "Paris 10 arrondissement"]);
    assert.deepEqual(splitCommuneNames("Maubeuge, Hautmont; Louvroil"), ["Maubeuge", "Hautmont", "Louvroil"]);
    assert.deepEqual(["QP075019", "QN02A01M", "QP971001", "QN00101M"].map(departementOfQpv), ["75", "2A", "971", "01"]);
  });

  it("resolves rural classes directly, through the parent, and through former communes", () => {
    const rural = createRuralLookup(
      [
        { scheme: "zrr", code: "75056", class: "NC", label: "Commune non classée", classified: false },
        { scheme: "zrr", code: "99002", class: "C", label: "Classée en ZRR", classified: true },
        { scheme: "zrr", code: "99003", class: "NC", label: "Commune non classée", classified: false },
        { scheme: "frr", code: "99002", class: "frr_plus", label: "FRR+", classified: true },
        { scheme: "frr", code: "99003", class: "frr_plus", label: "FRR+", classified: true },
      ],
      lookup,
    );
    assert.equal(rural("75113", "zrr"), null); // Paris: not classified
    assert.deepEqual(rural("99002", "zrr"), { scheme: "zrr", class: "C", label: "Classée en ZRR" });
    assert.deepEqual(rural("99001", "zrr"), { scheme: "zrr", class: "P", label: "Commune partiellement classée en ZRR" });
    assert.deepEqual(rural("99001", "frr"), { scheme: "frr", class: "frr_plus", label: "FRR+" });
    assert.equal(rural("01001", "frr"), null); // unknown
  });

  it("knows which communes have a QPV from codes, from names, and says 'maybe' when a name is unknown", () => {
    const hasQpv = createQpvCommuneLookup(
      [
        { code: "QN07501M", millesime: 2024, communeCodes: ["75056"], communeNames: "Paris" },
        { code: "QP075001", millesime: 2015, communeCodes: [], communeNames: "Paris 13ème arrondissement" },
        { code: "QP099001", millesime: 2015, communeCodes: [], communeNames: "Nulle Part, Ancienne A" },
      ],
      lookup,
    );
    assert.equal(hasQpv("75101", 2024), true); // arrondissement of a commune with a QPV
    assert.equal(hasQpv("75113", 2015), true);
    assert.equal(hasQpv("75101", 2015), false);
    assert.equal(hasQpv("75056", 2015), true); // one of its arrondissements has one
    assert.equal(hasQpv("99003", 2015), true); // "Nulle Part" matched nothing in 99: maybe
    assert.equal(hasQpv("01001", 2024), false);
  });
});
