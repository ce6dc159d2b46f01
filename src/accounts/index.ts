// Public surface of the accounts capability.
export { accountsConfigFromEnv, type AccountsConfig, type AccountsDeps, type Clock, type OidcConfig, systemClock } from "./accounts.deps.ts";
export { registerAccountsRoutes } from "./accounts.routes.ts";
export { actorOfSession, registerActor, requireActor } from "./actor.plugin.ts";
export { purgeExpiredAuthData } from "./housekeeping.queries.ts";
export type { User, UserKind } from "./accounts.domain.ts";
