// OpenID Connect sign-in for professionals (ProConnect-compatible), with
// openid-client: authorization code + PKCE + state + nonce. The attempt
// (state, nonce, verifier) is kept in PostgreSQL behind a random cookie.
import * as client from "openid-client";
import { listMembershipsOfUser } from "../organisations/organisations.queries.ts";
import { runInTransaction } from "../server/transaction.ts";
import { normaliseEmail } from "./accounts.domain.ts";
import { type AccountsDeps, type OidcConfig, systemClock } from "./accounts.deps.ts";
import { accountsError } from "./accounts.errors.ts";
import { randomToken, sha256 } from "./accounts.secrets.ts";
import { createSession } from "./sessions.queries.ts";
import { insertUser, markEmailVerified } from "./users.queries.ts";

const attemptTtlMs = 10 * 60_000;
const discoveries = new Map<string, Promise<client.Configuration>>();

/** Plain-HTTP issuers are accepted only on the loopback (local provider in development and tests). */
const isLoopback = (issuer: string) => ["127.0.0.1", "localhost", "[::1]"].includes(new URL(issuer).hostname);

const configurationOf = (oidc: OidcConfig): Promise<client.Configuration> => {
  const key = `${oidc.issuer}|${oidc.clientId}`;
  let found = discoveries.get(key);
  if (!found) {
    found = client.discovery(new URL(oidc.issuer), oidc.clientId, oidc.clientSecret, undefined, isLoopback(oidc.issuer) ? { execute: [client.allowInsecureRequests] } : undefined);
    found.catch(() => discoveries.delete(key));
    discoveries.set(key, found);
  }
  return found;
};

const requireOidc = (deps: AccountsDeps): OidcConfig => deps.config.oidc ?? (() => { throw accountsError("auth.oidc_disabled"); })();
export const oidcRedirectUri = (deps: AccountsDeps) => `${deps.config.publicUrl}/api/v1/auth/oidc/callback`;

/** Starts a sign-in: returns the provider URL to redirect to and the attempt cookie value. */
export const startOidcLogin = async (deps: AccountsDeps, returnTo = "/"): Promise<{ redirectTo: string; attemptCookie: string }> => {
  const oidc = requireOidc(deps);
  const configuration = await configurationOf(oidc).catch(() => { throw accountsError("auth.oidc_failed"); });
  const now = (deps.clock ?? systemClock).now();
  const attemptCookie = randomToken(32);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  await deps.db
    .insertInto("oidc_login_attempts")
    .values({ id_hash: sha256(attemptCookie), state, nonce, code_verifier: codeVerifier, return_to: returnTo, expires_at: new Date(now.getTime() + attemptTtlMs), created_at: now })
    .execute();
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: oidcRedirectUri(deps),
    scope: oidc.scopes,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  return { redirectTo: url.href, attemptCookie };
};

type Claims = { email?: unknown; email_verified?: unknown; given_name?: unknown; usual_name?: unknown; family_name?: unknown; name?: unknown };

const displayName = (claims: Claims, email: string): string => {
  const parts = [claims.given_name, claims.usual_name ?? claims.family_name].filter((p): p is string => typeof p === "string" && p.trim() !== "");
  const name = parts.length ? parts.join(" ") : typeof claims.name === "string" ? claims.name : email.split("@")[0];
  return name.slice(0, 200);
};

/**
 * Completes a sign-in: checks state, nonce and PKCE, reads the identity, then
 * links it to the account with the same e-mail (or creates a professional one).
 * ProConnect sends no `email_verified`: an absent claim is trusted, `false` is refused.
 */
export const completeOidcLogin = async (
  deps: AccountsDeps,
  input: { attemptCookie: string | undefined; callbackUrl: URL },
): Promise<{ cookieValue: string; returnTo: string }> => {
  const oidc = requireOidc(deps);
  const now = (deps.clock ?? systemClock).now();
  if (!input.attemptCookie) throw accountsError("auth.oidc_failed");
  const attempt = await deps.db.deleteFrom("oidc_login_attempts").where("id_hash", "=", sha256(input.attemptCookie)).returningAll().executeTakeFirst();
  if (!attempt || attempt.expires_at.getTime() <= now.getTime()) throw accountsError("auth.oidc_failed");
  let claims: Claims & { sub: string };
  try {
    const configuration = await configurationOf(oidc);
    const tokens = await client.authorizationCodeGrant(configuration, input.callbackUrl, {
      pkceCodeVerifier: attempt.code_verifier,
      expectedState: attempt.state,
      expectedNonce: attempt.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims()!;
    const userInfo = await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
    claims = { ...idClaims, ...userInfo, sub: idClaims.sub };
  } catch {
    throw accountsError("auth.oidc_failed");
  }
  if (typeof claims.email !== "string") throw accountsError("auth.oidc_failed");
  if (claims.email_verified === false) throw accountsError("auth.oidc_email_unverified");
  const email = normaliseEmail(claims.email);
  const session = await runInTransaction(deps.db, async (tx) => {
    const linked = await tx.selectFrom("user_identities as i").innerJoin("users as u", "u.id", "i.user_id").select(["u.id", "u.kind"]).where("i.issuer", "=", oidc.issuer).where("i.subject", "=", claims.sub).executeTakeFirst();
    let user = linked ?? (await tx.selectFrom("users").select(["id", "kind"]).where("email", "=", email).executeTakeFirst());
    if (user && user.kind === "candidate") return null;
    if (!user) {
      const created = await insertUser(tx, { email, name: displayName(claims, email), kind: "professional", passwordHash: null, emailVerifiedAt: now, now });
      user = { id: created!.id, kind: "professional" };
    }
    await markEmailVerified(tx, user.id, now);
    await tx
      .insertInto("user_identities")
      .values({ issuer: oidc.issuer, subject: claims.sub, user_id: user.id, created_at: now, last_login_at: now })
      .onConflict((oc) => oc.columns(["issuer", "subject"]).doUpdateSet({ last_login_at: now }))
      .execute();
    const acting = user.kind === "professional" ? ((await listMembershipsOfUser(tx, user.id))[0]?.id ?? null) : null;
    return createSession(tx, { userId: user.id, actingOrganisationId: acting, now });
  });
  if (!session) throw accountsError("auth.oidc_not_professional");
  return { cookieValue: session.cookieValue, returnTo: attempt.return_to };
};
