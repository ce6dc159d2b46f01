// Public surface of the organisations capability.
export { registerOrganisationsRoutes } from "./organisations.routes.ts";
export { checkSiret, employerKinds, familyOfKind, isAuthorizedPrescriber, operatorKinds, prescriberKinds } from "./organisations.domain.ts";
export type { MembershipRole, OrganisationFamily, OrganisationKind } from "./organisations.domain.ts";
export { findMembership, findOrganisation, listMembershipsOfUser, type Organisation } from "./organisations.queries.ts";
