// Runtime configuration, from environment variables (documented in README.md).
export type Config = {
  port: number;
  host: string;
  /** Largest HR file accepted for a Score QPV, in bytes. */
  maxUploadBytes: number;
  /** Send addresses the offline index does not cover to the national geocoder. Off by default. */
  remoteGeocoderUrl: string | null;
  logLevel: string;
  /** Behind a reverse proxy (TLS termination): trust X-Forwarded-* headers. */
  trustProxy: boolean;
  webDist: string;
};

/** The national geocoder (Géoplateforme, IGN), used only when REMOTE_GEOCODER=geoplateforme. */
export const defaultGeoplateformeUrl = "https://data.geopf.fr/geocodage";

export const configFromEnv = (env: NodeJS.ProcessEnv = process.env): Config => ({
  port: Number(env.PORT ?? 3000),
  host: env.HOST ?? "0.0.0.0",
  maxUploadBytes: Number(env.MAX_UPLOAD_MB ?? 50) * 1024 * 1024,
  remoteGeocoderUrl: env.REMOTE_GEOCODER === "geoplateforme" ? (env.GEOPLATEFORME_URL ?? defaultGeoplateformeUrl) : null,
  trustProxy: env.TRUST_PROXY === "true" || env.TRUST_PROXY === "1",
  logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? "silent" : "info"),
  webDist: env.WEB_DIST ?? "dist/web",
});
