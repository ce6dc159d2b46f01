// Public routes of the ROME 4.0 reference: appellation and compétence search.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Database } from "../server/db.ts";
import { z } from "../shared/zod.ts";
import { appellationCodeParamsSchema, appellationSchema, competenceSchema, romeRoutes as routes, romeSearchQuerySchema } from "./rome.contract.ts";
import { romeError } from "./rome.errors.ts";
import { findAppellation, searchAppellations, searchCompetences } from "./rome.queries.ts";

const tags = ["ROME 4.0"];

export const registerRomeRoutes = (scope: FastifyInstance, deps: { db: Database }): void => {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  app.get(
    routes.appellations.url,
    { schema: { tags, summary: "Rechercher une appellation métier (ROME 4.0)", querystring: romeSearchQuerySchema, response: { 200: z.array(appellationSchema) } } },
    async (request) => searchAppellations(deps.db, request.query.q, request.query.limit),
  );
  app.get(
    routes.appellation.url,
    { schema: { tags, summary: "Une appellation métier (ROME 4.0)", params: appellationCodeParamsSchema, response: { 200: appellationSchema } } },
    async (request) => {
      const found = await findAppellation(deps.db, request.params.code);
      if (!found) throw romeError("rome.appellation_not_found");
      return found;
    },
  );
  app.get(
    routes.competences.url,
    { schema: { tags, summary: "Rechercher une compétence (ROME 4.0)", querystring: romeSearchQuerySchema, response: { 200: z.array(competenceSchema) } } },
    async (request) => searchCompetences(deps.db, request.query.q, request.query.limit),
  );
};
