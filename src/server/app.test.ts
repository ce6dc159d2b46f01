import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { buildApp } from "./app.ts";
import { configFromEnv } from "./config.ts";
import { testEngines } from "./test-engines.ts";

for (const engine of testEngines()) {
  describe(`server skeleton on ${engine.name}`, () => {
    let close: () => Promise<void>;
    let app: Awaited<ReturnType<typeof buildApp>>;
    before(async () => {
      const test = await engine.freshMigratedDb();
      close = test.close;
      app = await buildApp({ db: test.db, config: { ...configFromEnv({ NODE_ENV: "test" }), webDist: "/nonexistent" } }, []);
    });
    after(async () => {
      await app.close();
      await close();
    });

    it("answers /healthz with the database status", async () => {
      const response = await app.inject({ method: "GET", url: "/healthz" });
      assert.equal(response.statusCode, 200);
      assert.deepEqual(response.json(), { status: "ok", database: true });
    });

    it("answers unknown API paths with a French 404", async () => {
      const response = await app.inject({ method: "GET", url: "/api/v1/nope?secret=1" });
      assert.equal(response.statusCode, 404);
      assert.equal(response.json().code, "not_found");
      assert.ok(!response.body.includes("secret"));
    });

    it("serves the OpenAPI document", async () => {
      const response = await app.inject({ method: "GET", url: "/api/docs/json" });
      assert.equal(response.statusCode, 200);
      assert.equal(response.json().info.title, "API Tremplin");
    });
  });
}

describe("validation errors", () => {
  it("name the field in French", async () => {
    const { registerErrorHandler } = await import("./http-errors.ts");
    const { default: Fastify } = await import("fastify");
    const { serializerCompiler, validatorCompiler } = await import("fastify-type-provider-zod");
    const { z } = await import("../shared/zod.ts");
    const app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    registerErrorHandler(app);
    app.post("/t", { schema: { body: z.object({ email: z.email() }) } }, async () => ({ ok: true }));
    const response = await app.inject({ method: "POST", url: "/t", payload: { email: "pas-un-courriel" } });
    assert.equal(response.statusCode, 400);
    const body = response.json();
    assert.equal(body.code, "validation");
    assert.equal(body.details[0].field, "body.email");
    assert.match(body.details[0].message, /[a-zé]/);
    await app.close();
  });
});
