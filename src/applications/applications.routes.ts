// HTTP routes of applications (/api/v1). Another organisation's application id
// answers 404, exactly as a missing one.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { registerActor } from "../accounts/actor.plugin.ts";
import { sendPdfDownload } from "../server/pdf-download.ts";
import { z } from "../shared/zod.ts";
import { notificationKindLabels } from "./application-notifications.domain.ts";
import { historyEventLabels, refusalReasons, stateLabels, type TransitionCommand } from "./application-states.domain.ts";
import {
  applicationDetailSchema,
  applicationIdParamsSchema,
  applicationsRoutes as routes,
  createdSchema,
  hireableCandidatesSchema,
  hireableQuerySchema,
  hiringDatesBodySchema,
  listPageSchema,
  listQuerySchema,
  messageBodySchema,
  sendApplicationBodySchema,
  settingsBodySchema,
  settingsSchema,
  transitionBodySchema,
} from "./applications.contract.ts";
import { applicationsError } from "./applications.errors.ts";
import { isValidCursor, type ListPage } from "./applications-list.queries.ts";
import { listForActor, listHireable, postMessage, readApplication, readApplicationCv, readSettings, writeSettings } from "./applications-read.use-cases.ts";
import { type ApplicationsDeps, editApplicationHiringDates, sendApplication, transitionApplication } from "./applications.use-cases.ts";

const tags = ["Candidatures"];

const pageDto = (page: ListPage & { counts: Record<string, number> }) => ({
  items: page.items.map((item) => ({
    ...item,
    stateLabel: stateLabels[item.state],
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
  })),
  nextCursor: page.nextCursor,
  counts: page.counts,
});

const detailDto = (d: Awaited<ReturnType<typeof readApplication>>) => ({
  id: d.application.id,
  viewerSide: d.side,
  state: d.application.state,
  stateLabel: stateLabels[d.application.state],
  senderKind: d.application.senderKind,
  senderOrganisationName: d.senderOrganisationName,
  employerOrganisationId: d.application.employerOrganisationId,
  employerName: d.employerName,
  offer: d.offer,
  message: d.application.message,
  candidate: d.candidate,
  hasCv: d.hasCv,
  refusalReason: d.side === "candidate" && !d.application.refusalReasonShared ? null : d.application.refusalReason,
  hiringStartAt: d.application.hiringStartAt,
  hiringEndAt: d.application.hiringEndAt,
  createdAt: d.application.createdAt.toISOString(),
  updatedAt: d.application.updatedAt.toISOString(),
  transitions: d.transitions.map((t) => ({
    transition: t.transition,
    label: historyEventLabels[t.transition],
    from: t.from,
    to: t.to,
    actor: t.actor === "system" ? ("system" as const) : ("employer" as const),
    byUserName: t.byUserName,
    at: t.at.toISOString(),
    refusalReason: t.refusalReason,
    refusalReasonLabel: t.refusalReason ? refusalReasons[t.refusalReason] : null,
    reasonSharedWithCandidate: t.reasonSharedWithCandidate,
    answerToCandidate: t.answerToCandidate,
    answerToSender: t.answerToSender,
    hiringStartAt: t.hiringStartAt,
    hiringEndAt: t.hiringEndAt,
  })),
  messages: d.messages.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
  actions: d.actions,
  canEditHiringDates: d.canEditHiringDates,
  canWriteMessages: d.canWriteMessages,
});

