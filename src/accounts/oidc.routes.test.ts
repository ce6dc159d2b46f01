import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { testEngines } from "../server/test-engines.ts";
import { registerAccountsRoutes } from "./accounts.routes.ts";
import { browser, buildTestApp, signedIn, type TestApp } from "./test-app.ts";
import { startTestOidcProvider } from "./test-oidc-provider.ts";

const publicUrl = "http://tremplin.test";
const accounts = [
  { sub: "agent-1", email: "Agent.Conseil@FT.example", email_verified: true, given_name: "Agnès", usual_name: "Conseil" },
  { sub: "agent-2", email: "candidat@example.org", given_name: "Carl", usual_name: "Candidat" },
  { sub: "agent-3", email: "pas.verifie@example.org", email_verified: false, given_name: "Paul", usual_name: "Vérif" },
  { sub: "agent-4", email: "deja.inscrite@ml.example", email_verified: true, given_name: "Inès", usual_name: "Déjà" },
];

for (const engine of testEngines()) {
  describe(`OpenID Connect sign-in against a local oidc-provider on ${engine.name}`, () => {
    let provider: Awaited<ReturnType<typeof startTestOidcProvider>>;
    let t: TestApp;
    before(async () => {
      provider = await startTestOidcProvider({ redirectUri: `${publicUrl}/api/v1/auth/oidc/callback`, accounts });
      t = await buildTestApp(engine, (deps) => [(app) => registerAccountsRoutes(app, deps)], {
        publicUrl,
        oidc: { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, scopes: "openid email given_name usual_name" },
      });
    });
    after(async () => {
      await t.close();
      await provider.close();
    });

    /** Runs the whole dance; returns the callback response of our app. */
    const signInWith = async (sub: string, options: { tamperState?: boolean; returnTo?: string } = {}) => {
      const start = await t.app.inject({ method: "GET", url: `/api/v1/auth/oidc/start${options.returnTo ? `?returnTo=${encodeURIComponent(options.returnTo)}` : ""}` });
      assert.equal(start.statusCode, 302);
      const authorizationUrl = new URL(start.headers.location as string);
      assert.equal(authorizationUrl.searchParams.get("code_challenge_method"), "S256");
      assert.ok(authorizationUrl.searchParams.get("state") && authorizationUrl.searchParams.get("nonce"));
      const attempt = start.cookies.find((c) => c.name === "tremplin_oidc")!;
      const callback = await provider.signIn(authorizationUrl.href, sub);
      assert.equal(callback.origin, publicUrl);
      if (options.tamperState) callback.searchParams.set("state", "forged");
      return t.app.inject({ method: "GET", url: callback.pathname + callback.search, cookies: { tremplin_oidc: attempt.value } });
    };

    it("tells the web that ProConnect is available", async () => {
      const methods = await t.app.inject({ method: "GET", url: "/api/v1/auth/methods" });
      assert.deepEqual(methods.json(), { password: true, proConnect: true });
    });

    it("creates a verified professional account from the provider's identity and signs it in", async () => {
      const callback = await signInWith("agent-1", { returnTo: "/tableau-de-bord" });
      assert.equal(callback.statusCode, 302, callback.body);
      assert.equal(callback.headers.location, `${publicUrl}/tableau-de-bord`);
      const b = browser(t.app);
      b.setCookie(`tremplin_session=${callback.cookies.find((c) => c.name === "tremplin_session")!.value}`);
      const session = await b.refreshCsrf();
      assert.equal(session.user.email, "agent.conseil@ft.example");
      assert.equal(session.user.name, "Agnès Conseil");
      assert.match(provider.userinfoContentTypes.at(-1) ?? "", /application\/jwt/, "signed UserInfo, as ProConnect sends it");
      assert.equal(session.user.kind, "professional");
      assert.equal(session.user.hasPassword, false, "the web explains instead of showing the change-password form");
      const user = await t.db.selectFrom("users").select(["email_verified_at", "password_hash"]).where("email", "=", "agent.conseil@ft.example").executeTakeFirstOrThrow();
      assert.ok(user.email_verified_at);
      assert.equal(user.password_hash, null);
      await signInWith("agent-1");
      assert.equal((await t.db.selectFrom("user_identities").select("subject").execute()).length, 1, "the identity is linked once");
    });

    it("refuses a replayed or forged callback", async () => {
      const forged = await signInWith("agent-1", { tamperState: true });
      assert.equal(forged.json().code, "auth.oidc_failed");
      const noCookie = await t.app.inject({ method: "GET", url: "/api/v1/auth/oidc/callback?code=abc&state=def" });
      assert.equal(noCookie.json().code, "auth.oidc_failed");
    });

    it("links to an existing professional by e-mail, refuses candidates and unverified e-mails", async () => {
      await signedIn(t, "candidat@example.org", "candidate", "Carl");
      assert.equal((await signInWith("agent-2")).json().code, "auth.oidc_not_professional");
      assert.equal((await signInWith("agent-3")).json().code, "auth.oidc_email_unverified");
      const existing = await signedIn(t, "deja.inscrite@ml.example", "professional", "Inès D.");
      const existingId = (await existing.refreshCsrf()).user.id;
      const linked = await signInWith("agent-4");
      assert.equal(linked.statusCode, 302);
      const identity = await t.db.selectFrom("user_identities").select("user_id").where("subject", "=", "agent-4").executeTakeFirstOrThrow();
      assert.equal(identity.user_id, existingId, "linked to the account with the same e-mail, no duplicate");
    });
  });
}
