// HTTP routes of organisations, memberships and invitations (/api/v1).
// Another organisation's id in a URL answers 404, as if it did not exist.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AccountsDeps } from "../accounts/accounts.deps.ts";
import { systemClock } from "../accounts/accounts.deps.ts";
import { registerActor, requireActor } from "../accounts/actor.plugin.ts";
import { listAudit, recordAudit } from "../authorization/audit.queries.ts";
import { ensureAllowed } from "../authorization/authorization.guard.ts";
import { runInTransaction } from "../server/transaction.ts";
import { z } from "../shared/zod.ts";
import { listPendingInvitations, revokeInvitation } from "./invitations.queries.ts";
import {
  acceptInvitationBodySchema,
  auditEntrySchema,
  authorizationBodySchema,
  changeRoleBodySchema,
  createOrganisationBodySchema,
  invitationParamsSchema,
  invitationSchema,
  inviteBodySchema,
  memberParamsSchema,
  memberSchema,
  myOrganisationSchema,
  organisationIdParamsSchema,
  organisationSchema,
  organisationsRoutes as routes,
} from "./organisations.contract.ts";
import { isAuthorizedPrescriber, kindLabel } from "./organisations.domain.ts";
import { organisationsError } from "./organisations.errors.ts";
import { listMembers, listMembershipsOfUser, type Organisation, setAuthorizationStatus } from "./organisations.queries.ts";
import { acceptInvitation, changeMemberRole, createOrganisation, invite, readOrganisation, removeMember } from "./organisations.use-cases.ts";

const tags = ["Organisations"];
const notFound = () => organisationsError("organisation.not_found");
const toDto = (o: Organisation) => ({
  id: o.id,
  family: o.family,
  kind: o.kind,
  kindLabel: kindLabel(o.kind),
  name: o.name,
  siret: o.siret,
  authorizationStatus: o.authorizationStatus,
  authorizedPrescriber: isAuthorizedPrescriber(o.family, o.authorizationStatus),
});

export const registerOrganisationsRoutes = async (root: FastifyInstance, deps: AccountsDeps): Promise<void> => {
  await registerActor(root, deps);
  const app = root.withTypeProvider<ZodTypeProvider>();
  const clock = deps.clock ?? systemClock;

  app.post(routes.create.url, { schema: { tags, body: createOrganisationBodySchema, response: { 201: organisationSchema } } }, async (request, reply) => {
    const organisation = await createOrganisation(deps, request.actor, request.authSession, request.body);
    return reply.code(201).send(toDto(organisation));
  });

  app.get(routes.listMine.url, { schema: { tags, response: { 200: z.array(myOrganisationSchema) } } }, async (request) => {
    const actor = requireActor(request);
    return (await listMembershipsOfUser(deps.db, actor.userId)).map((m) => ({ ...toDto(m), role: m.role }));
  });

  app.get(routes.get.url, { schema: { tags, params: organisationIdParamsSchema, response: { 200: organisationSchema } } }, async (request) =>
    toDto(await readOrganisation(deps, request.actor, request.params.id)),
  );

  app.put(routes.setAuthorization.url, { schema: { tags, params: organisationIdParamsSchema, body: authorizationBodySchema, response: { 204: z.null() } } }, async (request, reply) => {
    ensureAllowed(request.actor, "manage", "organisation", { organisationIds: [request.params.id] }, notFound);
    const now = clock.now();
    await runInTransaction(deps.db, async (tx) => {
      if (!(await setAuthorizationStatus(tx, request.params.id, request.body.status, now))) throw organisationsError("organisation.not_prescriber");
      await recordAudit(tx, { actorUserId: request.actor!.userId, organisationId: request.params.id, action: "organisation.authorization_changed", subjectType: "organisation", subjectId: request.params.id, details: { status: request.body.status }, at: now });
    });
    return reply.code(204).send(null);
  });

  app.get(routes.members.url, { schema: { tags, params: organisationIdParamsSchema, response: { 200: z.array(memberSchema) } } }, async (request) => {
    ensureAllowed(request.actor, "read", "membership", { organisationIds: [request.params.id] }, notFound);
    return (await listMembers(deps.db, request.params.id)).map((m) => ({ ...m, since: m.since.toISOString() }));
  });

  app.patch(routes.changeRole.url, { schema: { tags, params: memberParamsSchema, body: changeRoleBodySchema, response: { 204: z.null() } } }, async (request, reply) => {
    await changeMemberRole(deps, request.actor, request.params.id, request.params.userId, request.body.role);
    return reply.code(204).send(null);
  });

  app.delete(routes.removeMember.url, { schema: { tags, params: memberParamsSchema, response: { 204: z.null() } } }, async (request, reply) => {
    await removeMember(deps, request.actor, request.params.id, request.params.userId);
    return reply.code(204).send(null);
  });

  app.post(routes.invite.url, { schema: { tags, params: organisationIdParamsSchema, body: inviteBodySchema, response: { 201: invitationSchema } } }, async (request, reply) => {
    const created = await invite(deps, request.actor, request.params.id, request.body);
    return reply.code(201).send({ id: created.id, email: request.body.email.toLowerCase(), role: request.body.role, expiresAt: created.expiresAt.toISOString() });
  });

  app.get(routes.invitations.url, { schema: { tags, params: organisationIdParamsSchema, response: { 200: z.array(invitationSchema) } } }, async (request) => {
    ensureAllowed(request.actor, "read", "invitation", { organisationIds: [request.params.id] }, notFound);
    return (await listPendingInvitations(deps.db, request.params.id, clock.now())).map((i) => ({ id: i.id, email: i.email, role: i.role, expiresAt: i.expiresAt.toISOString() }));
  });

  app.delete(routes.revokeInvitation.url, { schema: { tags, params: invitationParamsSchema, response: { 204: z.null() } } }, async (request, reply) => {
    const { id: organisationId, invitationId } = request.params;
    ensureAllowed(request.actor, "delete", "invitation", { organisationIds: [organisationId] }, notFound);
    const now = clock.now();
    await runInTransaction(deps.db, async (tx) => {
      if (!(await revokeInvitation(tx, organisationId, invitationId, now))) throw organisationsError("invitation.not_found");
      await recordAudit(tx, { actorUserId: request.actor!.userId, organisationId, action: "invitation.revoked", subjectType: "invitation", subjectId: invitationId, at: now });
    });
    return reply.code(204).send(null);
  });

  app.get(routes.audit.url, { schema: { tags, params: organisationIdParamsSchema, response: { 200: z.array(auditEntrySchema) } } }, async (request) => {
    ensureAllowed(request.actor, "read", "audit_log", { organisationIds: [request.params.id] }, notFound);
    return (await listAudit(deps.db, request.params.id)).map((entry) => ({
      at: entry.at.toISOString(),
      actorUserId: entry.actorUserId,
      actorApiKeyId: entry.actorApiKeyId ?? null,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      details: entry.details,
    }));
  });

  app.post(routes.acceptInvitation.url, { schema: { tags, body: acceptInvitationBodySchema, response: { 200: organisationSchema } } }, async (request) =>
    toDto(await acceptInvitation(deps, request.actor, request.authSession, request.body.token)),
  );
};
