// Which organisations may see a candidate: the prescriber organisations that follow
// them, the employer that recorded them (direct hire), and whatever other
// capabilities declare (applications: the employers they applied to).
import type { ResourceContext } from "../authorization/authorization.domain.ts";
import type { Executor } from "../server/transaction.ts";

export type CandidateAccessProvider = (db: Executor, candidateId: string) => Promise<string[]>;

const providers: CandidateAccessProvider[] = [];

/** Called once at import time by a capability that shares candidates with organisations (e.g. applications). */
export const registerCandidateAccess = (provider: CandidateAccessProvider): void => {
  if (!providers.includes(provider)) providers.push(provider);
};

export const candidateAccessContext = async (
  db: Executor,
  candidate: { id: string; userId: string | null; createdVia: string; createdByOrganisationId: string | null },
): Promise<ResourceContext> => {
  const followers = await db.selectFrom("candidate_followers").select("organisation_id").where("candidate_id", "=", candidate.id).execute();
  const ids = new Set(followers.map((f) => f.organisation_id));
  if (candidate.createdVia === "employer" && candidate.createdByOrganisationId) ids.add(candidate.createdByOrganisationId);
  for (const provider of providers) for (const id of await provider(db, candidate.id)) ids.add(id);
  return { organisationIds: [...ids], ownerUserId: candidate.userId };
};
