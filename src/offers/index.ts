// Public surface of job offers.
export { registerOffersRoutes } from "./offers.routes.ts";
export { runOfferHousekeeping } from "./offers.housekeeping.ts";
export { findOffer, type Offer } from "./offers.queries.ts";
export { allowedContractTypes, contractTypeLabels, type ContractType, staleRules } from "./offers.domain.ts";
export { offerSchema, offersRoutes, type OfferDto } from "./offers.contract.ts";
