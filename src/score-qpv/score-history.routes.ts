// HTTP routes of the Score QPV history (/api/v1/organisations/:id/score-history):
// an employer saves a finished report to the organisation it acts for, its
// members list and read the saved scores, its administrators delete one (audited).
// Authorisation through the matrix (resource score_report): another
// organisation's id in the URL answers 404, a non-employer 403.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { type AccountsConfig, type Clock, systemClock } from "../accounts/accounts.deps.ts";
import { registerActor, requireActor } from "../accounts/actor.plugin.ts";
import { recordAudit } from "../authorization/audit.queries.ts";
import { ensureAllowed } from "../authorization/authorization.guard.ts";
import type { Database } from "../server/db.ts";
import { runInTransaction } from "../server/transaction.ts";
import { z } from "../shared/zod.ts";
import {
  organisationScoresParamsSchema,
  saveScoreBodySchema,
  savedScoreListSchema,
  savedScoreParamsSchema,
  savedScoreSchema,
  scoreHistoryRoutes as routes,
} from "./score-history.contract.ts";
import { scoreHistoryError } from "./score-history.errors.ts";
import { deleteSavedScore, findSavedScore, listSavedScores } from "./score-history.queries.ts";
import { saveScoreToHistory } from "./score-history.use-case.ts";

export type ScoreHistoryDeps = { db: Database; config: AccountsConfig; clock?: Clock };

const tags = ["score-qpv"];
const notFound = () => scoreHistoryError("score_history.not_found");

export const registerScoreHistoryRoutes = async (root: FastifyInstance, deps: ScoreHistoryDeps): Promise<void> => {
  await registerActor(root, deps);
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const clock = deps.clock ?? systemClock;

  app.get(routes.list.url, {
    schema: { tags, summary: "Historique des Score QPV enregistrés par mon organisation (membres)", params: organisationScoresParamsSchema, response: { 200: savedScoreListSchema } },
  }, async (request) => {
    ensureAllowed(request.actor, "read", "score_report", { organisationIds: [request.params.id] }, notFound);
    return { scores: await listSavedScores(db, request.params.id) };
  });

  app.post(routes.save.url, {
    schema: {
      tags,
      summary: "Enregistrer un rapport de Score QPV dans l'historique de mon organisation (employeurs)",
      description: "Ajoute toujours une ligne (jamais de remplacement) ; seuls les effectifs agrégés du rapport sont copiés.",
      params: organisationScoresParamsSchema,
      body: saveScoreBodySchema,
      response: { 201: savedScoreSchema },
    },
  }, async (request, reply) => {
    const organisationId = request.params.id;
    ensureAllowed(request.actor, "create", "score_report", { organisationIds: [organisationId] }, notFound);
    const actor = requireActor(request);
    const saved = await saveScoreToHistory(db, { organisationId, reportId: request.body.reportId, savedBy: actor.userId, label: request.body.label, at: clock.now() });
    return reply.code(201).send(saved);
  });

  app.get(routes.get.url, {
    schema: { tags, summary: "Un Score QPV enregistré, avec son rapport agrégé (membres)", params: savedScoreParamsSchema, response: { 200: savedScoreSchema } },
  }, async (request) => {
    ensureAllowed(request.actor, "read", "score_report", { organisationIds: [request.params.id] }, notFound);
    const score = await findSavedScore(db, request.params.id, request.params.scoreId);
    if (!score) throw notFound();
    return score;
  });

  app.delete(routes.remove.url, {
    schema: { tags, summary: "Supprimer un Score QPV enregistré (administrateurs, journalisé)", params: savedScoreParamsSchema, response: { 204: z.null() } },
  }, async (request, reply) => {
    const { id: organisationId, scoreId } = request.params;
    ensureAllowed(request.actor, "delete", "score_report", { organisationIds: [organisationId] }, notFound);
    const actor = requireActor(request);
    const at = clock.now();
    await runInTransaction(db, async (tx) => {
      const score = await findSavedScore(tx, organisationId, scoreId);
      if (!score || !(await deleteSavedScore(tx, organisationId, scoreId))) throw notFound();
      await recordAudit(tx, {
        actorUserId: actor.userId, organisationId, action: "score_history.deleted", subjectType: "score_history", subjectId: scoreId, at,
        details: { periodFrom: score.period.from, periodTo: score.period.to, qpvShare: score.qpv.share },
      });
    });
    return reply.code(204).send(null);
  });
};
