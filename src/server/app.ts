// Assembles the HTTP application from capability plugins. No business logic here.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, LogController } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { Config } from "./config.ts";
import { type Database, pingDatabase } from "./db.ts";
import { registerErrorHandler, sendNotFound } from "./http-errors.ts";

export type AppDeps = { db: Database; config: Config };
export type CapabilityPlugin = (app: FastifyInstance) => Promise<void> | void;

export const buildApp = async (deps: AppDeps, capabilities: CapabilityPlugin[]): Promise<FastifyInstance> => {
  const app = Fastify({
    logger: { level: deps.config.logLevel, redact: ["req.headers.cookie", "req.headers.authorization"] },
    bodyLimit: deps.config.maxUploadBytes,
    // Query strings carry addresses on /geo/locate: Fastify's request logs are
    // replaced by one line per response with the route pattern, never the URL.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: deps.config.trustProxy,
  });
  app.addHook("onResponse", async (request, reply) => {
    request.log.info(
      { method: request.method, route: request.routeOptions.url ?? "(inconnue)", status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      "request",
    );
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: "API Tremplin", description: "Recrutement inclusif dans les territoires : Score QPV, géographie prioritaire.", version: "1" },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });

  app.get("/healthz", { schema: { hide: true } }, async (_request, reply) => {
    const database = await pingDatabase(deps.db).catch(() => false);
    return reply.code(database ? 200 : 503).send({ status: database ? "ok" : "degraded", database });
  });

  for (const register of capabilities) await app.register(async (scope) => register(scope));

  await registerWeb(app, deps.config.webDist);
  return app;
};

/** Serves the built React app; unknown non-API paths fall back to index.html (client routing). */
const registerWeb = async (app: FastifyInstance, webDist: string) => {
  const root = resolve(webDist);
  if (!existsSync(resolve(root, "index.html"))) {
    app.setNotFoundHandler(sendNotFound);
    return;
  }
  await app.register(fastifyStatic, { root, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    if (request.method === "GET" && !request.url.startsWith("/api/") && request.headers.accept?.includes("text/html")) {
      return reply.sendFile("index.html");
    }
    return sendNotFound(request, reply);
  });
};
