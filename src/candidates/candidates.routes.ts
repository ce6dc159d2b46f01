// HTTP routes of candidates (/api/v1/candidates). Another organisation's candidate
// answers 404, as if it did not exist.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { registerActor } from "../accounts/actor.plugin.ts";
import { sendPdfDownload } from "../server/pdf-download.ts";
import { z } from "../shared/zod.ts";
import { barriers } from "./barriers.domain.ts";
import {
  barriersResponseSchema,
  candidateIdParamsSchema,
  candidateListSchema,
  candidateSchema,
  candidatesRoutes as routes,
  consentBodySchema,
  consentSchema,
  consentTextSchema,
  createCandidateBodySchema,
  listCandidatesQuerySchema,
  updateCandidateBodySchema,
} from "./candidates.contract.ts";
import { consentEmployerVersion, consentPurpose, consentText, consentTextOnBehalf, consentTextOnBehalfEmployer, consentVersion, cvMaxBytes } from "./candidates.domain.ts";
import {
  type CandidatesDeps,
  createCandidate,
  listMyCandidates,
  readCandidate,
  readConsents,
  readMine,
  recordConsentDecision,
  updateCandidate,
} from "./candidates.use-cases.ts";
import { downloadCv, eraseCandidate, exportCandidate, removeCv, uploadCv } from "./candidate-files.use-cases.ts";

const tags = ["Candidats"];
const cvQuerySchema = z.object({ name: z.string().max(200, "Nom de fichier trop long.").optional() });
const cvMetaSchema = z.object({ fileName: z.string(), sizeBytes: z.number(), uploadedAt: z.string() });

export const registerCandidatesRoutes = async (root: FastifyInstance, deps: CandidatesDeps): Promise<void> => {
  await registerActor(root, deps);
  const app = root.withTypeProvider<ZodTypeProvider>();
  // The CV is sent as the request body itself (any declared type: the content is checked by its first bytes).
  // A little over 5 MB is read so that a too-large file gets its own French message.
  app.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: cvMaxBytes + 1024 * 1024 }, (_request, body, done) => done(null, body));

  app.get(routes.barriers.url, { schema: { tags, summary: "Freins périphériques (référentiel Carnet de bord)", response: { 200: barriersResponseSchema } } }, async () =>
    barriers.map((b) => ({ code: b.code, label: b.label })),
  );

  app.get(routes.consentText.url, { schema: { tags, summary: "Texte du consentement demandé à la création d'un profil", response: { 200: consentTextSchema } } }, async () => ({
    purpose: consentPurpose,
    version: consentVersion,
    text: consentText,
    textOnBehalf: consentTextOnBehalf,
    employerVersion: consentEmployerVersion,
    textOnBehalfEmployer: consentTextOnBehalfEmployer,
  }));

  app.get(routes.list.url, { schema: { tags, summary: "Mes candidats (suivis par l'organisation pour laquelle j'agis)", querystring: listCandidatesQuerySchema, response: { 200: candidateListSchema } } }, async (request) =>
    listMyCandidates(deps, request.actor, request.query),
  );

  app.post(routes.create.url, { schema: { tags, summary: "Créer un profil candidat (soi-même, ou pour une personne accompagnée)", body: createCandidateBodySchema, response: { 201: candidateSchema } } }, async (request, reply) =>
    reply.code(201).send(await createCandidate(deps, request.actor, request.body)),
  );

  app.get(routes.mine.url, { schema: { tags, summary: "Mon profil candidat", response: { 200: candidateSchema } } }, async (request) => readMine(deps, request.actor));

  app.get(routes.get.url, { schema: { tags, params: candidateIdParamsSchema, response: { 200: candidateSchema } } }, async (request) =>
    readCandidate(deps, request.actor, request.params.id),
  );

  app.patch(routes.update.url, { schema: { tags, params: candidateIdParamsSchema, body: updateCandidateBodySchema, response: { 200: candidateSchema } } }, async (request) =>
    updateCandidate(deps, request.actor, request.params.id, request.body),
  );

  app.get(routes.consents.url, { schema: { tags, params: candidateIdParamsSchema, response: { 200: z.array(consentSchema) } } }, async (request) =>
    readConsents(deps, request.actor, request.params.id),
  );

  app.post(routes.recordConsent.url, { schema: { tags, params: candidateIdParamsSchema, body: consentBodySchema, response: { 201: z.array(consentSchema) } } }, async (request, reply) =>
    reply.code(201).send(await recordConsentDecision(deps, request.actor, request.params.id, request.body.decision)),
  );

  app.put(
    routes.uploadCv.url,
    { schema: { tags, summary: "Déposer le CV (PDF, 5 Mo au plus) : le corps de la requête est le fichier", params: candidateIdParamsSchema, querystring: cvQuerySchema, response: { 200: cvMetaSchema } } },
    async (request) => {
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      return uploadCv(deps, request.actor, request.params.id, body, request.query.name);
    },
  );

  app.get(routes.downloadCv.url, { schema: { tags, params: candidateIdParamsSchema } }, async (request, reply) => {
    return sendPdfDownload(reply, await downloadCv(deps, request.actor, request.params.id));
  });

  app.delete(routes.deleteCv.url, { schema: { tags, params: candidateIdParamsSchema, response: { 204: z.null() } } }, async (request, reply) => {
    await removeCv(deps, request.actor, request.params.id);
    return reply.code(204).send(null);
  });

  app.get(routes.export.url, { schema: { tags, summary: "Exporter les données personnelles (JSON)", params: candidateIdParamsSchema } }, async (request, reply) => {
    const data = await exportCandidate(deps, request.actor, request.params.id);
    return reply
      .header("content-disposition", `attachment; filename="donnees-tremplin-${request.params.id}.json"`)
      .header("cache-control", "private, no-store")
      .type("application/json; charset=utf-8")
      .send(JSON.stringify(data, null, 2));
  });

  app.post(routes.erase.url, { schema: { tags, summary: "Effacer (anonymiser) les données personnelles", params: candidateIdParamsSchema, response: { 204: z.null() } } }, async (request, reply) => {
    await eraseCandidate(deps, request.actor, request.params.id);
    return reply.code(204).send(null);
  });
};
