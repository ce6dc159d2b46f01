import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { matchRoute, paths } from "../layout/router.domain.ts";
import {
  actingOrganisation,
  actsFor,
  anonymousSession,
  expectedKind,
  guardVerdict,
  landingAfterVerification,
  proConnectUrl,
  returnPathFromSearch,
  safeReturnPath,
  type Session,
  signInUrl,
  withReturn,
} from "./session.domain.ts";

const employer = { id: "org-e", name: "Jardins de Belleville", family: "employer" as const, kind: "ACI", role: "admin" as const };
const prescriber = { id: "org-p", name: "Mission locale", family: "prescriber" as const, kind: "ML", role: "member" as const };
const signedIn = (patch: Partial<Session> = {}): Session => ({
  authenticated: true,
  user: { id: "u1", email: "camille@example.org", name: "Camille", kind: "professional", hasPassword: true },
  organisations: [employer, prescriber],
  actingOrganisationId: employer.id,
  role: "employer_admin",
  csrfToken: "token",
  ...patch,
});

describe("session of the web shell", () => {
  it("knows the acting organisation only when it is one of the person's", () => {
    assert.equal(actingOrganisation(signedIn())?.name, "Jardins de Belleville");
    assert.equal(actingOrganisation(signedIn({ actingOrganisationId: "someone-else" })), null);
    assert.equal(actingOrganisation(anonymousSession), null);
    assert.equal(actsFor(signedIn(), "employer"), true);
    assert.equal(actsFor(signedIn({ actingOrganisationId: prescriber.id }), "employer"), false);
  });

  it("comes back only to a path of this site, never to another site nor to the sign-in flow", () => {
    assert.equal(safeReturnPath("/score-qpv/historique"), "/score-qpv/historique");
    assert.equal(safeReturnPath("/mon-organisation?onglet=membres"), "/mon-organisation?onglet=membres");
    for (const bad of [null, undefined, "", "https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)", "/a b", "/connexion", "/inscription/verification?x=1", `/${"a".repeat(600)}`]) {
      assert.equal(safeReturnPath(bad), "/", String(bad));
    }
  });

  it("carries the return path through the sign-in pages", () => {
    assert.equal(signInUrl("/score-qpv/historique"), "/connexion?retour=%2Fscore-qpv%2Fhistorique");
    assert.equal(signInUrl("/"), "/connexion");
    assert.equal(signInUrl("https://evil.example"), "/connexion");
    assert.equal(returnPathFromSearch("?retour=%2Fmon-organisation"), "/mon-organisation");
    assert.equal(returnPathFromSearch("?retour=https%3A%2F%2Fevil.example"), "/");
    assert.equal(withReturn("/inscription", "/mon-organisation"), "/inscription?retour=%2Fmon-organisation");
    assert.equal(withReturn("/inscription/verification?email=a%40b.fr", "/mon-organisation"), "/inscription/verification?email=a%40b.fr&retour=%2Fmon-organisation");
    assert.equal(withReturn("/inscription", "/"), "/inscription");
    assert.equal(proConnectUrl("/mon-organisation"), "/api/v1/auth/oidc/start?returnTo=%2Fmon-organisation");
  });

  it("guards pages: loading, sign-in, kind, then the family of the acting organisation", () => {
    assert.equal(guardVerdict(null), "loading");
    assert.equal(guardVerdict(anonymousSession), "sign_in");
    assert.equal(guardVerdict(signedIn()), "allowed");
    const candidate = signedIn({ user: { id: "u2", email: "c@example.org", name: "C", kind: "candidate", hasPassword: true }, organisations: [], actingOrganisationId: null });
    assert.equal(guardVerdict(candidate, { kinds: ["professional"] }), "wrong_kind");
    assert.equal(guardVerdict(signedIn(), { kinds: ["professional"], family: "employer" }), "allowed");
    assert.equal(guardVerdict(signedIn({ actingOrganisationId: null }), { family: "employer" }), "choose_organisation");
    assert.equal(guardVerdict(signedIn({ actingOrganisationId: prescriber.id }), { family: "employer" }), "wrong_family");
    assert.equal(guardVerdict(signedIn({ organisations: [prescriber], actingOrganisationId: null }), { family: "employer" }), "wrong_family");
  });

  it("guards pages needing an acting organisation of any family, and may explain instead of redirecting when signed out", () => {
    assert.equal(guardVerdict(signedIn(), { kinds: ["professional"], acting: true }), "allowed");
    assert.equal(guardVerdict(signedIn({ actingOrganisationId: prescriber.id }), { kinds: ["professional"], acting: true }), "allowed");
    assert.equal(guardVerdict(signedIn({ actingOrganisationId: null }), { kinds: ["professional"], acting: true }), "choose_organisation");
    assert.equal(guardVerdict(signedIn({ organisations: [], actingOrganisationId: null }), { acting: true }), "choose_organisation");
    assert.equal(guardVerdict(signedIn({ actingOrganisationId: "gone" }), { acting: true }), "choose_organisation");
    assert.equal(guardVerdict(anonymousSession, { signedOut: "explain" }), "signed_out");
    assert.equal(guardVerdict(anonymousSession, { signedOut: "redirect" }), "sign_in");
    assert.equal(guardVerdict(null, { signedOut: "explain" }), "loading");
  });

  it("names the kind of account a refused page is meant for", () => {
    assert.equal(expectedKind({ kinds: ["candidate"] }), "candidate");
    assert.equal(expectedKind({ kinds: ["professional"] }), "professional");
    assert.equal(expectedKind({ kinds: ["candidate", "professional"] }), "professional");
    assert.equal(expectedKind({ kinds: ["admin"] }), "admin");
    assert.equal(expectedKind({}), "professional");
  });

  it("routes the account pages, including the links the API puts in its e-mails", () => {
    assert.deepEqual(matchRoute("/connexion"), { name: "signIn" });
    assert.deepEqual(matchRoute("/connexion/"), { name: "signIn" });
    assert.deepEqual(matchRoute("/mot-de-passe/nouveau"), { name: "passwordReset" });
    assert.deepEqual(matchRoute("/invitations/accepter"), { name: "acceptInvitation" });
    assert.deepEqual(matchRoute(paths.scoreQpvHistory), { name: "scoreQpvHistory" });
    assert.deepEqual(matchRoute("/mon-compte"), { name: "myAccount" });
    assert.deepEqual(matchRoute("/mon-compte/"), { name: "myAccount" });
    assert.deepEqual(matchRoute("/constructor"), { name: "notFound" });
  });
});

describe("landing after the e-mail is confirmed", () => {
  it("takes a new candidate to their profile, keeps any page asked for, and a professional at home", () => {
    assert.equal(landingAfterVerification(paths.home, "candidate"), paths.myProfile);
    assert.equal(landingAfterVerification("/mes-candidatures", "candidate"), "/mes-candidatures");
    assert.equal(landingAfterVerification(paths.home, "professional"), paths.home);
    assert.equal(landingAfterVerification(paths.home, null), paths.home);
  });
});
