// Organisations, memberships and invitations: authorise → load → check → write,
// with the audit entry in the same transaction.
import type { AccountsDeps } from "../accounts/accounts.deps.ts";
import { systemClock } from "../accounts/accounts.deps.ts";
import { normaliseEmail } from "../accounts/accounts.domain.ts";
import { randomToken, sha256 } from "../accounts/accounts.secrets.ts";
import type { Session } from "../accounts/sessions.queries.ts";
import { setActingOrganisation } from "../accounts/sessions.queries.ts";
import { findUserById } from "../accounts/users.queries.ts";
import { recordAudit } from "../authorization/audit.queries.ts";
import type { Actor } from "../authorization/authorization.domain.ts";
import { ensureAllowed } from "../authorization/authorization.guard.ts";
import { invitationMail } from "../mail/mail.templates.ts";
import { runInTransaction } from "../server/transaction.ts";
import { findUsableInvitation, insertInvitation, markInvitationAccepted } from "./invitations.queries.ts";
import {
  adminOnlyPrescriberKinds,
  checkSiret,
  familyOfKind,
  initialAuthorization,
  invitationTtlMs,
  invitationValidityDays,
  keepsAnAdmin,
  type MembershipRole,
  normaliseSiret,
  type OrganisationKind,
  type PrescriberKind,
} from "./organisations.domain.ts";
import { organisationsError } from "./organisations.errors.ts";
import {
  addMembership,
  deleteMembership,
  findMembership,
  findOrganisation,
  insertOrganisation,
  lockAndCountAdmins,
  type Organisation,
  setMembershipRole,
} from "./organisations.queries.ts";

const notFound = () => organisationsError("organisation.not_found");
const own = (organisationId: string) => ({ organisationIds: [organisationId] });

export const createOrganisation = async (
  deps: AccountsDeps,
  actor: Actor | null,
  session: Session | null,
  input: { kind: string; name: string; siret: string },
): Promise<Organisation> => {
  ensureAllowed(actor, "create", "organisation", {}, notFound);
  const kind = input.kind as OrganisationKind;
  const verdict = checkSiret(input.siret);
  if (verdict !== "valid") throw organisationsError("organisation.bad_siret", { reason: verdict });
  if (adminOnlyPrescriberKinds.includes(kind as PrescriberKind) && actor!.kind !== "admin") throw organisationsError("organisation.kind_reserved", { kind });
  const now = (deps.clock ?? systemClock).now();
  return runInTransaction(deps.db, async (tx) => {
    const organisation = await insertOrganisation(tx, {
      family: familyOfKind(kind),
      kind,
      name: input.name,
      siret: normaliseSiret(input.siret),
      authorizationStatus: initialAuthorization(kind),
      now,
    });
    if (!organisation) throw organisationsError("organisation.already_exists");
    if (actor!.kind === "professional") {
      await addMembership(tx, organisation.id, actor!.userId, "admin", now);
      if (session) await setActingOrganisation(tx, session.idHash, organisation.id);
    }
    await recordAudit(tx, { actorUserId: actor!.userId, organisationId: organisation.id, action: "organisation.created", subjectType: "organisation", subjectId: organisation.id, details: { kind }, at: now });
    return organisation;
  });
};

export const readOrganisation = async (deps: AccountsDeps, actor: Actor | null, id: string): Promise<Organisation> => {
  ensureAllowed(actor, "read", "organisation", own(id), notFound);
  const organisation = await findOrganisation(deps.db, id);
  if (!organisation) throw notFound();
  return organisation;
};

