// Which organisations may see a candidate's profile: the prescriber organisations
// that follow them and the employer that recorded them (direct hire). An employer
// the person applied to sees only what the application shares (name, contact,
// birth year, postcode: src/applications/applications-list.queries.ts, and her
// current CV: readApplicationCv in src/applications/applications-read.use-cases.ts),
// never the profile (barriers, zoning).
import type { ResourceContext } from "../authorization/authorization.domain.ts";
import type { Executor } from "../server/transaction.ts";

export const candidateAccessContext = async (
  db: Executor,
  candidate: { id: string; userId: string | null; createdVia: string; createdByOrganisationId: string | null },
): Promise<ResourceContext> => {
  const followers = await db.selectFrom("candidate_followers").select("organisation_id").where("candidate_id", "=", candidate.id).execute();
  const ids = new Set(followers.map((f) => f.organisation_id));
  if (candidate.createdVia === "employer" && candidate.createdByOrganisationId) ids.add(candidate.createdByOrganisationId);
  return { organisationIds: [...ids], ownerUserId: candidate.userId };
};
