// The capability plugins of the application, wired to the runtime.
import { accountsConfigFromEnv, type AccountsDeps, registerAccountsRoutes } from "../accounts/index.ts";
import { registerApplicationsRoutes } from "../applications/applications.routes.ts";
import { registerApiKeysRoutes } from "../authorization/api-keys.routes.ts";
import { registerCandidatesRoutes } from "../candidates/candidates.routes.ts";
import { registerGeoRoutes } from "../geo/geo.routes.ts";
import type { Mailer } from "../mail/mailer.ts";
import { registerOffersRoutes } from "../offers/offers.routes.ts";
import { registerOrganisationsRoutes } from "../organisations/organisations.routes.ts";
import { registerRomeRoutes } from "../rome/rome.routes.ts";
import { registerScoreHistoryRoutes } from "../score-qpv/score-history.routes.ts";
import { registerScoreQpvRoutes } from "../score-qpv/score-qpv.routes.ts";
import type { CapabilityPlugin } from "./app.ts";
import type { Runtime } from "./runtime.ts";

export const capabilities = (runtime: Runtime, mailer: Mailer, env: NodeJS.ProcessEnv = process.env): CapabilityPlugin[] => {
  const accounts: AccountsDeps = { db: runtime.db, mailer, config: accountsConfigFromEnv({ PORT: String(runtime.config.port), ...env }) };
  return [
    (app) => registerGeoRoutes(app, { db: runtime.db, geography: runtime.geography, geocoder: runtime.geocoder }),
    (app) =>
      registerScoreQpvRoutes(app, {
        db: runtime.db,
        geography: runtime.geography,
        geocoder: runtime.geocoder,
        maxUploadBytes: runtime.config.maxUploadBytes,
        departementQpvAddressShare: runtime.departementQpvAddressShare,
      }),
    (app) => registerAccountsRoutes(app, accounts),
    (app) => registerOrganisationsRoutes(app, accounts),
    (app) => registerApiKeysRoutes(app, accounts),
    (app) => registerRomeRoutes(app, { db: runtime.db }),
    (app) => registerCandidatesRoutes(app, { ...accounts, geography: runtime.geography, geocoder: runtime.geocoder }),
    (app) => registerApplicationsRoutes(app, accounts),
    (app) => registerOffersRoutes(app, { ...accounts, geocoder: runtime.geocoder }),
    (app) => registerScoreHistoryRoutes(app, accounts),
  ];
};
