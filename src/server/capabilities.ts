// The capability plugins of the application, wired to the runtime.
import { registerGeoRoutes } from "../geo/geo.routes.ts";
import { registerScoreQpvRoutes } from "../score-qpv/score-qpv.routes.ts";
import type { CapabilityPlugin } from "./app.ts";
import type { Runtime } from "./runtime.ts";

export const capabilities = (runtime: Runtime): CapabilityPlugin[] => [
  (app) => registerGeoRoutes(app, { db: runtime.db, geography: runtime.geography, geocoder: runtime.geocoder }),
  (app) =>
    registerScoreQpvRoutes(app, {
      db: runtime.db,
      geography: runtime.geography,
      geocoder: runtime.geocoder,
      maxUploadBytes: runtime.config.maxUploadBytes,
      departementQpvAddressShare: runtime.departementQpvAddressShare,
    }),
];
