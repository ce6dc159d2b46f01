import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { registerAccountsRoutes } from "../accounts/accounts.routes.ts";
import { type Browser, buildTestApp, signedIn, type TestApp } from "../accounts/test-app.ts";
import { registerOrganisationsRoutes } from "../organisations/organisations.routes.ts";
import { testEngines } from "../server/test-engines.ts";
import { registerApiKeysRoutes, requireApiKey } from "./api-keys.routes.ts";
import { hitRateLimit } from "./rate-limit.queries.ts";

for (const engine of testEngines()) {
  describe(`API keys and rate limits on ${engine.name}`, () => {
    let t: TestApp;
    let admin: Browser;
    let outsider: Browser;
    let orgId: string;

    before(async () => {
      t = await buildTestApp(engine, (deps) => [
        (app) => registerAccountsRoutes(app, deps),
        (app) => registerOrganisationsRoutes(app, deps),
        (app) => registerApiKeysRoutes(app, deps),
        // A partner route standing in for the offers API of a later capability.
        (app) => {
          app.get("/api/v1/partner-probe", { preHandler: requireApiKey({ db: deps.db, clock: deps.clock, rateLimit: { limit: 3, windowMs: 60_000 } }, "offers:read") }, async (request) => ({
            organisationId: request.apiClient!.organisationId,
          }));
        },
      ]);
      admin = await signedIn(t, "admin@ei.example");
      orgId = (await admin.request("POST", "/api/v1/organisations", { kind: "EI", name: "EI du Canal", siret: "73282932000074" })).json().id;
      await admin.refreshCsrf();
      outsider = await signedIn(t, "outsider@example.org");
      await outsider.request("POST", "/api/v1/organisations", { kind: "entreprise", name: "Autre", siret: "13002526500013" });
      await outsider.refreshCsrf();
    });
    after(() => t.close());

    it("shows a key once, stores its hash, authenticates, rate-limits and revokes it", async () => {
      const created = await admin.request("POST", `/api/v1/organisations/${orgId}/api-keys`, { name: "Partenaire emploi", scopes: ["offers:read"] });
      assert.equal(created.statusCode, 201);
      const { token, id, prefix } = created.json();
      assert.match(token, /^trk_[A-Za-z0-9_-]{43}$/);
      assert.equal(token.slice(0, 12), prefix);
      const stored = await t.db.selectFrom("api_keys").select(["token_hash"]).where("id", "=", id).executeTakeFirstOrThrow();
      assert.notEqual(stored.token_hash, token);
      const listed = await admin.request("GET", `/api/v1/organisations/${orgId}/api-keys`);
      assert.ok(!listed.body.includes(token), "never shown again");

      const probe = () => t.app.inject({ method: "GET", url: "/api/v1/partner-probe", headers: { authorization: `Bearer ${token}` } });
      const first = await probe();
      assert.equal(first.statusCode, 200);
      assert.equal(first.json().organisationId, orgId);
      assert.ok((await admin.request("GET", `/api/v1/organisations/${orgId}/api-keys`)).json()[0].lastUsedAt);
      await probe();
      await probe();
      assert.equal((await probe()).json().code, "api_key.rate_limited");

      assert.equal((await outsider.request("DELETE", `/api/v1/organisations/${orgId}/api-keys/${id}`)).json().code, "organisation.not_found");
      assert.equal((await admin.request("DELETE", `/api/v1/organisations/${orgId}/api-keys/${id}`)).statusCode, 204);
      t.clock.advance(61_000);
      assert.equal((await probe()).json().code, "api_key.invalid");
      const noKey = await t.app.inject({ method: "GET", url: "/api/v1/partner-probe" });
      assert.equal(noKey.statusCode, 401);
    });

    it("lets only the organisation's admins manage keys", async () => {
      assert.equal((await outsider.request("GET", `/api/v1/organisations/${orgId}/api-keys`)).json().code, "organisation.not_found");
      assert.equal((await outsider.request("POST", `/api/v1/organisations/${orgId}/api-keys`, { name: "x", scopes: ["offers:read"] })).json().code, "organisation.not_found");
      const bad = await admin.request("POST", `/api/v1/organisations/${orgId}/api-keys`, { name: "", scopes: ["everything"] });
      assert.equal(bad.statusCode, 400);
      const actions = await t.db.selectFrom("audit_log").select("action").where("subject_type", "=", "api_key").execute();
      assert.deepEqual(actions.map((a) => a.action), ["api_key.created", "api_key.revoked"]);
    });

    it("counts concurrent hits atomically in one window", async () => {
      const now = new Date("2026-12-01T12:00:30Z");
      const results = await Promise.all(Array.from({ length: 20 }, () => hitRateLimit(t.db, "concurrency", { limit: 10, windowMs: 60_000 }, now)));
      assert.deepEqual(results.map((r) => r.count).sort((a, b) => a - b), Array.from({ length: 20 }, (_, i) => i + 1));
      assert.equal(results.filter((r) => r.allowed).length, 10);
      const next = await hitRateLimit(t.db, "concurrency", { limit: 10, windowMs: 60_000 }, new Date("2026-12-01T12:01:00Z"));
      assert.equal(next.count, 1, "a new window starts from zero");
    });
  });
}