export const registerApplicationsRoutes = async (root: FastifyInstance, deps: ApplicationsDeps): Promise<void> => {
  await registerActor(root, deps);
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.post(routes.send.url, { schema: { tags, summary: "Envoyer une candidature (ou déclarer une embauche)", body: sendApplicationBodySchema, response: { 201: createdSchema } } }, async (request, reply) => {
    const id = await sendApplication(deps, request.actor, request.body);
    return reply.code(201).send({ id });
  });

  for (const view of ["received", "sent", "mine"] as const) {
    app.get(routes[view].url, { schema: { tags, querystring: listQuerySchema, response: { 200: listPageSchema } } }, async (request) => {
      const q = request.query;
      if (q.cursor && !isValidCursor(q.cursor)) throw applicationsError("application.not_found");
      const states = q.state === undefined ? undefined : Array.isArray(q.state) ? q.state : [q.state];
      const page = await listForActor(deps, request.actor, view, { states, offerId: q.offerId, senderKind: q.senderKind, createdFrom: q.from, createdTo: q.to }, { limit: q.limit, cursor: q.cursor });
      return pageDto(page);
    });
  }

  app.get(
    routes.hireable.url,
    { schema: { tags, summary: "Personnes dont l'employeur peut déclarer l'embauche directe (profils créés par sa structure, personnes qui lui ont candidaté)", querystring: hireableQuerySchema, response: { 200: hireableCandidatesSchema } } },
    async (request) => listHireable(deps, request.actor, request.query),
  );

  app.get(routes.get.url, { schema: { tags, params: applicationIdParamsSchema, response: { 200: applicationDetailSchema } } }, async (request) =>
    detailDto(await readApplication(deps, request.actor, request.params.id)),
  );

  app.get(
    routes.cv.url,
    {
      schema: {
        tags,
        summary: "Télécharger le CV actuel (PDF) de la personne, pour l'employeur qui reçoit la candidature et le prescripteur",
        description: "Tant que l'employeur voit la candidature (730 jours, embauches conservées) ; chaque lecture est écrite au journal d'audit. 404 application.cv_not_found sans CV.",
        params: applicationIdParamsSchema,
        produces: ["application/pdf"],
      },
    },
    async (request, reply) => {
      return sendPdfDownload(reply, await readApplicationCv(deps, request.actor, request.params.id));
    },
  );

  app.post(routes.transition.url, { schema: { tags, summary: "Répondre : étudier, mettre en attente, accepter, décliner…", params: applicationIdParamsSchema, body: transitionBodySchema, response: { 200: applicationDetailSchema } } }, async (request) => {
    await transitionApplication(deps, request.actor, request.params.id, request.body as TransitionCommand);
    return detailDto(await readApplication(deps, request.actor, request.params.id));
  });

  app.put(routes.hiringDates.url, { schema: { tags, summary: "Déplacer les dates du contrat d'une embauche pas encore commencée", params: applicationIdParamsSchema, body: hiringDatesBodySchema, response: { 200: applicationDetailSchema } } }, async (request) => {
    await editApplicationHiringDates(deps, request.actor, request.params.id, { hiringStartAt: request.body.hiringStartAt, hiringEndAt: request.body.hiringEndAt ?? null });
    return detailDto(await readApplication(deps, request.actor, request.params.id));
  });

  app.post(routes.postMessage.url, { schema: { tags, summary: "Message entre l'employeur et le prescripteur", params: applicationIdParamsSchema, body: messageBodySchema, response: { 201: z.object({ id: z.number() }) } } }, async (request, reply) => {
    const id = await postMessage(deps, request.actor, request.params.id, request.body.body);
    return reply.code(201).send({ id });
  });

  const settingsDto = (settings: { kind: keyof typeof notificationKindLabels; enabled: boolean }[]) => settings.map((s) => ({ ...s, label: notificationKindLabels[s.kind] }));
  app.get(routes.settings.url, { schema: { tags, response: { 200: settingsSchema } } }, async (request) => settingsDto(await readSettings(deps, request.actor)));
  app.put(routes.saveSettings.url, { schema: { tags, body: settingsBodySchema, response: { 200: settingsSchema } } }, async (request) =>
    settingsDto(await writeSettings(deps, request.actor, Object.fromEntries(request.body.settings.map((s) => [s.kind, s.enabled])))),
  );
};
