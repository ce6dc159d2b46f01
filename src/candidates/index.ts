// Public surface of the candidates capability.
export { registerCandidatesRoutes } from "./candidates.routes.ts";
export { candidateDto, type CandidatesDeps, locateAddress } from "./candidates.use-cases.ts";
export { findCandidate, touchCandidate } from "./candidates.queries.ts";
export { anonymiseCandidate, exportPersonalData, type PersonalDataSection, personalDataSections, registerPersonalDataSection } from "./personal-data.ts";
export { runRetention, startRetentionSchedule } from "./retention.ts";
