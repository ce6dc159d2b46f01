// Calls to the offers and ROME API, validated by their contracts.
import { z } from "zod";
import {
  type CreateOfferBody,
  type UpdateOfferBody,
  closeOfferBodySchema,
  contractTypesSchema,
  employerDirectorySchema,
  employerOfferSchema,
  offerSchema,
  offerSearchResultSchema,
  offersRoutes,
  statusChangeSchema,
} from "../../offers/offers.contract.ts";
import { appellationSchema, romeRoutes } from "../../rome/rome.contract.ts";
import { communeHitSchema, geoRoutes } from "../../geo/geo.contract.ts";
import { fillPath, getJson, sendJson, withQuery } from "../api/client.ts";

export type SearchParams = Record<string, string | number | undefined>;

export const searchOffers = (query: SearchParams, signal?: AbortSignal) => getJson(withQuery(offersRoutes.search.url, query), offerSearchResultSchema, signal);

export const fetchOffer = (id: string, signal?: AbortSignal) => getJson(fillPath(offersRoutes.get.url, { id }), offerSchema, signal);

export const listEmployers = (query: SearchParams, signal?: AbortSignal) => getJson(withQuery(offersRoutes.employers.url, query), employerDirectorySchema, signal);

export const searchAppellations = (q: string, signal?: AbortSignal) =>
  getJson(withQuery(romeRoutes.appellations.url, { q, limit: 10 }), z.array(appellationSchema), signal);

export const searchCommunes = (q: string, signal?: AbortSignal) =>
  getJson(withQuery(geoRoutes.communes.url, { q, limit: 8 }), z.array(communeHitSchema), signal);

export const fetchMyOffers = (organisationId: string, signal?: AbortSignal) =>
  getJson(fillPath(offersRoutes.listMine.url, { id: organisationId }), z.array(employerOfferSchema), signal);

export const fetchContractTypes = (organisationId: string, signal?: AbortSignal) =>
  getJson(fillPath(offersRoutes.contractTypes.url, { id: organisationId }), contractTypesSchema, signal);

export const fetchOfferHistory = (id: string, signal?: AbortSignal) => getJson(fillPath(offersRoutes.history.url, { id }), z.array(statusChangeSchema), signal);

// --- the employer's own offers (writes; the CSRF header is added by the client) ---

export const createOffer = (organisationId: string, body: CreateOfferBody, signal?: AbortSignal) =>
  sendJson("POST", fillPath(offersRoutes.create.url, { id: organisationId }), body, employerOfferSchema, signal);

export const updateOffer = (id: string, body: UpdateOfferBody, signal?: AbortSignal) =>
  sendJson("PATCH", fillPath(offersRoutes.update.url, { id }), body, employerOfferSchema, signal);

export type CloseOfferBody = z.infer<typeof closeOfferBodySchema>;

export const closeOffer = (id: string, body: CloseOfferBody, signal?: AbortSignal) =>
  sendJson("POST", fillPath(offersRoutes.close.url, { id }), body, employerOfferSchema, signal);

export const reopenOffer = (id: string, signal?: AbortSignal) => sendJson("POST", fillPath(offersRoutes.reopen.url, { id }), {}, employerOfferSchema, signal);

/** "Toujours d'actualité": restarts the 60/90-day clock without changing the offer. */
export const confirmOffer = (id: string, signal?: AbortSignal) => sendJson("POST", fillPath(offersRoutes.confirm.url, { id }), undefined, employerOfferSchema, signal);
