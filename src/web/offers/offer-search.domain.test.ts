import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { apiQuery, countLabel, emptySearch, formFromSearch, formatDistance, searchToUrl } from "./offer-search.domain.ts";

describe("offer search form", () => {
  it("round-trips through the page URL, defaults left out", () => {
    const form = { ...emptySearch, q: "boulanger", place: "Paris 20e", radiusKm: "5", contractType: "PERMANENT", page: 2 };
    const url = searchToUrl("/offres", form);
    assert.equal(url, "/offres?q=boulanger&lieu=Paris+20e&rayon=5&contrat=PERMANENT&page=2");
    assert.deepEqual(formFromSearch(url.split("?")[1]), form);
    assert.equal(searchToUrl("/offres", emptySearch), "/offres");
  });
  it("ignores bad values", () => {
    const form = formFromSearch("rayon=7&page=-3");
    assert.equal(form.radiusKm, "10");
    assert.equal(form.page, 1);
  });
  it("sends a radius only with a located place", () => {
    assert.deepEqual(apiQuery({ ...emptySearch, place: "x" }, null).radiusKm, undefined);
    assert.equal(apiQuery({ ...emptySearch, place: "x", radiusKm: "20" }, { lat: 48.8, lon: 2.3 }).radiusKm, 20);
  });
  it("words counts and distances in French", () => {
    assert.equal(countLabel(0), "Aucune offre");
    assert.equal(countLabel(1), "1 offre");
    assert.equal(formatDistance(2.5), "à 2,5 km");
    assert.equal(formatDistance(0.4), "à moins d'1 km");
  });
});
