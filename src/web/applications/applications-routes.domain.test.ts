import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { applicationPaths, isClientRoute, matchRoute } from "../layout/router.domain.ts";

describe("applications screens routes", () => {
  it("matches the lists, the forms (apply, direct hire), the settings and one application (the path of the e-mails)", () => {
    assert.deepEqual(matchRoute("/candidatures/recues"), { name: "applicationsReceived" });
    assert.deepEqual(matchRoute("/candidatures/envoyees/"), { name: "applicationsSent" });
    assert.deepEqual(matchRoute("/mes-candidatures"), { name: "applicationsMine" });
    assert.deepEqual(matchRoute("/candidatures/nouvelle"), { name: "applicationNew" });
    assert.deepEqual(matchRoute("/candidatures/embauche-directe/"), { name: "applicationDirectHire" });
    assert.equal(applicationPaths.directHire, "/candidatures/embauche-directe");
    assert.equal(isClientRoute("/candidatures/embauche-directe?candidat=x", "http://x.test"), true);
    assert.deepEqual(matchRoute("/mes-notifications"), { name: "notificationSettings" });
    const id = "0b5e6c1e-8f7a-4c2b-9d3e-2a1b0c9d8e7f";
    assert.deepEqual(matchRoute(applicationPaths.detail(id)), { name: "application", applicationId: id });
    assert.deepEqual(matchRoute("/candidatures/pas-un-id"), { name: "notFound" });
    assert.equal(isClientRoute(`/candidatures/${id}`, "http://x.test"), true);
  });
});
