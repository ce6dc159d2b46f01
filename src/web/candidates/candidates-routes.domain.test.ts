import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { matchRoute, paths } from "../layout/router.domain.ts";

describe("candidate routes", () => {
  it("match the candidate screens, and only a real id for a profile", () => {
    assert.deepEqual(matchRoute("/candidats"), { name: "myCandidates" });
    assert.deepEqual(matchRoute("/candidats/nouveau/"), { name: "newCandidate" });
    assert.deepEqual(matchRoute("/mon-profil"), { name: "myProfile" });
    assert.deepEqual(matchRoute(paths.myProfileErased), { name: "myProfileErased" });
    const id = "0b7d5c1e-4a2f-4c3b-9d8e-1f2a3b4c5d6e";
    assert.deepEqual(matchRoute(paths.candidate(id)), { name: "candidate", candidateId: id });
    assert.deepEqual(matchRoute("/candidats/pas-un-id"), { name: "notFound" });
  });
});
