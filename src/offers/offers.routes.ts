// HTTP routes of job offers (/api/v1): public search, offer page and employer
// directory (no account); the employer's own offers (members of the owning
// organisation only — another organisation's offer answers 404); read-only
// partner access with an API key (scope offers:read).
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { systemClock } from "../accounts/accounts.deps.ts";
import { registerActor } from "../accounts/actor.plugin.ts";
import { requireApiKey } from "../authorization/api-keys.routes.ts";
import { ensureAllowed } from "../authorization/authorization.guard.ts";
import { findOrganisation } from "../organisations/organisations.queries.ts";
import { z } from "../shared/zod.ts";
import {
  closeOfferBodySchema,
  contractTypesSchema,
  createOfferBodySchema,
  employerDirectoryQuerySchema,
  employerDirectorySchema,
  type EmployerOfferDto,
  employerOfferSchema,
  offerIdParamsSchema,
  type OfferDto,
  offerSchema,
  type OfferSearchQuery,
  offerSearchQuerySchema,
  offerSearchResultSchema,
  offersRoutes as routes,
  organisationOffersParamsSchema,
  reopenOfferBodySchema,
  statusChangeSchema,
  updateOfferBodySchema,
} from "./offers.contract.ts";
import type { OffersDeps } from "./offers.deps.ts";
import { allowedContractTypes, autoCloseDate, contractTypeLabels, radiusRules, searchWords, stalenessOf, statusReasonLabels } from "./offers.domain.ts";
import { offersError } from "./offers.errors.ts";
import { communePosition, findOffer, listEmployersWithOpenOffers, listOrganisationOffers, listStatusChanges, type Offer, searchOffers } from "./offers.queries.ts";
import { closeOffer, confirmOffer, createOffer, editOffer, offerToManage, reopenOffer } from "./offers.use-cases.ts";

const tags = ["Offres d'emploi"];
const partnerTags = ["Partenaires (clé d'API)"];

export const toOfferDto = (offer: Offer): OfferDto => ({
  id: offer.id,
  status: offer.status,
  title: offer.title,
  description: offer.description,
  appellation: offer.appellation,
  contractType: offer.contractType,
  contractTypeLabel: offer.contractTypeLabel,
  hoursPerWeek: offer.hoursPerWeek,
  positions: offer.positions,
  withoutCv: offer.withoutCv,
  openToBeginners: offer.openToBeginners,
  drivingLicenceRequired: offer.drivingLicenceRequired,
  place: offer.place,
  employer: offer.employer,
  createdAt: offer.createdAt.toISOString(),
  updatedAt: offer.updatedAt.toISOString(),
  distanceKm: offer.distanceKm,
});

const toEmployerDto = (offer: Offer, now: Date): EmployerOfferDto => ({
  ...toOfferDto(offer),
  stale: offer.status === "open" && stalenessOf(offer.updatedAt, now) !== "fresh",
  autoCloseOn: offer.status === "open" ? autoCloseDate(offer.updatedAt).toISOString() : null,
  staleNotifiedAt: offer.staleNotifiedAt?.toISOString() ?? null,
});

export const runOfferSearch = async (deps: Pick<OffersDeps, "db">, query: OfferSearchQuery) => {
  let centre: { lat: number; lon: number; radiusKm: number } | undefined;
  const radiusKm = query.radiusKm ?? radiusRules.defaultKm;
  if (query.lat !== undefined && query.lon !== undefined) centre = { lat: query.lat, lon: query.lon, radiusKm };
  else if (query.commune) {
    const position = await communePosition(deps.db, query.commune);
    if (!position) throw offersError("offer.commune_not_located", { code: query.commune });
    centre = { ...position, radiusKm };
  }
  const { total, offers } = await searchOffers(deps.db, {
    words: searchWords(query.q),
    appellationCode: query.appellation,
    centre,
    contractTypes: query.contractType,
    structureKinds: query.structureKind,
    employerId: query.employer,
    withoutCv: query.withoutCv,
    openToBeginners: query.openToBeginners,
    page: query.page,
    perPage: query.perPage,
  });
  return { total, page: query.page, perPage: query.perPage, centre: centre ?? null, results: offers.map(toOfferDto) };
};

