import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isClientRoute, matchRoute, paths } from "../layout/router.domain.ts";

describe("Score QPV routes", () => {
  it("match the score, a report, the history and one saved score of the history", () => {
    assert.deepEqual(matchRoute(paths.scoreQpv), { name: "scoreQpv" });
    assert.deepEqual(matchRoute(paths.scoreQpvReport("abc")), { name: "scoreQpvReport", reportId: "abc" });
    assert.deepEqual(matchRoute(paths.scoreQpvHistory), { name: "scoreQpvHistory" });
    assert.deepEqual(matchRoute(`${paths.scoreQpvHistory}/`), { name: "scoreQpvHistory" });
    const id = "0B7D5C1E-4A2F-4C3B-9D8E-1F2A3B4C5D6E";
    assert.equal(paths.scoreQpvSavedScore(id), `/score-qpv/historique/${id}`);
    assert.deepEqual(matchRoute(paths.scoreQpvSavedScore(id)), { name: "scoreQpvSavedScore", scoreId: id.toLowerCase() });
    assert.deepEqual(matchRoute(`${paths.scoreQpvSavedScore(id)}/`), { name: "scoreQpvSavedScore", scoreId: id.toLowerCase() });
    assert.deepEqual(matchRoute("/score-qpv/historique/pas-un-id"), { name: "notFound" });
    assert.deepEqual(matchRoute(`/score-qpv/historique/${id}/rapport`), { name: "notFound" });
  });

  it("are handled by the client router, the history's query string included", () => {
    assert.ok(isClientRoute("/score-qpv/historique?libelle=Site%20Nord", "http://localhost"));
    assert.ok(isClientRoute(paths.scoreQpvSavedScore("0b7d5c1e-4a2f-4c3b-9d8e-1f2a3b4c5d6e"), "http://localhost"));
  });
});
