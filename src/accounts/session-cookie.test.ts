// Behind a TLS-terminating proxy (trustProxy), the session cookie is Secure.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import Fastify, { type FastifyInstance } from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { createMailer } from "../mail/mailer.ts";
import { registerErrorHandler } from "../server/http-errors.ts";
import { type TestDatabase, testEngines } from "../server/test-engines.ts";
import { registerAccountsRoutes } from "./accounts.routes.ts";
import { hashPassword } from "./passwords.ts";
import { insertUser } from "./users.queries.ts";

describe("session cookie behind an HTTPS proxy", () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  before(async () => {
    test = await testEngines()[0].freshMigratedDb();
    const mailer = createMailer({ db: test.db, transport: { name: "none", send: async () => {}, close() {} }, from: "t@example.org" });
    app = Fastify({ trustProxy: true });
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    registerErrorHandler(app);
    await app.register(async (scope) => registerAccountsRoutes(scope, { db: test.db, mailer, config: { publicUrl: "https://tremplin.example", oidc: null } }));
    await insertUser(test.db, { email: "gina@example.org", name: "Gina", kind: "candidate", passwordHash: await hashPassword("un mot de passe solide"), emailVerifiedAt: new Date(), now: new Date() });
  });
  after(async () => {
    await app.close();
    await test.close();
  });

  it("sets Secure when the request came over HTTPS, not otherwise", async () => {
    const login = (headers: Record<string, string>) =>
      app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email: "gina@example.org", password: "un mot de passe solide" }, headers });
    const https = await login({ "x-forwarded-proto": "https" });
    assert.equal(https.statusCode, 204);
    assert.equal(https.cookies.find((c) => c.name === "tremplin_session")?.secure, true);
    const http = await login({});
    assert.equal(http.cookies.find((c) => c.name === "tremplin_session")?.secure, undefined);
  });
});
