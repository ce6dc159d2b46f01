import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { registerAccountsRoutes } from "../accounts/accounts.routes.ts";
import { type Browser, buildTestApp, signedIn, type TestApp } from "../accounts/test-app.ts";
import { testEngines } from "../server/test-engines.ts";
import { registerOrganisationsRoutes } from "./organisations.routes.ts";

const siretA = "73282932000074";
const siretB = "13002526500013";

for (const engine of testEngines()) {
  describe(`organisations routes on ${engine.name}`, () => {
    let t: TestApp;
    let alice: Browser; // admin of A (employer)
    let bruno: Browser; // admin of B (prescriber)
    let orgA: string;
    let orgB: string;
    let brunoId: string;

    before(async () => {
      t = await buildTestApp(engine, (deps) => [(app) => registerAccountsRoutes(app, deps), (app) => registerOrganisationsRoutes(app, deps)]);
      alice = await signedIn(t, "alice@aci.example", "professional", "Alice");
      bruno = await signedIn(t, "bruno@ml.example", "professional", "Bruno");
      brunoId = (await bruno.refreshCsrf()).user.id;
    });
    after(() => t.close());

    it("creates an organisation only with a valid SIRET; the creator becomes its admin and acts for it", async () => {
      const bad = await alice.request("POST", "/api/v1/organisations", { kind: "ACI", name: "Jardins de Belleville", siret: "73282932000075" });
      assert.equal(bad.json().code, "organisation.bad_siret");
      const created = await alice.request("POST", "/api/v1/organisations", { kind: "ACI", name: "Jardins de Belleville", siret: "732 829 320 00074" });
      assert.equal(created.statusCode, 201);
      orgA = created.json().id;
      assert.equal(created.json().siret, siretA);
      assert.equal(created.json().family, "employer");
      const session = await alice.refreshCsrf();
      assert.equal(session.actingOrganisationId, orgA);
      assert.equal(session.role, "employer_admin");
      const again = await bruno.request("POST", "/api/v1/organisations", { kind: "ACI", name: "Copie", siret: siretA });
      assert.equal(again.json().code, "organisation.already_exists");

      const prescriber = await bruno.request("POST", "/api/v1/organisations", { kind: "ML", name: "Mission locale Paris Est", siret: siretB });
      orgB = prescriber.json().id;
      assert.equal(prescriber.json().authorizationStatus, "NOT_SET");
      assert.equal(prescriber.json().authorizedPrescriber, false, "an unvalidated prescriber acts as orienteur");
      await bruno.refreshCsrf();
    });

    it("refuses candidates and reserved kinds", async () => {
      const candidate = await signedIn(t, "chloe@example.org", "candidate", "Chloé");
      assert.equal((await candidate.request("POST", "/api/v1/organisations", { kind: "EI", name: "X", siret: siretB })).json().code, "auth.forbidden");
      assert.equal((await alice.request("POST", "/api/v1/organisations", { kind: "FT", name: "France Travail", siret: siretB })).json().code, "organisation.kind_reserved");
    });

    it("answers 404 — never 403 — when an id of another organisation is put in a URL", async () => {
      const aliceMember = (await alice.refreshCsrf()).user.id;
      const attempts = [
        bruno.request("GET", `/api/v1/organisations/${orgA}`),
        bruno.request("GET", `/api/v1/organisations/${orgA}/members`),
        bruno.request("GET", `/api/v1/organisations/${orgA}/invitations`),
        bruno.request("POST", `/api/v1/organisations/${orgA}/invitations`, { email: "spy@example.org" }),
        bruno.request("PATCH", `/api/v1/organisations/${orgA}/members/${aliceMember}`, { role: "member" }),
        bruno.request("DELETE", `/api/v1/organisations/${orgA}/members/${aliceMember}`),
      ];
      const missing = await bruno.request("GET", `/api/v1/organisations/${randomUUID()}`);
      for (const response of await Promise.all(attempts)) {
        assert.equal(response.statusCode, 404, response.body);
        assert.equal(response.json().code, "organisation.not_found");
      }
      assert.deepEqual((await bruno.request("GET", `/api/v1/organisations/${orgA}`)).json(), missing.json(), "same answer as a missing id");
      assert.equal((await t.db.selectFrom("memberships").select("role").where("organisation_id", "=", orgA).executeTakeFirstOrThrow()).role, "admin");
    });

    it("invites by e-mail; only the invited address can accept, once", async () => {
      const invited = await alice.request("POST", `/api/v1/organisations/${orgA}/invitations`, { email: "Bruno@ML.example", role: "member" });
      assert.equal(invited.statusCode, 201);
      const token = (await t.lastMailTo("bruno@ml.example")).text.match(/#jeton=([A-Za-z0-9_-]{43})/)![1];
      const stored = await t.db.selectFrom("invitations").select("token_hash").execute();
      assert.ok(stored.every((row) => row.token_hash !== token), "tokens are stored hashed");

      const intruder = await signedIn(t, "intrus@example.org", "professional", "Intrus");
      assert.equal((await intruder.request("POST", "/api/v1/invitations/accept", { token })).json().code, "invitation.wrong_email");
      const accepted = await bruno.request("POST", "/api/v1/invitations/accept", { token });
      assert.equal(accepted.statusCode, 200);
      assert.equal(accepted.json().id, orgA);
      assert.equal((await bruno.request("POST", "/api/v1/invitations/accept", { token })).json().code, "invitation.not_found");

      const revoked = await alice.request("POST", `/api/v1/organisations/${orgA}/invitations`, { email: "zoe@example.org" });
      const revokedToken = (await t.lastMailTo("zoe@example.org")).text.match(/#jeton=([A-Za-z0-9_-]{43})/)![1];
      assert.equal((await bruno.request("DELETE", `/api/v1/organisations/${orgA}/invitations/${revoked.json().id}`)).json().code, "auth.forbidden", "members cannot revoke");
      assert.equal((await alice.request("DELETE", `/api/v1/organisations/${orgA}/invitations/${revoked.json().id}`)).statusCode, 204);
      const zoe = await signedIn(t, "zoe@example.org", "professional", "Zoé");
      assert.equal((await zoe.request("POST", "/api/v1/invitations/accept", { token: revokedToken })).json().code, "invitation.not_found");
      const members = await alice.request("GET", `/api/v1/organisations/${orgA}/members`);
      assert.deepEqual(members.json().map((m: { name: string; role: string }) => [m.name, m.role]), [["Alice", "admin"], ["Bruno", "member"]]);
    });

    it("lets only a platform admin validate a prescriber's authorisation (orienteur → habilité)", async () => {
      assert.equal((await bruno.request("PUT", `/api/v1/organisations/${orgB}/authorization`, { status: "VALIDATED" })).json().code, "auth.forbidden");
      const admin = await signedIn(t, "admin@tremplin.example", "professional", "Admin");
      await t.db.updateTable("users").set({ kind: "admin" }).where("email", "=", "admin@tremplin.example").execute();
      assert.equal((await admin.refreshCsrf()).role, "platform_admin");
      assert.equal((await admin.request("PUT", `/api/v1/organisations/${orgB}/authorization`, { status: "VALIDATED" })).statusCode, 204);
      assert.equal((await admin.request("PUT", `/api/v1/organisations/${orgA}/authorization`, { status: "VALIDATED" })).json().code, "organisation.not_prescriber");
      const validated = await admin.request("GET", `/api/v1/organisations/${orgB}`);
      assert.equal(validated.json().authorizedPrescriber, true);
    });

    it("lets a person in two organisations choose the one they act for", async () => {
      assert.equal((await bruno.refreshCsrf()).role, "employer_member", "acting for the organisation just joined");
      assert.equal((await bruno.request("PUT", "/api/v1/auth/session/organisation", { organisationId: orgB })).statusCode, 204);
      const session = await bruno.refreshCsrf();
      assert.equal(session.role, "prescriber_admin");
      assert.equal(session.organisations.length, 2);
      assert.equal((await bruno.request("PUT", "/api/v1/auth/session/organisation", { organisationId: randomUUID() })).json().code, "organisation.not_found");
      const mine = await bruno.request("GET", "/api/v1/organisations");
      assert.deepEqual(mine.json().map((o: { id: string }) => o.id).sort(), [orgA, orgB].sort());
    });

    it("keeps the last admin, lets members leave, and audits membership changes with ids only", async () => {
      const aliceId = (await alice.refreshCsrf()).user.id;
      assert.equal((await alice.request("DELETE", `/api/v1/organisations/${orgA}/members/${aliceId}`)).json().code, "member.last_admin");
      assert.equal((await alice.request("PATCH", `/api/v1/organisations/${orgA}/members/${aliceId}`, { role: "member" })).json().code, "member.last_admin");
      assert.equal((await alice.request("PATCH", `/api/v1/organisations/${orgA}/members/${brunoId}`, { role: "admin" })).statusCode, 204);
      assert.equal((await alice.request("PATCH", `/api/v1/organisations/${orgA}/members/${aliceId}`, { role: "member" })).statusCode, 204);
      assert.equal((await alice.request("DELETE", `/api/v1/organisations/${orgA}/members/${brunoId}`)).json().code, "organisation.not_found", "a member cannot remove others (self-only rule: 404)");
      assert.equal((await alice.request("DELETE", `/api/v1/organisations/${orgA}/members/${aliceId}`)).statusCode, 204, "a member can leave");
      assert.equal((await alice.refreshCsrf()).actingOrganisationId, null);

      assert.equal((await alice.request("GET", `/api/v1/organisations/${orgA}/audit`)).json().code, "auth.forbidden", "no longer a member: plain professional role");
      const viaApi = await bruno.request("GET", `/api/v1/organisations/${orgA}/audit`);
      assert.equal(viaApi.statusCode, 404, "bruno acts for his prescriber organisation, not A");
      await bruno.request("PUT", "/api/v1/auth/session/organisation", { organisationId: orgA });
      await bruno.refreshCsrf();
      const read = await bruno.request("GET", `/api/v1/organisations/${orgA}/audit`);
      assert.equal(read.statusCode, 200);
      assert.equal(read.json()[0].action, "membership.left");
      const audit = await t.db.selectFrom("audit_log").select(["action", "subject_id", "details"]).where("organisation_id", "=", orgA).orderBy("id").execute();
      assert.deepEqual(audit.map((a) => a.action), ["organisation.created", "invitation.created", "membership.created", "invitation.created", "invitation.revoked", "membership.role_changed", "membership.role_changed", "membership.left"]);
      assert.ok(!JSON.stringify(audit).includes("@"), "no e-mail address in the audit log");
    });
  });
}
