import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { activeApplicationTo, candidateChoice, offerReader, pathnameOf, withParam } from "./offer-apply.domain.ts";

describe("applying from an offer page", () => {
  it("tells who reads: visitor, candidate, counsellor of a prescriber, or someone with nothing to apply with", () => {
    assert.equal(offerReader("loading", null, null), "loading");
    assert.equal(offerReader("anonymous", null, null), "signedOut");
    assert.equal(offerReader("signed-in", "candidate", null), "candidate");
    assert.equal(offerReader("signed-in", "professional", "prescriber"), "prescriber");
    assert.equal(offerReader("signed-in", "professional", "employer"), "other");
    assert.equal(offerReader("signed-in", "professional", "operator"), "other");
    assert.equal(offerReader("signed-in", "professional", null), "other", "a professional acting for no organisation");
    assert.equal(offerReader("signed-in", "admin", null), "other");
  });

  it("offers the candidate her active application first, then nothing on a closed offer, then her profile to create, then the form", () => {
    assert.equal(candidateChoice({ open: false, hasProfile: true, activeApplicationId: "a" }), "applied", "even on a closed offer");
    assert.equal(candidateChoice({ open: true, hasProfile: true, activeApplicationId: "a" }), "applied");
    assert.equal(candidateChoice({ open: false, hasProfile: false, activeApplicationId: null }), "closed");
    assert.equal(candidateChoice({ open: true, hasProfile: false, activeApplicationId: null }), "needsProfile");
    assert.equal(candidateChoice({ open: true, hasProfile: true, activeApplicationId: null }), "apply");
  });

  it("finds her active application to this offer only (a refused one lets her apply again)", () => {
    const items = [
      { id: "refused", state: "refused" as const, offer: { id: "o1" } },
      { id: "other", state: "new" as const, offer: { id: "o2" } },
      { id: "spontaneous", state: "new" as const, offer: null },
    ];
    assert.equal(activeApplicationTo(items, "o1"), null);
    assert.equal(activeApplicationTo([...items, { id: "pending", state: "postponed" as const, offer: { id: "o1" } }], "o1"), "pending");
    assert.equal(activeApplicationTo([{ id: "hired", state: "accepted" as const, offer: { id: "o1" } }], "o1"), "hired");
  });

  it("sets a query parameter and reads the path of a return link", () => {
    assert.equal(withParam("/candidatures/embauche-directe", "candidat", "a b"), "/candidatures/embauche-directe?candidat=a+b");
    assert.equal(withParam("/x?y=1", "candidat", "c"), "/x?y=1&candidat=c");
    assert.equal(withParam("/x?candidat=old&y=1", "candidat", "new"), "/x?candidat=new&y=1", "a person chosen before is replaced");
    assert.equal(pathnameOf("/offres/abc?x=1#h"), "/offres/abc");
  });
});
