// Job offers: publishing, editing, closing and reopening (each status change a
// row), for members of the owning employer organisation only; the place is a
// commune or an address geocoded offline.
import { systemClock } from "../accounts/accounts.deps.ts";
import { recordAudit } from "../authorization/audit.queries.ts";
import type { Actor } from "../authorization/authorization.domain.ts";
import { ensureAllowed } from "../authorization/authorization.guard.ts";
import type { Geocoder } from "../geocoder/geocoder.types.ts";
import { geocodeFailureLabels } from "../geocoder/geocoder.types.ts";
import { findOrganisation } from "../organisations/organisations.queries.ts";
import { kindLabel, type OrganisationKind } from "../organisations/organisations.domain.ts";
import { findAppellation } from "../rome/rome.queries.ts";
import { runInTransaction, type Executor } from "../server/transaction.ts";
import type { CreateOfferBody, UpdateOfferBody } from "./offers.contract.ts";
import type { OffersDeps } from "./offers.deps.ts";
import { allowedContractTypes, type CloseReason, contractTypeLabels, type ContractType, isContractTypeAllowed, offerSearchText } from "./offers.domain.ts";
import { offersError } from "./offers.errors.ts";
import {
  communeExists,
  communePosition,
  findOffer,
  insertOffer,
  lockOfferStatus,
  type Offer,
  type OfferValues,
  setOfferStatus,
  touchOffer,
  updateOffer,
} from "./offers.queries.ts";

const notFound = () => offersError("offer.not_found");

type Place = Pick<OfferValues, "communeInsee" | "addressLabel" | "lat" | "lon">;

/** An address is geocoded (its commune comes with it); a commune alone is placed at the centre of its addresses, when known. */
export const resolvePlace = async (db: Executor, geocoder: Geocoder, input: { communeInsee?: string; address?: string }): Promise<Place> => {
  if (input.address !== undefined) {
    const result = await geocoder.geocode({ full: input.address });
    if (!result.ok) throw offersError("offer.address_not_found", { reason: geocodeFailureLabels[result.reason].toLowerCase() });
    // A match at the commune level only places the offer in the commune.
    return { communeInsee: result.citycode, addressLabel: result.matchType === "municipality" ? null : result.label, lat: result.lat, lon: result.lon };
  }
  const code = input.communeInsee!;
  if (!(await communeExists(db, code))) throw offersError("offer.unknown_commune", { code });
  const position = await communePosition(db, code);
  return { communeInsee: code, addressLabel: null, lat: position?.lat ?? null, lon: position?.lon ?? null };
};

const checkContractType = (kind: string, contractType: string) => {
  if (isContractTypeAllowed(kind, contractType)) return;
  throw offersError("offer.contract_type_not_allowed", {
    label: contractTypeLabels[contractType as ContractType] ?? contractType,
    kind: kindLabel(kind as OrganisationKind) ?? kind,
    allowed: allowedContractTypes(kind).map((type) => contractTypeLabels[type]).join(", "),
  });
};

const appellationOf = async (db: Executor, code: string) => {
  const appellation = await findAppellation(db, code);
  if (!appellation) throw offersError("offer.unknown_appellation");
  return appellation;
};

export const createOffer = async (deps: OffersDeps, actor: Actor | null, organisationId: string, body: CreateOfferBody): Promise<Offer> => {
  ensureAllowed(actor, "create", "offer", { organisationIds: [organisationId] }, notFound);
  const organisation = await findOrganisation(deps.db, organisationId);
  if (!organisation) throw notFound();
  if (organisation.family !== "employer") throw offersError("offer.not_an_employer");
  checkContractType(organisation.kind, body.contractType);
  const appellation = await appellationOf(deps.db, body.appellationCode);
  const place = await resolvePlace(deps.db, deps.geocoder, body);
  const now = (deps.clock ?? systemClock).now();
  const values: OfferValues = {
    appellationCode: appellation.code,
    title: body.title,
    description: body.description,
    contractType: body.contractType,
    hoursPerWeek: body.hoursPerWeek,
    positions: body.positions,
    ...place,
    withoutCv: body.withoutCv,
    openToBeginners: body.openToBeginners,
    drivingLicenceRequired: body.drivingLicenceRequired,
    searchNorm: offerSearchText({ title: body.title, appellationLabel: appellation.label, romeLabel: appellation.romeLabel }),
  };
  const id = await runInTransaction(deps.db, async (tx) => {
    const created = await insertOffer(tx, { organisationId, values, byUserId: actor!.userId, now });
    await recordAudit(tx, { actorUserId: actor!.userId, organisationId, action: "offer.created", subjectType: "offer", subjectId: created, at: now });
    return created;
  });
  return (await findOffer(deps.db, id))!;
};

