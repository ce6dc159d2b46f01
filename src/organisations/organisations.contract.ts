// HTTP contract of organisations, memberships and invitations.
import { z } from "../shared/zod.ts";
import { organisationKinds } from "./organisations.domain.ts";

const role = z.enum(["member", "admin"], "Rôle attendu : member ou admin.");

export const organisationIdParamsSchema = z.object({ id: z.uuid("Identifiant d'organisation invalide.") });
export const memberParamsSchema = z.object({
  id: z.uuid("Identifiant d'organisation invalide."),
  userId: z.uuid("Identifiant de personne invalide."),
});

export const createOrganisationBodySchema = z.object({
  kind: z.enum(organisationKinds as [string, ...string[]], "Type d'organisation inconnu."),
  name: z.string().trim().min(1, "Indiquez le nom de l'organisation.").max(200, "Nom trop long (200 caractères au plus)."),
  siret: z.string().trim().max(20, "Le SIRET comporte 14 chiffres.").describe("14 chiffres, espaces tolérés"),
});
export const authorizationBodySchema = z.object({
  status: z.enum(["NOT_SET", "VALIDATED", "REFUSED", "NOT_REQUIRED"], "Statut d'habilitation inconnu."),
});
export const inviteBodySchema = z.object({
  email: z.string().trim().max(254).pipe(z.email("Adresse électronique invalide.")),
  role: role.default("member"),
});
export const invitationParamsSchema = z.object({
  id: z.uuid("Identifiant d'organisation invalide."),
  invitationId: z.uuid("Identifiant d'invitation invalide."),
});
export const auditEntrySchema = z.object({
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorApiKeyId: z.string().nullable(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export const acceptInvitationBodySchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "Lien d'invitation invalide."),
});
export const changeRoleBodySchema = z.object({ role });

export const organisationSchema = z.object({
  id: z.string(),
  family: z.enum(["employer", "prescriber", "operator"]),
  kind: z.string(),
  kindLabel: z.string(),
  name: z.string(),
  siret: z.string(),
  authorizationStatus: z.enum(["NOT_SET", "VALIDATED", "REFUSED", "NOT_REQUIRED"]).nullable(),
  authorizedPrescriber: z.boolean().describe("Vrai pour un prescripteur habilité ; faux pour un orienteur"),
});
export const myOrganisationSchema = organisationSchema.extend({ role });
export const memberSchema = z.object({ userId: z.string(), name: z.string(), email: z.string(), role, since: z.string() });
export const invitationSchema = z.object({ id: z.string(), email: z.string(), role, expiresAt: z.string() });

export const organisationsRoutes = {
  create: { method: "POST", url: "/api/v1/organisations" },
  listMine: { method: "GET", url: "/api/v1/organisations" },
  get: { method: "GET", url: "/api/v1/organisations/:id" },
  setAuthorization: { method: "PUT", url: "/api/v1/organisations/:id/authorization" },
  members: { method: "GET", url: "/api/v1/organisations/:id/members" },
  changeRole: { method: "PATCH", url: "/api/v1/organisations/:id/members/:userId" },
  removeMember: { method: "DELETE", url: "/api/v1/organisations/:id/members/:userId" },
  invite: { method: "POST", url: "/api/v1/organisations/:id/invitations" },
  invitations: { method: "GET", url: "/api/v1/organisations/:id/invitations" },
  revokeInvitation: { method: "DELETE", url: "/api/v1/organisations/:id/invitations/:invitationId" },
  acceptInvitation: { method: "POST", url: "/api/v1/invitations/accept" },
  audit: { method: "GET", url: "/api/v1/organisations/:id/audit" },
} as const;
