// Enforces the matrix in routes. An ownership failure answers with the
// resource's own 404 (ids never leak); a role failure with 401/403.
import { accountsError } from "../accounts/accounts.errors.ts";
import type { DomainError } from "../server/errors.ts";
import { type Action, type Actor, decide, type Resource, type ResourceContext } from "./authorization.domain.ts";

export const ensureAllowed = (
  actor: Actor | null,
  action: Action,
  resource: Resource,
  context: ResourceContext,
  notFound: () => DomainError,
): void => {
  const decision = decide(actor, action, resource, context);
  if (decision.allowed) return;
  if (decision.reason === "not_owner") throw notFound();
  throw actor ? accountsError("auth.forbidden") : accountsError("auth.unauthenticated");
};
