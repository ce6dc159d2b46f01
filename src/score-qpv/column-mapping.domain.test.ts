import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { classifyHeader, extractFields, findHeaderRow, mappingNeedsUser, normaliseHeader, proposeMapping } from "./column-mapping.domain.ts";

describe("header recognition", () => {
  it("normalises accents, case and punctuation", () => {
    assert.equal(normaliseHeader("  N° et VOIE "), "n et voie");
    assert.equal(normaliseHeader("Date d'entrée"), "date d entree");
  });

  it("recognises the usual French wordings", () => {
    const expected: Record<string, string | null> = {
      "Adresse 1": "street", "Adresse 2": "complement", "N° et voie": "street", "Numéro": "number", "Voie": "street",
      "Complément d'adresse": "complement", "CP": "postcode", "Code postal": "postcode", "Ville": "city", "Commune": "city",
      "Localité": "city", "Date d'entrée": "hireDate", "Date d'embauche": "hireDate", "Date de début de contrat": "hireDate",
      "Type de contrat": "contractType", "Nature du contrat": "contractType", "Établissement": "establishment", "Site": "establishment",
      "Agence": "establishment", "lat": "lat", "Latitude": "lat", "lng": "lon", "Longitude": "lon", "Adresse complète": "address",
      "Adresse": "address_or_street", "Nom": null, "Numéro de sécurité sociale": null, "Ville de naissance": null,
      "CP établissement": null, "Adresse e-mail": null, "Adresse de l'établissement": null,
    };
    for (const [header, kind] of Object.entries(expected)) assert.equal(classifyHeader(header), kind, header);
  });

  it("reads a bare Adresse as the street beside a postcode, else as the whole address", () => {
    assert.deepEqual(proposeMapping(["Nom", "Adresse", "CP", "Ville", "Date d'entrée"]), { street: 1, postcode: 2, city: 3, hireDate: 4 });
    assert.deepEqual(proposeMapping(["Matricule", "Adresse", "Date d'embauche"]), { address: 1, hireDate: 2 });
  });

  it("finds the header below title rows and asks the user when nothing is recognised", () => {
    const rows = [["Export RH — embauches 2025", "", ""], ["", "", ""], ["Nom", "Adresse", "Code postal"], ["Dupont", "3 rue X", "75011"]];
    assert.equal(findHeaderRow(rows), 2);
    assert.equal(findHeaderRow([["", ""], ["a", "b"], ["c", "d"]]), 1);
    assert.equal(mappingNeedsUser(proposeMapping(["a", "b"])), true);
    assert.equal(mappingNeedsUser(proposeMapping(["Adresse", "Date d'entrée"])), false);
    assert.equal(mappingNeedsUser(proposeMapping(["Ville", "Date d'entrée"])), true);
  });
});

describe("row fields", () => {
  it("joins a separate number to the street and restores a postcode's leading zero", () => {
    const mapping = proposeMapping(["Numéro", "Voie", "Complément", "CP", "Ville", "Date d'entrée", "Contrat", "Site"]);
    const fields = extractFields(["12", "rue  de la Paix", "Bât B", 1000, "Bourg-en-Bresse", "01/03/2025", "CDI", " Lyon "], mapping);
    assert.deepEqual(fields.address, { street: "12 rue de la Paix", complement: "Bât B", postcode: "01000", city: "Bourg-en-Bresse" });
    assert.deepEqual(fields.hireDate, { ok: true, iso: "2025-03-01", precision: "day" });
    assert.equal(fields.contractType, "CDI");
    assert.equal(fields.establishment, "Lyon");
  });

  it("takes coordinates as they are, with a decimal comma, and flags unreadable ones", () => {
    const mapping = proposeMapping(["Latitude", "Longitude", "Date d'entrée"]);
    assert.deepEqual(extractFields(["48,8566", 2.3522, "2025-01-02"], mapping).coordinates, { lat: 48.8566, lon: 2.3522 });
    const bad = extractFields(["abc", "2.35", "2025-01-02"], mapping);
    assert.equal(bad.coordinates, null);
    assert.equal(bad.coordinatesInvalid, true);
    assert.equal(extractFields(["", "", "2025-01-02"], mapping).coordinatesInvalid, false);
  });
});
