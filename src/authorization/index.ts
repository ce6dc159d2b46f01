// Public surface of the authorisation capability.
export { type Action, type Actor, authorize, decide, matrix, type Resource, type ResourceContext, type Role, roleOf } from "./authorization.domain.ts";
export { ensureAllowed } from "./authorization.guard.ts";
export { listAudit, recordAudit, type AuditEntry } from "./audit.queries.ts";
export { registerApiKeysRoutes, requireApiKey } from "./api-keys.routes.ts";
export { hitRateLimit, type RateLimit } from "./rate-limit.queries.ts";
