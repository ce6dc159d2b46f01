import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { testEngines } from "../server/test-engines.ts";
import { accountRules } from "./accounts.domain.ts";
import { registerAccountsRoutes } from "./accounts.routes.ts";
import { browser, buildTestApp, signedIn, type TestApp } from "./test-app.ts";

const password = "un mot de passe solide";

for (const engine of testEngines()) {
  describe(`accounts routes on ${engine.name}`, () => {
    let t: TestApp;
    before(async () => { t = await buildTestApp(engine, (deps) => [(app) => registerAccountsRoutes(app, deps)]); });
    after(() => t.close());

    it("signs up, verifies the mailed code once, and opens an httpOnly SameSite=Lax session", async () => {
      const b = browser(t.app);
      const signup = await b.request("POST", "/api/v1/auth/signup", { email: "  Alice@Example.org ", password, name: "Alice", kind: "candidate" });
      assert.equal(signup.statusCode, 202);
      const mail = await t.lastMailTo("alice@example.org");
      const code = mail.text.match(/\b(\d{6})\b/)![1];
      const stored = await t.db.selectFrom("one_time_codes").select("code_hash").execute();
      assert.ok(stored.every((row) => !row.code_hash.includes(code)), "codes are stored hashed");

      const wrong = await b.request("POST", "/api/v1/auth/verify-email", { email: "alice@example.org", code: code === "000000" ? "111111" : "000000" });
      assert.equal(wrong.json().code, "auth.invalid_code");
      const right = await b.request("POST", "/api/v1/auth/verify-email", { email: "ALICE@example.org", code });
      assert.equal(right.statusCode, 204);
      const cookie = right.cookies.find((c) => c.name === "tremplin_session")!;
      assert.equal(cookie.httpOnly, true);
      assert.equal(cookie.sameSite, "Lax");
      assert.equal(cookie.secure, undefined, "plain HTTP: not Secure");
      const session = await b.refreshCsrf();
      assert.equal(session.authenticated, true);
      assert.equal(session.user.email, "alice@example.org");
      assert.equal(session.role, "candidate");
      assert.ok(session.csrfToken);
      const again = await browser(t.app).request("POST", "/api/v1/auth/verify-email", { email: "alice@example.org", code });
      assert.equal(again.json().code, "auth.invalid_code", "a code serves once");
    });

    it("answers a sign-up with a taken address exactly like a new one, and warns the owner", async () => {
      const first = await browser(t.app).request("POST", "/api/v1/auth/signup", { email: "dup@example.org", password, name: "Dup", kind: "professional" });
      await t.lastMailTo("dup@example.org");
      const second = await browser(t.app).request("POST", "/api/v1/auth/signup", { email: "DUP@example.org", password: "un autre mot de passe", name: "Intrus", kind: "candidate" });
      assert.equal(second.statusCode, first.statusCode);
      assert.deepEqual(second.json(), first.json());
      assert.match((await t.lastMailTo("dup@example.org")).subject, /déjà un compte/);
      const users = await t.db.selectFrom("users").select(["name", "kind"]).where("email", "=", "dup@example.org").execute();
      assert.deepEqual(users, [{ name: "Dup", kind: "professional" }]);
    });

    it("burns a code after too many wrong guesses, and expires it after 15 minutes", async () => {
      const b = browser(t.app);
      await b.request("POST", "/api/v1/auth/signup", { email: "guess@example.org", password, name: "G", kind: "candidate" });
      const code = (await t.lastMailTo("guess@example.org")).text.match(/\b(\d{6})\b/)![1];
      const wrongCode = code === "000000" ? "111111" : "000000";
      for (let i = 0; i < accountRules.verificationCodeMaxAttempts; i += 1) {
        await b.request("POST", "/api/v1/auth/verify-email", { email: "guess@example.org", code: wrongCode });
      }
      assert.equal((await b.request("POST", "/api/v1/auth/verify-email", { email: "guess@example.org", code })).json().code, "auth.invalid_code");

      await b.request("POST", "/api/v1/auth/verify-email/resend", { email: "guess@example.org" });
      const fresh = (await t.lastMailTo("guess@example.org")).text.match(/\b(\d{6})\b/)![1];
      t.clock.advance(accountRules.verificationCodeTtlMs + 1000);
      assert.equal((await b.request("POST", "/api/v1/auth/verify-email", { email: "guess@example.org", code: fresh })).json().code, "auth.invalid_code");
    });

    it("refuses an unverified login, locks an address after 5 failures, and says the same for unknown addresses", async () => {
      await browser(t.app).request("POST", "/api/v1/auth/signup", { email: "bob@example.org", password, name: "Bob", kind: "candidate" });
      assert.equal((await browser(t.app).request("POST", "/api/v1/auth/login", { email: "bob@example.org", password })).json().code, "auth.email_not_verified");

      await signedIn(t, "carol@example.org");
      const wrong = await browser(t.app).request("POST", "/api/v1/auth/login", { email: "carol@example.org", password: "pas le bon" });
      const unknown = await browser(t.app).request("POST", "/api/v1/auth/login", { email: "nobody@example.org", password: "pas le bon" });
      assert.equal(wrong.statusCode, 401);
      assert.deepEqual(unknown.json(), wrong.json());
      for (let i = 1; i < accountRules.loginFailuresBeforeLock; i += 1) {
        await browser(t.app).request("POST", "/api/v1/auth/login", { email: "carol@example.org", password: "pas le bon" });
      }
      const locked = await browser(t.app).request("POST", "/api/v1/auth/login", { email: "carol@example.org", password });
      assert.equal(locked.statusCode, 429);
      assert.equal(locked.json().code, "auth.locked");
      t.clock.advance(accountRules.loginLockMs + 1000);
      assert.equal((await browser(t.app).request("POST", "/api/v1/auth/login", { email: "carol@example.org", password })).statusCode, 204);
    });

    it("requires the CSRF token and a same-site Origin on cookie-authenticated writes; logout revokes", async () => {
      const b = await signedIn(t, "dan@example.org");
      const foreign = await b.request("POST", "/api/v1/auth/logout", undefined, { origin: "https://evil.example" });
      assert.equal(foreign.json().code, "auth.bad_origin");
      const foreignToOtherHost = await b.request("POST", "/api/v1/auth/logout", undefined, { origin: "https://evil.example", host: "127.0.0.1:3000" });
      assert.equal(foreignToOtherHost.json().code, "auth.bad_origin");
      const sameHost = await b.request("PUT", "/api/v1/auth/session/organisation", { organisationId: null }, { origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" });
      assert.equal(sameHost.statusCode, 204, `the app opened on another name of this host may write: ${sameHost.body}`);
      b.dropCsrf();
      assert.equal((await b.request("POST", "/api/v1/auth/logout")).json().code, "auth.csrf");
      await b.refreshCsrf();
      const stolen = b.cookie;
      assert.equal((await b.request("POST", "/api/v1/auth/logout", undefined, { origin: "http://tremplin.test" })).statusCode, 204);
      const replay = browser(t.app);
      replay.setCookie(stolen);
      assert.equal((await replay.refreshCsrf()).authenticated, false, "a logged-out session id is dead");
    });

    it("resets a password with a single-use link valid one hour, and signs out every session", async () => {
      const b = await signedIn(t, "erin@example.org");
      const request = await browser(t.app).request("POST", "/api/v1/auth/password-reset/request", { email: "erin@example.org" });
      const unknown = await browser(t.app).request("POST", "/api/v1/auth/password-reset/request", { email: "ghost@example.org" });
      assert.equal(request.statusCode, 202);
      assert.deepEqual(unknown.json(), request.json());
      const token = (await t.lastMailTo("erin@example.org")).text.match(/#jeton=([A-Za-z0-9_-]{43})/)![1];
      const confirm = await browser(t.app).request("POST", "/api/v1/auth/password-reset/confirm", { token, password: "nouveau mot de passe" });
      assert.equal(confirm.statusCode, 204);
      assert.equal((await b.refreshCsrf()).authenticated, false, "older sessions are revoked");
      const reuse = await browser(t.app).request("POST", "/api/v1/auth/password-reset/confirm", { token, password: "encore un autre" });
      assert.equal(reuse.json().code, "auth.invalid_reset_link");
      assert.equal((await browser(t.app).request("POST", "/api/v1/auth/login", { email: "erin@example.org", password: "nouveau mot de passe" })).statusCode, 204);

      await browser(t.app).request("POST", "/api/v1/auth/password-reset/request", { email: "erin@example.org" });
      const late = (await t.lastMailTo("erin@example.org")).text.match(/#jeton=([A-Za-z0-9_-]{43})/)![1];
      t.clock.advance(accountRules.resetLinkTtlMs + 1000);
      assert.equal((await browser(t.app).request("POST", "/api/v1/auth/password-reset/confirm", { token: late, password: "trop tard vraiment" })).json().code, "auth.invalid_reset_link");
    });

    it("changes a password with the current one and signs out the other sessions only", async () => {
      const here = await signedIn(t, "fanny@example.org");
      assert.equal((await here.refreshCsrf()).user.hasPassword, true);
      const elsewhere = browser(t.app);
      await elsewhere.request("POST", "/api/v1/auth/login", { email: "fanny@example.org", password });
      assert.equal((await elsewhere.refreshCsrf()).authenticated, true);
      const wrong = await here.request("POST", "/api/v1/auth/password", { currentPassword: "pas le bon", newPassword: "tout nouveau mot de passe" });
      assert.equal(wrong.json().code, "auth.invalid_credentials");
      const changed = await here.request("POST", "/api/v1/auth/password", { currentPassword: password, newPassword: "tout nouveau mot de passe" });
      assert.equal(changed.statusCode, 204);
      assert.equal((await here.refreshCsrf()).authenticated, true, "the current session stays");
      assert.equal((await elsewhere.refreshCsrf()).authenticated, false, "other sessions are revoked");
    });

    it("locks the password change as the sign-in after too many wrong current passwords", async () => {
      const here = await signedIn(t, "gaspard@example.org");
      await here.refreshCsrf();
      for (let i = 0; i < accountRules.loginFailuresBeforeLock; i += 1) {
        const wrong = await here.request("POST", "/api/v1/auth/password", { currentPassword: `mauvais ${i}`, newPassword: "tout nouveau mot de passe" });
        assert.equal(wrong.json().code, "auth.invalid_credentials");
      }
      const locked = await here.request("POST", "/api/v1/auth/password", { currentPassword: password, newPassword: "tout nouveau mot de passe" });
      assert.deepEqual([locked.statusCode, locked.json().code], [429, "auth.locked"], "even the right password waits for the lock to end");
      t.clock.advance(accountRules.loginLockMs + 1000);
      const changed = await here.request("POST", "/api/v1/auth/password", { currentPassword: password, newPassword: "tout nouveau mot de passe" });
      assert.equal(changed.statusCode, 204);
      const login = await browser(t.app).request("POST", "/api/v1/auth/login", { email: "gaspard@example.org", password: "tout nouveau mot de passe" });
      assert.equal(login.statusCode, 204, "the change cleared the failures");
    });

    it("tells the web which sign-in methods exist: password only without OIDC configuration", async () => {
      const methods = await browser(t.app).request("GET", "/api/v1/auth/methods");
      assert.deepEqual(methods.json(), { password: true, proConnect: false });
    });

    it("validates bodies with French messages per field", async () => {
      const response = await browser(t.app).request("POST", "/api/v1/auth/signup", { email: "pas-une-adresse", password: "court", name: "", kind: "robot" });
      assert.equal(response.statusCode, 400);
      const messages = response.json().details.map((d: { message: string }) => d.message);
      assert.equal(messages.length, 4, "one message per invalid field");
      assert.ok(messages.some((m: string) => /10 caractères/.test(m)));
      assert.ok(messages.some((m: string) => /Adresse électronique invalide/.test(m)));
    });
  });
}