/** The offer, when the actor may change it; another organisation's offer answers 404. */
export const offerToManage = async (db: Executor, actor: Actor | null, id: string): Promise<Offer> => {
  const offer = await findOffer(db, id);
  if (!offer) {
    ensureAllowed(actor, "update", "offer", { organisationIds: [] }, notFound);
    throw notFound();
  }
  ensureAllowed(actor, "update", "offer", { organisationIds: [offer.organisationId] }, notFound);
  return offer;
};

export const editOffer = async (deps: OffersDeps, actor: Actor | null, id: string, body: UpdateOfferBody): Promise<Offer> => {
  const offer = await offerToManage(deps.db, actor, id);
  const kind = offer.employer.kind;
  const contractType = body.contractType ?? offer.contractType;
  if (body.contractType !== undefined) checkContractType(kind, contractType);
  const appellation = body.appellationCode !== undefined ? await appellationOf(deps.db, body.appellationCode) : { code: offer.appellation.code, label: offer.appellation.label, romeLabel: offer.appellation.romeLabel };
  const place: Place =
    body.address !== undefined || body.communeInsee !== undefined
      ? await resolvePlace(deps.db, deps.geocoder, body)
      : { communeInsee: offer.place.communeInsee, addressLabel: offer.place.addressLabel, lat: offer.place.lat, lon: offer.place.lon };
  const title = body.title ?? offer.title;
  const values: OfferValues = {
    appellationCode: appellation.code,
    title,
    description: body.description ?? offer.description,
    contractType,
    hoursPerWeek: body.hoursPerWeek ?? offer.hoursPerWeek,
    positions: body.positions ?? offer.positions,
    ...place,
    withoutCv: body.withoutCv ?? offer.withoutCv,
    openToBeginners: body.openToBeginners ?? offer.openToBeginners,
    drivingLicenceRequired: body.drivingLicenceRequired ?? offer.drivingLicenceRequired,
    searchNorm: offerSearchText({ title, appellationLabel: appellation.label, romeLabel: appellation.romeLabel }),
  };
  const now = (deps.clock ?? systemClock).now();
  await runInTransaction(deps.db, async (tx) => {
    await updateOffer(tx, id, values, now);
    await recordAudit(tx, {
      actorUserId: actor!.userId,
      organisationId: offer.organisationId,
      action: "offer.updated",
      subjectType: "offer",
      subjectId: id,
      details: { fields: Object.keys(body).sort().join(" ") },
      at: now,
    });
  });
  return (await findOffer(deps.db, id))!;
};

export const closeOffer = async (deps: OffersDeps, actor: Actor | null, id: string, input: { reason: CloseReason; comment?: string }): Promise<Offer> => {
  const offer = await offerToManage(deps.db, actor, id);
  const now = (deps.clock ?? systemClock).now();
  await runInTransaction(deps.db, async (tx) => {
    if ((await lockOfferStatus(tx, id)) !== "open") throw offersError("offer.already_closed");
    await setOfferStatus(tx, { offerId: id, status: "closed", reason: input.reason, comment: input.comment || null, byUserId: actor!.userId, at: now, touch: true });
    await recordAudit(tx, { actorUserId: actor!.userId, organisationId: offer.organisationId, action: "offer.closed", subjectType: "offer", subjectId: id, details: { reason: input.reason }, at: now });
  });
  return (await findOffer(deps.db, id))!;
};

export const reopenOffer = async (deps: OffersDeps, actor: Actor | null, id: string, input: { comment?: string }): Promise<Offer> => {
  const offer = await offerToManage(deps.db, actor, id);
  const now = (deps.clock ?? systemClock).now();
  await runInTransaction(deps.db, async (tx) => {
    if ((await lockOfferStatus(tx, id)) !== "closed") throw offersError("offer.already_open");
    await setOfferStatus(tx, { offerId: id, status: "open", reason: "reopened", comment: input.comment || null, byUserId: actor!.userId, at: now, touch: true });
    await recordAudit(tx, { actorUserId: actor!.userId, organisationId: offer.organisationId, action: "offer.reopened", subjectType: "offer", subjectId: id, at: now });
  });
  return (await findOffer(deps.db, id))!;
};

/** "Toujours d'actualité": resets the 60/90-day clock without changing anything else. */
export const confirmOffer = async (deps: OffersDeps, actor: Actor | null, id: string): Promise<Offer> => {
  const offer = await offerToManage(deps.db, actor, id);
  const now = (deps.clock ?? systemClock).now();
  await runInTransaction(deps.db, async (tx) => {
    if ((await lockOfferStatus(tx, id)) !== "open") throw offersError("offer.closed");
    await touchOffer(tx, id, now);
    await recordAudit(tx, { actorUserId: actor!.userId, organisationId: offer.organisationId, action: "offer.confirmed", subjectType: "offer", subjectId: id, at: now });
  });
  return (await findOffer(deps.db, id))!;
};
