// Resolves who is acting on each request (session cookie → request.actor) and
// protects cookie-authenticated unsafe requests against CSRF: the synchronizer
// token from GET /api/v1/auth/session must come back in `x-csrf-token`, and a
// browser's Origin / Sec-Fetch-Site must be this site.
import fastifyCookie from "@fastify/cookie";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type Actor, roleOf } from "../authorization/authorization.domain.ts";
import { isAuthorizedPrescriber } from "../organisations/organisations.domain.ts";
import type { Database } from "../server/db.ts";
import { accountRules } from "./accounts.domain.ts";
import type { AccountsConfig, Clock } from "./accounts.deps.ts";
import { systemClock } from "./accounts.deps.ts";
import { csrfHeaderName, sessionCookieName } from "./accounts.contract.ts";
import { accountsError } from "./accounts.errors.ts";
import { constantTimeEqual } from "./accounts.secrets.ts";
import { resumeSession, type Session, type SessionHolder } from "./sessions.queries.ts";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
    authSession: Session | null;
  }
}

export type ActorDeps = { db: Database; config: AccountsConfig; clock?: Clock };

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The actor of a resumed session: the acting organisation counts only while the person is still a member. */
export const actorOfSession = (session: Session & SessionHolder): Actor => {
  const acting = session.userKind === "professional" ? session.acting : null;
  return {
    userId: session.userId,
    kind: session.userKind,
    organisationId: acting?.organisationId ?? null,
    role: roleOf(session.userKind, acting ? { family: acting.family, membershipRole: acting.role } : null),
    authorizedPrescriber: acting ? isAuthorizedPrescriber(acting.family, acting.authorizationStatus) : false,
  };
};

/**
 * A write from a browser must come from this site: its Origin is PUBLIC_URL's, or the very host the request
 * was sent to (same origin: the app opened as http://127.0.0.1:3000 while PUBLIC_URL says localhost). A
 * forged cross-site request carries the attacker's Origin with our Host, and is refused.
 */
const checkOrigin = (request: FastifyRequest, publicUrl: string) => {
  const origin = request.headers.origin;
  const sameHost = `${request.protocol}://${request.host}`;
  if (origin !== undefined && origin !== new URL(publicUrl).origin && origin !== sameHost) throw accountsError("auth.bad_origin");
  if (request.headers["sec-fetch-site"] === "cross-site") throw accountsError("auth.bad_origin");
};

/** Registers cookies, `request.actor` and the CSRF checks in the calling plugin's scope. */
export const registerActor = async (app: FastifyInstance, deps: ActorDeps): Promise<void> => {
  const clock = deps.clock ?? systemClock;
  if (!app.hasDecorator("parseCookie")) await app.register(fastifyCookie);
  // Hooks are inherited: when an enclosing scope already resolves the actor, do not resolve it twice.
  if (app.hasRequestDecorator("actor")) return;
  app.decorateRequest("actor", null);
  app.decorateRequest("authSession", null);
  app.addHook("onRequest", async (request) => {
    request.actor = null;
    request.authSession = null;
    const cookie = request.cookies[sessionCookieName];
    if (cookie && cookie.length <= 100) {
      const session = await resumeSession(deps.db, cookie, clock.now());
      if (session) {
        request.authSession = session;
        request.actor = actorOfSession(session);
      }
    }
    if (!unsafeMethods.has(request.method)) return;
    checkOrigin(request, deps.config.publicUrl);
    if (request.authSession) {
      const token = request.headers[csrfHeaderName];
      if (typeof token !== "string" || !constantTimeEqual(token, request.authSession.csrfToken)) throw accountsError("auth.csrf");
    }
  });
};

export const requireActor = (request: FastifyRequest): Actor => {
  if (!request.actor) throw accountsError("auth.unauthenticated");
  return request.actor;
};

export const setSessionCookie = (request: FastifyRequest, reply: FastifyReply, value: string) => {
  reply.setCookie(sessionCookieName, value, {
    httpOnly: true,
    sameSite: "lax",
    secure: request.protocol === "https",
    path: "/",
    maxAge: Math.floor(accountRules.sessionAbsoluteTtlMs / 1000),
  });
};

export const clearSessionCookie = (request: FastifyRequest, reply: FastifyReply) => {
  reply.clearCookie(sessionCookieName, { httpOnly: true, sameSite: "lax", secure: request.protocol === "https", path: "/" });
};
