import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { canonicalSuffix, cleanPostcode, normaliseCityName, normaliseStreetName, parseAddress } from "./address-normaliser.ts";

const cities = new Set(["paris", "paris 11", "saint denis", "lyon 3"]);
const isCityName = (c: string) => cities.has(c);

describe("normaliseStreetName", () => {
  it("folds case, accents, punctuation and apostrophes", () => {
    assert.equal(normaliseStreetName("Rue de l'Hôpital Saint-Louis"), "rue hopital saint louis");
    assert.equal(normaliseStreetName("RUE DE L HOPITAL ST LOUIS"), "rue hopital saint louis");
    assert.equal(normaliseStreetName("Cœur de Vey"), "coeur vey");
  });
  it("expands the usual abbreviations to the BAN words", () => {
    const pairs: [string, string][] = [
      ["av", "avenue"], ["ave", "avenue"], ["bd", "boulevard"], ["bld", "boulevard"], ["boul", "boulevard"], ["r", "rue"],
      ["pl", "place"], ["imp", "impasse"], ["chem", "chemin"], ["che", "chemin"], ["fg", "faubourg"], ["fbg", "faubourg"],
      ["sq", "square"], ["all", "allee"], ["crs", "cours"], ["qu", "quai"], ["rte", "route"], ["pass", "passage"],
      ["res", "residence"], ["sent", "sentier"], ["pte", "porte"],
    ];
    for (const [short, full] of pairs) assert.equal(normaliseStreetName(`${short} victor hugo`), `${full} victor hugo`, short);
    assert.equal(normaliseStreetName("R. du Fbg St-Denis"), normaliseStreetName("Rue du Faubourg Saint-Denis"));
    assert.equal(normaliseStreetName("Pl. Ste Marthe"), "place sainte marthe");
    assert.equal(normaliseStreetName("AV DU GAL LECLERC"), normaliseStreetName("Avenue du Général Leclerc"));
  });
  it("keeps a letter naming a path", () => {
    assert.equal(normaliseStreetName("Voie D/12"), "voie d 12");
    assert.notEqual(normaliseStreetName("Voie A/12"), normaliseStreetName("Voie D/12"));
  });
});

describe("normaliseCityName", () => {
  it("reads the arrondissement forms", () => {
    for (const form of ["Paris 11e Arrondissement", "PARIS 11EME", "Paris 11ème", "paris 11", "PARIS XI", "Paris 11e", "PARIS 11 EME"]) {
      assert.equal(normaliseCityName(form), "paris 11", form);
    }
    assert.equal(normaliseCityName("Paris 1er Arrondissement"), "paris 1");
    assert.equal(normaliseCityName("PARIS 01"), "paris 1");
  });
  it("drops cedex and expands saint", () => {
    assert.equal(normaliseCityName("ST-DENIS CEDEX 2"), "saint denis");
    assert.equal(normaliseCityName("PARIS CEDEX 11"), "paris");
  });
});

describe("parseAddress", () => {
  it("splits number, bis/ter/letter suffixes", () => {
    for (const [street, suffix] of [["12B rue x", "b"], ["12 bis rue x", "b"], ["12bis rue x", "b"], ["12 B rue x", "b"], ["12 ter rue x", "t"], ["12T rue x", "t"], ["12 quater rue x", "q"], ["12V rue x", "v"], ["12 rue x", ""]] as const) {
      const parsed = parseAddress({ street, postcode: "75011" });
      assert.equal(parsed.number, 12, street);
      assert.equal(parsed.suffix, suffix, street);
      assert.equal(parsed.streetNorm, "rue x", street);
    }
    assert.equal(canonicalSuffix("BIS"), "b");
    assert.equal(canonicalSuffix(""), "");
  });
  it("does not take a street abbreviation glued to the number for a suffix", () => {
    const parsed = parseAddress({ street: "12bd Voltaire" });
    assert.deepEqual([parsed.number, parsed.suffix, parsed.streetNorm], [12, "", "boulevard voltaire"]);
    assert.equal(parseAddress({ street: "3 r de la paix" }).streetNorm, "rue paix");
  });
  it("keeps numbers that are part of the street name, drops ranges", () => {
    assert.equal(parseAddress({ street: "5 rue du 4 Septembre" }).streetNorm, "rue 4 septembre");
    const range = parseAddress({ street: "12-14 rue de Rivoli" });
    assert.deepEqual([range.number, range.streetNorm], [12, "rue rivoli"]);
  });
  it("removes building, flat, floor, door, c/o and PO-box noise", () => {
    const noisy = [
      "12 rue de la Roquette, Bât B", "12 rue de la Roquette bat. 3", "12 rue de la Roquette appt 12", "12 rue de la Roquette apt 4",
      "12 rue de la Roquette 3ème étage", "12 rue de la Roquette esc A", "12 rue de la Roquette porte 5", "chez Dupont, 12 rue de la Roquette",
      "12 rue de la Roquette BP 123", "12 rue de la Roquette CS 1234", "12 rue de la Roquette chez M. Martin",
    ];
    for (const street of noisy) assert.equal(parseAddress({ street }).streetNorm, "rue roquette", street);
    assert.equal(parseAddress({ street: "8 rue de la Porte d'Orléans" }).streetNorm, "rue porte orleans");
    assert.equal(parseAddress({ street: "2 Voie BT/19" }).streetNorm, "voie bt 19");
    const withComplement = parseAddress({ street: "12 rue x", complement: "3ème étage, appt 12" });
    assert.equal(withComplement.localityNorm, null);
  });
  it("finds postcode and city inside a one-line address", () => {
    const parsed = parseAddress({ full: "12 bd de Belleville 75020 Paris" }, { isCityName });
    assert.deepEqual(parsed, { number: 12, suffix: "", streetNorm: "boulevard belleville", postcode: "75020", cityNorm: "paris", localityNorm: null });
    const cedex = parseAddress({ full: "4 place d'Italie, 75013 PARIS CEDEX 13" });
    assert.deepEqual([cedex.postcode, cedex.cityNorm, cedex.streetNorm], ["75013", "paris", "place italie"]);
    const noPostcode = parseAddress({ full: "8 rue de la Roquette Paris 11e" }, { isCityName });
    assert.deepEqual([noPostcode.postcode, noPostcode.cityNorm, noPostcode.streetNorm], [null, "paris 11", "rue roquette"]);
    const spaced = parseAddress({ full: "8 rue de la Roquette 75 011 Paris" });
    assert.equal(spaced.postcode, "75011");
  });
  it("drops the city repeated at the end of the street column", () => {
    assert.equal(parseAddress({ street: "12 rue de Rivoli Paris", city: "PARIS" }).streetNorm, "rue rivoli");
  });
  it("takes a number written alone in the complement", () => {
    const parsed = parseAddress({ street: "rue de Rivoli", complement: "12" });
    assert.deepEqual([parsed.number, parsed.streetNorm], [12, "rue rivoli"]);
  });
  it("keeps a lieu-dit complement", () => {
    assert.equal(parseAddress({ street: "route de la gare", complement: "Hameau des Granges" }).localityNorm, "hameau granges");
  });
  it("cleans postcodes", () => {
    assert.equal(cleanPostcode("75 011"), "75011");
    assert.equal(cleanPostcode("1000"), "01000");
    assert.equal(cleanPostcode("abc"), null);
    assert.equal(cleanPostcode(undefined), null);
  });
});
