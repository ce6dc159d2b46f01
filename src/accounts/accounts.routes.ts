// HTTP routes of sign-up, sign-in, session and password reset (/api/v1/auth).
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { listMembershipsOfUser } from "../organisations/organisations.queries.ts";
import { organisationsError } from "../organisations/organisations.errors.ts";
import { z } from "../shared/zod.ts";
import {
  acceptedSchema,
  accountsRoutes,
  changePasswordBodySchema,
  chooseOrganisationBodySchema,
  loginBodySchema,
  oidcCallbackQuerySchema,
  oidcCookieName,
  oidcStartQuerySchema,
  passwordResetConfirmBodySchema,
  passwordResetRequestBodySchema,
  resendCodeBodySchema,
  type SessionResponse,
  sessionResponseSchema,
  signInMethodsSchema,
  signupBodySchema,
  verifyEmailBodySchema,
} from "./accounts.contract.ts";
import { type AccountsDeps, systemClock } from "./accounts.deps.ts";
import { changePassword, confirmPasswordReset, logIn, requestPasswordReset, resendVerificationCode, signUp, verifyEmail } from "./accounts.use-cases.ts";
import { clearSessionCookie, registerActor, requireActor, setSessionCookie } from "./actor.plugin.ts";
import { completeOidcLogin, startOidcLogin } from "./oidc.ts";
import { revokeSession, setActingOrganisation } from "./sessions.queries.ts";
import { findUserById } from "./users.queries.ts";

const accepted = (message: string) => ({ status: "accepted" as const, message });
const tags = ["Comptes"];

export const registerAccountsRoutes = async (root: FastifyInstance, deps: AccountsDeps): Promise<void> => {
  await registerActor(root, deps);
  const app = root.withTypeProvider<ZodTypeProvider>();
  const clock = deps.clock ?? systemClock;

  app.get(accountsRoutes.methods.url, { schema: { tags, response: { 200: signInMethodsSchema } } }, async () => ({
    password: true as const,
    proConnect: deps.config.oidc !== null,
  }));

  app.post(accountsRoutes.signup.url, { schema: { tags, body: signupBodySchema, response: { 202: acceptedSchema } } }, async (request, reply) => {
    await signUp(deps, request.body);
    return reply.code(202).send(accepted("Si cette adresse peut être utilisée, un code de vérification vient d'y être envoyé."));
  });

  app.post(accountsRoutes.resendCode.url, { schema: { tags, body: resendCodeBodySchema, response: { 202: acceptedSchema } } }, async (request, reply) => {
    await resendVerificationCode(deps, request.body);
    return reply.code(202).send(accepted("Si un compte attend une vérification avec cette adresse, un nouveau code vient d'y être envoyé."));
  });

  app.post(accountsRoutes.verifyEmail.url, { schema: { tags, body: verifyEmailBodySchema, response: { 204: z.null() } } }, async (request, reply) => {
    const { cookieValue } = await verifyEmail(deps, request.body);
    setSessionCookie(request, reply, cookieValue);
    return reply.code(204).send(null);
  });

  app.post(accountsRoutes.login.url, { schema: { tags, body: loginBodySchema, response: { 204: z.null() } } }, async (request, reply) => {
    const { cookieValue } = await logIn(deps, { ...request.body, ip: request.ip });
    setSessionCookie(request, reply, cookieValue);
    return reply.code(204).send(null);
  });

  app.post(accountsRoutes.logout.url, { schema: { tags, response: { 204: z.null() } } }, async (request, reply) => {
    if (request.authSession) await revokeSession(deps.db, request.authSession.idHash, clock.now());
    clearSessionCookie(request, reply);
    return reply.code(204).send(null);
  });

  app.get(accountsRoutes.session.url, { schema: { tags, response: { 200: sessionResponseSchema } } }, async (request) => {
    const session = request.authSession;
    const actor = request.actor;
    if (!session || !actor) {
      return { authenticated: false, user: null, organisations: [], actingOrganisationId: null, role: "anonymous", csrfToken: null } satisfies SessionResponse;
    }
    const user = await findUserById(deps.db, actor.userId);
    const memberships = await listMembershipsOfUser(deps.db, actor.userId);
    return {
      authenticated: true,
      user: user ? { id: user.id, email: user.email, name: user.name, kind: user.kind, hasPassword: user.hasPassword } : null,
      organisations: memberships.map((m) => ({ id: m.id, name: m.name, family: m.family, kind: m.kind, role: m.role })),
      actingOrganisationId: actor.organisationId,
      role: actor.role,
      csrfToken: session.csrfToken,
    } satisfies SessionResponse;
  });

  app.put(accountsRoutes.chooseOrganisation.url, { schema: { tags, body: chooseOrganisationBodySchema, response: { 204: z.null() } } }, async (request, reply) => {
    const actor = requireActor(request);
    const { organisationId } = request.body;
    if (organisationId !== null) {
      const memberships = await listMembershipsOfUser(deps.db, actor.userId);
      if (!memberships.some((m) => m.id === organisationId)) throw organisationsError("organisation.not_found");
    }
    await setActingOrganisation(deps.db, request.authSession!.idHash, organisationId);
    return reply.code(204).send(null);
  });

  app.post(accountsRoutes.changePassword.url, { schema: { tags, body: changePasswordBodySchema, response: { 204: z.null() } } }, async (request, reply) => {
    const actor = requireActor(request);
    await changePassword(deps, { userId: actor.userId, sessionIdHash: request.authSession!.idHash, ip: request.ip, ...request.body });
    return reply.code(204).send(null);
  });

  const oidcCookie = { httpOnly: true, sameSite: "lax" as const, path: "/api/v1/auth/oidc" };
  app.get(accountsRoutes.oidcStart.url, { schema: { tags, querystring: oidcStartQuerySchema } }, async (request, reply) => {
    const { redirectTo, attemptCookie } = await startOidcLogin(deps, request.query.returnTo);
    reply.setCookie(oidcCookieName, attemptCookie, { ...oidcCookie, secure: request.protocol === "https", maxAge: 600 });
    return reply.redirect(redirectTo, 302);
  });

  app.get(accountsRoutes.oidcCallback.url, { schema: { tags, querystring: oidcCallbackQuerySchema } }, async (request, reply) => {
    const callbackUrl = new URL(request.url, deps.config.publicUrl);
    const { cookieValue, returnTo } = await completeOidcLogin(deps, { attemptCookie: request.cookies[oidcCookieName], callbackUrl });
    reply.clearCookie(oidcCookieName, oidcCookie);
    setSessionCookie(request, reply, cookieValue);
    return reply.redirect(`${deps.config.publicUrl}${returnTo}`, 302);
  });

  app.post(accountsRoutes.passwordResetRequest.url, { schema: { tags, body: passwordResetRequestBodySchema, response: { 202: acceptedSchema } } }, async (request, reply) => {
    await requestPasswordReset(deps, request.body);
    return reply.code(202).send(accepted("Si un compte existe avec cette adresse, un lien de réinitialisation valable une heure vient d'y être envoyé."));
  });

  app.post(accountsRoutes.passwordResetConfirm.url, { schema: { tags, body: passwordResetConfirmBodySchema, response: { 204: z.null() } } }, async (request, reply) => {
    await confirmPasswordReset(deps, request.body);
    clearSessionCookie(request, reply);
    return reply.code(204).send(null);
  });
};
