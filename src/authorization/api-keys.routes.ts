// Partner API keys: created (shown once), listed and revoked by an organisation's
// admin; `requireApiKey(scope)` authenticates partner requests with a
// PostgreSQL-stored rate limit per key.
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AccountsDeps } from "../accounts/accounts.deps.ts";
import { type Clock, systemClock } from "../accounts/accounts.deps.ts";
import { registerActor } from "../accounts/actor.plugin.ts";
import { organisationsError } from "../organisations/organisations.errors.ts";
import type { Database } from "../server/db.ts";
import { runInTransaction } from "../server/transaction.ts";
import { z } from "../shared/zod.ts";
import { apiKeyParamsSchema, apiKeySchema, type ApiKeyScope, apiKeysRoutes as routes, createApiKeyBodySchema, createdApiKeySchema } from "./api-keys.contract.ts";
import { type ApiClient, type ApiKey, insertApiKey, listApiKeys, newApiKeyToken, revokeApiKey, useApiKey } from "./api-keys.queries.ts";
import { recordAudit } from "./audit.queries.ts";
import { ensureAllowed } from "./authorization.guard.ts";
import { hitRateLimit, type RateLimit } from "./rate-limit.queries.ts";

declare module "fastify" {
  interface FastifyRequest {
    apiClient?: ApiClient;
  }
}

const tags = ["Clés d'API"];
const notFound = () => organisationsError("organisation.not_found");
const organisationParamsSchema = apiKeyParamsSchema.pick({ id: true });
const toDto = (key: ApiKey) => ({
  id: key.id,
  name: key.name,
  prefix: key.prefix,
  scopes: key.scopes,
  createdAt: key.createdAt.toISOString(),
  lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
  revokedAt: key.revokedAt?.toISOString() ?? null,
});

export const defaultApiKeyRateLimit: RateLimit = { limit: 600, windowMs: 60_000 };

export const registerApiKeysRoutes = async (root: FastifyInstance, deps: AccountsDeps): Promise<void> => {
  await registerActor(root, deps);
  const app = root.withTypeProvider<ZodTypeProvider>();
  const clock = deps.clock ?? systemClock;

  app.post(routes.create.url, { schema: { tags, params: organisationParamsSchema, body: createApiKeyBodySchema, response: { 201: createdApiKeySchema } } }, async (request, reply) => {
    const organisationId = request.params.id;
    ensureAllowed(request.actor, "create", "api_key", { organisationIds: [organisationId] }, notFound);
    const token = newApiKeyToken();
    const now = clock.now();
    const key = await runInTransaction(deps.db, async (tx) => {
      const created = await insertApiKey(tx, { organisationId, name: request.body.name, scopes: [...new Set(request.body.scopes)], token, createdBy: request.actor!.userId, now });
      await recordAudit(tx, { actorUserId: request.actor!.userId, organisationId, action: "api_key.created", subjectType: "api_key", subjectId: created.id, details: { scopes: created.scopes.join(" ") }, at: now });
      return created;
    });
    return reply.code(201).send({ ...toDto(key), token });
  });

  app.get(routes.list.url, { schema: { tags, params: organisationParamsSchema, response: { 200: z.array(apiKeySchema) } } }, async (request) => {
    ensureAllowed(request.actor, "read", "api_key", { organisationIds: [request.params.id] }, notFound);
    return (await listApiKeys(deps.db, request.params.id)).map(toDto);
  });

  app.delete(routes.revoke.url, { schema: { tags, params: apiKeyParamsSchema, response: { 204: z.null() } } }, async (request, reply) => {
    const { id: organisationId, keyId } = request.params;
    ensureAllowed(request.actor, "delete", "api_key", { organisationIds: [organisationId] }, notFound);
    const now = clock.now();
    await runInTransaction(deps.db, async (tx) => {
      if (!(await revokeApiKey(tx, organisationId, keyId, now))) throw organisationsError("api_key.not_found");
      await recordAudit(tx, { actorUserId: request.actor!.userId, organisationId, action: "api_key.revoked", subjectType: "api_key", subjectId: keyId, at: now });
    });
    return reply.code(204).send(null);
  });
};

/** A preHandler for partner routes: `Authorization: Bearer trk_…` with `scope`, rate-limited per key. */
export const requireApiKey =
  (deps: { db: Database; clock?: Clock; rateLimit?: RateLimit }, scope: ApiKeyScope) =>
  async (request: FastifyRequest): Promise<void> => {
    const header = request.headers.authorization;
    const token = header?.startsWith("Bearer ") ? header.slice(7).trim() : null;
    if (!token || !/^trk_[A-Za-z0-9_-]{43}$/.test(token)) throw organisationsError("api_key.invalid");
    const now = (deps.clock ?? systemClock).now();
    const client = await useApiKey(deps.db, token, now);
    if (!client) throw organisationsError("api_key.invalid");
    if (!client.scopes.includes(scope)) throw organisationsError("api_key.missing_scope", { scope });
    const limit = await hitRateLimit(deps.db, `api_key:${client.keyId}`, deps.rateLimit ?? defaultApiKeyRateLimit, now);
    if (!limit.allowed) throw organisationsError("api_key.rate_limited");
    request.apiClient = client;
  };
