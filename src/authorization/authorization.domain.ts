// The authorisation matrix: role × resource × action → rule, checked by one
// `authorize` function. Pure. Routes answer 404 when an ownership rule fails
// (allowed_if_own_organisation / allowed_if_self), so that a guessed id never
// reveals that a resource exists; 403 when the role may not do the action at all.
export const roles = [
  "anonymous",
  "candidate",
  "professional", // signed-in professional not (yet) acting for an organisation
  "prescriber_member",
  "prescriber_admin",
  "employer_member",
  "employer_admin",
  "operator_member",
  "operator_admin",
  "platform_admin",
] as const;
export const resources = [
  "organisation",
  "membership",
  "invitation",
  "offer",
  "candidate",
  "application",
  "score_report", // Score QPV reports saved to an organisation's history (src/score-qpv/score-history.routes.ts)
  "api_key",
  "audit_log",
] as const;
export const actions = ["read", "create", "update", "delete", "manage"] as const;
export const rules = ["allowed", "allowed_if_own_organisation", "allowed_if_self", "denied"] as const;

export type Role = (typeof roles)[number];
export type Resource = (typeof resources)[number];
export type Action = (typeof actions)[number];
export type Rule = (typeof rules)[number];
type Row = Record<Action, Rule>;
type Matrix = Record<Role, Record<Resource, Row>>;

const A = "allowed";
const O = "allowed_if_own_organisation";
const S = "allowed_if_self";
const D = "denied";
/** Shorthand for a row: read, create, update, delete, manage. */
const row = (read: Rule, create: Rule, update: Rule, del: Rule, manage: Rule): Row => ({ read, create, update, delete: del, manage });
const none = row(D, D, D, D, D);

/** Rows shared by every member of an organisation, whatever its family. */
const memberBase = {
  organisation: row(O, A, D, D, D),
  membership: row(O, D, D, S, D), // read the team, leave it
  invitation: none,
  api_key: none,
  audit_log: none,
};
const adminBase = {
  organisation: row(O, A, O, D, D),
  membership: row(O, O, O, O, D),
  invitation: row(O, O, D, O, D),
  api_key: row(O, O, D, O, D),
  audit_log: row(O, D, D, D, D),
};

export const matrix = {
  anonymous: {
    organisation: none, membership: none, invitation: none, offer: row(A, D, D, D, D),
    candidate: none, application: none, score_report: none, api_key: none, audit_log: none,
  },
  candidate: {
    organisation: none, membership: none, invitation: none, offer: row(A, D, D, D, D),
    candidate: row(S, S, S, S, D), application: row(S, S, S, D, D), score_report: none, api_key: none, audit_log: none,
  },
  professional: {
    organisation: row(D, A, D, D, D), membership: none, invitation: none, offer: row(A, D, D, D, D),
    candidate: none, application: none, score_report: none, api_key: none, audit_log: none,
  },
  prescriber_member: {
    ...memberBase, offer: row(A, D, D, D, D),
    candidate: row(O, O, O, O, D), application: row(O, O, O, D, D), score_report: none, // candidate delete = erasure asked by the counsellor
  },
  prescriber_admin: {
    ...adminBase, offer: row(A, D, D, D, D),
    candidate: row(O, O, O, O, D), application: row(O, O, O, D, D), score_report: none,
  },
  employer_member: {
    ...memberBase, offer: row(A, O, O, D, D),
    candidate: row(O, O, D, D, D), application: row(O, O, O, D, D), score_report: row(O, O, D, D, D),
  },
  employer_admin: {
    ...adminBase, offer: row(A, O, O, O, D),
    candidate: row(O, O, D, D, D), application: row(O, O, O, D, D), score_report: row(O, O, D, O, D),
  },
  operator_member: {
    ...memberBase, offer: row(A, D, D, D, D),
    candidate: none, application: none, score_report: none,
  },
  operator_admin: {
    ...adminBase, offer: row(A, D, D, D, D),
    candidate: none, application: none, score_report: none,
  },
  platform_admin: {
    organisation: row(A, A, A, A, A), membership: row(A, D, D, A, A), invitation: row(A, D, D, A, D),
    offer: row(A, D, D, D, A), candidate: none, application: none, score_report: none,
    api_key: row(A, D, D, A, D), audit_log: row(A, D, D, D, D),
  },
} as const satisfies Matrix;

/** Who is acting: null for anonymous visitors. */
export type Actor = {
  userId: string;
  kind: "candidate" | "professional" | "admin";
  /** The organisation the person acts for (chosen, stored on the session). */
  organisationId: string | null;
  role: Role;
  /** True for a prescriber whose authorisation is validated ("habilité"); false for orienteurs and others. */
  authorizedPrescriber: boolean;
};

/** What the checked resource belongs to: its organisation(s) and/or the person it is about. */
export type ResourceContext = { organisationIds?: readonly (string | null)[]; ownerUserId?: string | null };

export type Decision = { allowed: true } | { allowed: false; reason: "role" | "not_owner" };

export const ruleFor = (role: Role, action: Action, resource: Resource): Rule => matrix[role][resource][action];

export const decide = (actor: Actor | null, action: Action, resource: Resource, context: ResourceContext = {}): Decision => {
  const rule = ruleFor(actor?.role ?? "anonymous", action, resource);
  switch (rule) {
    case "allowed":
      return { allowed: true };
    case "denied":
      return { allowed: false, reason: "role" };
    case "allowed_if_own_organisation":
      return actor?.organisationId && (context.organisationIds ?? []).includes(actor.organisationId)
        ? { allowed: true }
        : { allowed: false, reason: "not_owner" };
    case "allowed_if_self":
      return actor && context.ownerUserId === actor.userId ? { allowed: true } : { allowed: false, reason: "not_owner" };
  }
};

export const authorize = (actor: Actor | null, action: Action, resource: Resource, context: ResourceContext = {}): boolean =>
  decide(actor, action, resource, context).allowed;

/** The matrix role of a signed-in person acting (or not) for an organisation. */
export const roleOf = (
  kind: Actor["kind"],
  acting: { family: "employer" | "prescriber" | "operator"; membershipRole: "member" | "admin" } | null,
): Role => {
  if (kind === "admin") return "platform_admin";
  if (kind === "candidate") return "candidate";
  if (!acting) return "professional";
  return `${acting.family}_${acting.membershipRole}` as Role;
};
