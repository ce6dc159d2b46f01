import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isClientRoute, matchRoute, paths } from "../layout/router.domain.ts";

describe("employer offer routes", () => {
  it("match the list, the creation form and the edit form of a real offer id only", () => {
    assert.deepEqual(matchRoute("/mes-offres"), { name: "myOffers" });
    assert.deepEqual(matchRoute("/mes-offres/"), { name: "myOffers" });
    assert.deepEqual(matchRoute(paths.newOffer), { name: "newOffer" });
    const id = "0B7D5C1E-4A2F-4C3B-9D8E-1F2A3B4C5D6E";
    assert.equal(paths.editOffer(id), `/mes-offres/${id}/modifier`);
    assert.deepEqual(matchRoute(paths.editOffer(id)), { name: "editOffer", offerId: id.toLowerCase() });
    assert.deepEqual(matchRoute("/mes-offres/pas-un-id/modifier"), { name: "notFound" });
    assert.deepEqual(matchRoute(`/mes-offres/${id}`), { name: "notFound" });
  });

  it("are handled by the client router", () => {
    assert.ok(isClientRoute("/mes-offres/nouvelle", "http://localhost"));
  });
});
