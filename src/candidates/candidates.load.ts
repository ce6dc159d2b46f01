// Shared by the candidates use cases: load a candidate the actor may act on (or 404), the audit entry, the clock.
import { systemClock } from "../accounts/accounts.deps.ts";
import type { AccountsDeps } from "../accounts/accounts.deps.ts";
import { accountsError } from "../accounts/accounts.errors.ts";
import { recordAudit } from "../authorization/audit.queries.ts";
import type { Actor } from "../authorization/authorization.domain.ts";
import { ensureAllowed } from "../authorization/authorization.guard.ts";
import type { Executor } from "../server/transaction.ts";
import { candidateAccessContext } from "./candidates.access.ts";
import { candidatesError } from "./candidates.errors.ts";
import { type CandidateRow, findCandidate } from "./candidates.queries.ts";

export const notFound = () => candidatesError("candidate.not_found");
export const isProfessional = (actor: Actor) => actor.kind !== "candidate";
export const now = (deps: AccountsDeps) => (deps.clock ?? systemClock).now();

/** Loads a candidate the actor may act on, or answers 404 (missing, or another organisation's). */
export const loadAllowed = async (deps: AccountsDeps, actor: Actor | null, action: "read" | "update" | "delete", id: string): Promise<CandidateRow> => {
  if (!actor) throw accountsError("auth.unauthenticated");
  const candidate = await findCandidate(deps.db, id);
  if (!candidate) {
    ensureAllowed(actor, action, "candidate", {}, notFound); // a role that may never do this answers 403, like for an existing id
    throw notFound();
  }
  ensureAllowed(actor, action, "candidate", await candidateAccessContext(deps.db, candidate), notFound);
  return candidate;
};

export const audit = (tx: Executor, actor: Actor, action: string, candidateId: string, at: Date, details?: Record<string, string | number | boolean | null>) =>
  recordAudit(tx, { actorUserId: actor.userId, organisationId: actor.organisationId, action, subjectType: "candidate", subjectId: candidateId, details, at });