export const invite = async (deps: AccountsDeps, actor: Actor | null, organisationId: string, input: { email: string; role: MembershipRole }) => {
  ensureAllowed(actor, "create", "invitation", own(organisationId), notFound);
  const now = (deps.clock ?? systemClock).now();
  const email = normaliseEmail(input.email);
  const token = randomToken(32);
  const id = await runInTransaction(deps.db, async (tx) => {
    const organisation = (await findOrganisation(tx, organisationId)) ?? (() => { throw notFound(); })();
    const inviter = await findUserById(tx, actor!.userId);
    const invitationId = await insertInvitation(tx, { organisationId, email, role: input.role, tokenHash: sha256(token), invitedBy: actor!.userId, expiresAt: new Date(now.getTime() + invitationTtlMs), now });
    const link = `${deps.config.publicUrl}/invitations/accepter#jeton=${token}`;
    await deps.mailer.enqueue(tx, email, invitationMail({ organisationName: organisation.name, inviterName: inviter?.name ?? "Un membre", link, validDays: invitationValidityDays }));
    await recordAudit(tx, { actorUserId: actor!.userId, organisationId, action: "invitation.created", subjectType: "invitation", subjectId: invitationId, details: { role: input.role }, at: now });
    return invitationId;
  });
  deps.mailer.afterCommit();
  return { id, expiresAt: new Date(now.getTime() + invitationTtlMs) };
};

/** Accepted by the signed-in professional whose e-mail is the invited one; they then act for the organisation. */
export const acceptInvitation = async (deps: AccountsDeps, actor: Actor | null, session: Session | null, token: string): Promise<Organisation> => {
  if (!actor) throw organisationsError("invitation.not_found");
  if (actor.kind !== "professional") throw organisationsError("organisation.professionals_only");
  const now = (deps.clock ?? systemClock).now();
  return runInTransaction(deps.db, async (tx) => {
    const invitation = await findUsableInvitation(tx, sha256(token), now);
    if (!invitation) throw organisationsError("invitation.not_found");
    const user = await findUserById(tx, actor.userId);
    if (!user || user.email !== invitation.email) throw organisationsError("invitation.wrong_email");
    await addMembership(tx, invitation.organisationId, user.id, invitation.role, now);
    await markInvitationAccepted(tx, invitation.id, user.id, now);
    if (session) await setActingOrganisation(tx, session.idHash, invitation.organisationId);
    await recordAudit(tx, { actorUserId: user.id, organisationId: invitation.organisationId, action: "membership.created", subjectType: "user", subjectId: user.id, details: { role: invitation.role, invitation: invitation.id }, at: now });
    return (await findOrganisation(tx, invitation.organisationId))!;
  });
};

export const changeMemberRole = async (deps: AccountsDeps, actor: Actor | null, organisationId: string, userId: string, role: MembershipRole) => {
  ensureAllowed(actor, "update", "membership", { ...own(organisationId), ownerUserId: userId }, notFound);
  const now = (deps.clock ?? systemClock).now();
  await runInTransaction(deps.db, async (tx) => {
    const admins = await lockAndCountAdmins(tx, organisationId);
    const target = (await findMembership(tx, organisationId, userId)) ?? (() => { throw organisationsError("member.not_found"); })();
    if (!keepsAnAdmin(admins, { removesAdmin: target.role === "admin" && role !== "admin" })) throw organisationsError("member.last_admin");
    await setMembershipRole(tx, organisationId, userId, role);
    await recordAudit(tx, { actorUserId: actor!.userId, organisationId, action: "membership.role_changed", subjectType: "user", subjectId: userId, details: { from: target.role, to: role }, at: now });
  });
};

/** An admin removes a member, or a member leaves; the last admin cannot. */
export const removeMember = async (deps: AccountsDeps, actor: Actor | null, organisationId: string, userId: string) => {
  ensureAllowed(actor, "delete", "membership", { ...own(organisationId), ownerUserId: userId }, notFound);
  const now = (deps.clock ?? systemClock).now();
  await runInTransaction(deps.db, async (tx) => {
    const admins = await lockAndCountAdmins(tx, organisationId);
    const target = (await findMembership(tx, organisationId, userId)) ?? (() => { throw organisationsError("member.not_found"); })();
    if (!keepsAnAdmin(admins, { removesAdmin: target.role === "admin" })) throw organisationsError("member.last_admin");
    await deleteMembership(tx, organisationId, userId);
    await recordAudit(tx, { actorUserId: actor!.userId, organisationId, action: userId === actor!.userId ? "membership.left" : "membership.removed", subjectType: "user", subjectId: userId, at: now });
  });
};
