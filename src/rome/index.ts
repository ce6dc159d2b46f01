// Public surface of the ROME 4.0 reference.
export { type Appellation, type Competence, findAppellation, searchAppellations, searchCompetences } from "./rome.queries.ts";
export { importRome, findRomeFiles } from "./rome.import.ts";
export { normaliseRomeLabel } from "./rome.domain.ts";
export { registerRomeRoutes } from "./rome.routes.ts";
export { appellationSchema, competenceSchema, romeRoutes, type AppellationDto, type CompetenceDto } from "./rome.contract.ts";