export const registerOffersRoutes = async (root: FastifyInstance, deps: OffersDeps): Promise<void> => {
  await registerActor(root, deps);
  const app = root.withTypeProvider<ZodTypeProvider>();
  const clock = deps.clock ?? systemClock;
  const notFound = () => offersError("offer.not_found");

  // --- public ---
  app.get(routes.search.url, {
    schema: { tags, summary: "Rechercher des offres ouvertes (sans compte)", querystring: offerSearchQuerySchema, response: { 200: offerSearchResultSchema } },
  }, async (request) => runOfferSearch(deps, request.query));

  app.get(routes.get.url, { schema: { tags, summary: "Une offre (ouverte ou fermée)", params: offerIdParamsSchema, response: { 200: offerSchema } } }, async (request) => {
    const offer = await findOffer(deps.db, request.params.id);
    if (!offer) throw notFound();
    return toOfferDto(offer);
  });

  app.get(routes.employers.url, {
    schema: { tags, summary: "Annuaire des employeurs qui ont des offres ouvertes", querystring: employerDirectoryQuerySchema, response: { 200: employerDirectorySchema } },
  }, async (request) => {
    const { total, employers } = await listEmployersWithOpenOffers(deps.db, {
      words: searchWords(request.query.q),
      structureKinds: request.query.structureKind,
      page: request.query.page,
      perPage: request.query.perPage,
    });
    return { total, page: request.query.page, perPage: request.query.perPage, results: employers };
  });

  // --- the employer's own offers ---
  app.get(routes.listMine.url, {
    schema: { tags, summary: "Les offres de mon organisation (ouvertes et fermées)", params: organisationOffersParamsSchema, response: { 200: z.array(employerOfferSchema) } },
  }, async (request) => {
    ensureAllowed(request.actor, "update", "offer", { organisationIds: [request.params.id] }, notFound);
    const now = clock.now();
    return (await listOrganisationOffers(deps.db, request.params.id)).map((offer) => toEmployerDto(offer, now));
  });

  app.get(routes.contractTypes.url, {
    schema: { tags, summary: "Types de contrat possibles pour mon organisation", params: organisationOffersParamsSchema, response: { 200: contractTypesSchema } },
  }, async (request) => {
    ensureAllowed(request.actor, "create", "offer", { organisationIds: [request.params.id] }, notFound);
    const organisation = await findOrganisation(deps.db, request.params.id);
    if (!organisation) throw notFound();
    return allowedContractTypes(organisation.kind).map((code) => ({ code, label: contractTypeLabels[code] }));
  });

  app.post(routes.create.url, {
    schema: { tags, summary: "Publier une offre", params: organisationOffersParamsSchema, body: createOfferBodySchema, response: { 201: employerOfferSchema } },
  }, async (request, reply) => {
    const offer = await createOffer(deps, request.actor, request.params.id, request.body);
    return reply.code(201).send(toEmployerDto(offer, clock.now()));
  });

  app.patch(routes.update.url, {
    schema: { tags, summary: "Modifier une offre", params: offerIdParamsSchema, body: updateOfferBodySchema, response: { 200: employerOfferSchema } },
  }, async (request) => toEmployerDto(await editOffer(deps, request.actor, request.params.id, request.body), clock.now()));

  app.post(routes.close.url, {
    schema: { tags, summary: "Fermer une offre (motif enregistré)", params: offerIdParamsSchema, body: closeOfferBodySchema, response: { 200: employerOfferSchema } },
  }, async (request) => toEmployerDto(await closeOffer(deps, request.actor, request.params.id, request.body), clock.now()));

  app.post(routes.reopen.url, {
    schema: { tags, summary: "Rouvrir une offre", params: offerIdParamsSchema, body: reopenOfferBodySchema, response: { 200: employerOfferSchema } },
  }, async (request) => toEmployerDto(await reopenOffer(deps, request.actor, request.params.id, request.body ?? {}), clock.now()));

  app.post(routes.confirm.url, {
    schema: { tags, summary: "Confirmer qu'une offre est toujours d'actualité", params: offerIdParamsSchema, response: { 200: employerOfferSchema } },
  }, async (request) => toEmployerDto(await confirmOffer(deps, request.actor, request.params.id), clock.now()));

  app.get(routes.history.url, {
    schema: { tags, summary: "Historique des ouvertures et fermetures d'une offre", params: offerIdParamsSchema, response: { 200: z.array(statusChangeSchema) } },
  }, async (request) => {
    await offerToManage(deps.db, request.actor, request.params.id);
    return (await listStatusChanges(deps.db, request.params.id)).map((change) => ({
      ...change,
      reasonLabel: statusReasonLabels[change.reason],
      at: change.at.toISOString(),
    }));
  });

  // --- partners (read-only, API key) ---
  const partner = requireApiKey(deps, "offers:read");
  app.get(routes.partnerSearch.url, {
    preHandler: partner,
    schema: { tags: partnerTags, summary: "Rechercher des offres ouvertes (clé d'API, portée offers:read)", querystring: offerSearchQuerySchema, response: { 200: offerSearchResultSchema } },
  }, async (request) => runOfferSearch(deps, request.query));
  app.get(routes.partnerGet.url, {
    preHandler: partner,
    schema: { tags: partnerTags, summary: "Une offre (clé d'API, portée offers:read)", params: offerIdParamsSchema, response: { 200: offerSchema } },
  }, async (request) => {
    const offer = await findOffer(deps.db, request.params.id);
    if (!offer) throw notFound();
    return toOfferDto(offer);
  });
};
