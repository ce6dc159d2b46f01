// Configuration and dependencies of the accounts, organisations and API-key routes.
import type { Mailer } from "../mail/mailer.ts";
import type { Database } from "../server/db.ts";

export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };

export type OidcConfig = { issuer: string; clientId: string; clientSecret: string; scopes: string };

export type AccountsConfig = {
  /** Public origin of the site (links in e-mails, OIDC redirect URI, Origin check), without trailing slash. */
  publicUrl: string;
  /** OpenID Connect provider for professionals (ProConnect); null disables the OIDC routes. */
  oidc: OidcConfig | null;
};

export const accountsConfigFromEnv = (env: NodeJS.ProcessEnv = process.env): AccountsConfig => {
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, "");
  const oidc =
    env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET
      ? { issuer: env.OIDC_ISSUER, clientId: env.OIDC_CLIENT_ID, clientSecret: env.OIDC_CLIENT_SECRET, scopes: env.OIDC_SCOPES ?? "openid email given_name usual_name siret" }
      : null;
  return { publicUrl, oidc };
};

export type AccountsDeps = { db: Database; config: AccountsConfig; mailer: Mailer; clock?: Clock };
