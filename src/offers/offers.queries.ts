// Job offers: rows ↔ domain, the public search (keywords, appellation, radius
// with the earthdistance index), the employer directory, the status log.
import { type RawBuilder, sql } from "kysely";
import type { OrganisationKind } from "../organisations/organisations.domain.ts";
import { kindLabel } from "../organisations/organisations.domain.ts";
import { likeEscape } from "../rome/rome.domain.ts";
import type { OfferStatusChangesTable } from "../server/db.types.ts";
import type { Executor } from "../server/transaction.ts";
import { type ContractType, contractTypeLabels, searchWords, type StatusReason } from "./offers.domain.ts";

export type Offer = {
  id: string;
  organisationId: string;
  status: "open" | "closed";
  title: string;
  description: string;
  appellation: { code: string; label: string; romeCode: string; romeLabel: string };
  contractType: string;
  contractTypeLabel: string;
  hoursPerWeek: number;
  positions: number;
  withoutCv: boolean;
  openToBeginners: boolean;
  drivingLicenceRequired: boolean;
  place: { communeInsee: string; communeName: string; addressLabel: string | null; lat: number | null; lon: number | null };
  employer: { id: string; name: string; kind: string; kindLabel: string };
  createdAt: Date;
  updatedAt: Date;
  staleNotifiedAt: Date | null;
  distanceKm: number | null;
};

type OfferRow = {
  id: string; organisation_id: string; status: "open" | "closed"; title: string; description: string;
  appellation_code: string; appellation_label: string; rome_code: string; rome_label: string;
  contract_type: string; hours_per_week: number; positions: number; without_cv: boolean; open_to_beginners: boolean;
  driving_licence_required: boolean; commune_insee: string; commune_name: string | null; address_label: string | null;
  lat: number | null; lon: number | null; organisation_name: string; organisation_kind: string;
  created_at: Date | string; updated_at: Date | string; stale_notified_at: Date | string | null; distance_km: number | null;
};

const toDate = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));

const toOffer = (row: OfferRow): Offer => ({
  id: row.id,
  organisationId: row.organisation_id,
  status: row.status,
  title: row.title,
  description: row.description,
  appellation: { code: row.appellation_code, label: row.appellation_label, romeCode: row.rome_code, romeLabel: row.rome_label },
  contractType: row.contract_type,
  contractTypeLabel: contractTypeLabels[row.contract_type as ContractType] ?? row.contract_type,
  hoursPerWeek: Number(row.hours_per_week),
  positions: Number(row.positions),
  withoutCv: row.without_cv,
  openToBeginners: row.open_to_beginners,
  drivingLicenceRequired: row.driving_licence_required,
  place: { communeInsee: row.commune_insee, communeName: row.commune_name ?? row.commune_insee, addressLabel: row.address_label, lat: row.lat, lon: row.lon },
  employer: { id: row.organisation_id, name: row.organisation_name, kind: row.organisation_kind, kindLabel: kindLabel(row.organisation_kind as OrganisationKind) ?? row.organisation_kind },
  createdAt: toDate(row.created_at),
  updatedAt: toDate(row.updated_at),
  staleNotifiedAt: row.stale_notified_at ? toDate(row.stale_notified_at) : null,
  distanceKm: row.distance_km === null || row.distance_km === undefined ? null : Math.round(Number(row.distance_km) * 10) / 10,
});

const selectOffers = (distance: RawBuilder<unknown>, extra: RawBuilder<unknown> = sql``) => sql`
  select o.id, o.organisation_id, o.status, o.title, o.description, o.appellation_code, a.label as appellation_label,
         f.code as rome_code, f.label as rome_label, o.contract_type, o.hours_per_week, o.positions, o.without_cv,
         o.open_to_beginners, o.driving_licence_required, o.commune_insee, c.nom as commune_name, o.address_label, o.lat, o.lon,
         org.name as organisation_name, org.kind as organisation_kind, o.created_at, o.updated_at, o.stale_notified_at,
         ${distance} as distance_km ${extra}
  from offers o
  join rome_appellations a on a.code = o.appellation_code
  join rome_fiches f on f.code = a.rome_code
  join organisations org on org.id = o.organisation_id
  left join communes c on c.code_insee = o.commune_insee and c.type in ('commune-actuelle', 'arrondissement-municipal')`;

export const findOffer = async (db: Executor, id: string): Promise<Offer | null> => {
  const { rows } = await sql<OfferRow>`${selectOffers(sql`null::float8`)} where o.id = ${id}`.execute(db);
  return rows[0] ? toOffer(rows[0]) : null;
};

export const listOrganisationOffers = async (db: Executor, organisationId: string): Promise<Offer[]> => {
  const { rows } = await sql<OfferRow>`${selectOffers(sql`null::float8`)}
    where o.organisation_id = ${organisationId} order by o.status desc, o.updated_at desc limit 1000`.execute(db);
  return rows.map(toOffer);
};

export type OfferSearch = {
  words: string[];
  appellationCode?: string;
  centre?: { lat: number; lon: number; radiusKm: number };
  contractTypes?: string[];
  structureKinds?: string[];
  employerId?: string;
  withoutCv?: boolean;
  openToBeginners?: boolean;
  page: number;
  perPage: number;
};

/** Open offers matching every criterion; nearest first around a centre, else most recently updated. */
export const searchOffers = async (db: Executor, search: OfferSearch): Promise<{ total: number; offers: Offer[] }> => {
  const conditions: RawBuilder<unknown>[] = [sql`o.status = 'open'`];
  for (const word of search.words) conditions.push(sql`o.search_norm like ${`%${likeEscape(word)}%`}`);
  if (search.appellationCode) conditions.push(sql`o.appellation_code = ${search.appellationCode}`);
  if (search.contractTypes?.length) conditions.push(sql`o.contract_type = any(${search.contractTypes}::text[])`);
  if (search.structureKinds?.length) conditions.push(sql`org.kind = any(${search.structureKinds}::text[])`);
  if (search.employerId) conditions.push(sql`o.organisation_id = ${search.employerId}`);
  if (search.withoutCv !== undefined) conditions.push(sql`o.without_cv = ${search.withoutCv}`);
  if (search.openToBeginners !== undefined) conditions.push(sql`o.open_to_beginners = ${search.openToBeginners}`);
  let distance: RawBuilder<unknown> = sql`null::float8`;
  let order: RawBuilder<unknown> = sql`o.updated_at desc, o.id`;
  if (search.centre) {
    const { lat, lon, radiusKm } = search.centre;
    const centre = sql`ll_to_earth(${lat}::float8, ${lon}::float8)`;
    const metres = radiusKm * 1000;
    distance = sql`(earth_distance(${centre}, ll_to_earth(o.lat, o.lon)) / 1000)`;
    // The box uses the GiST index; the exact distance trims its corners. With an
    // appellation, its index is far more selective, but the planner estimates any
    // box at a handful of rows and would pick the GiST one (18,000 rows read for 70
    // in a dense city, platform bench): the box is left out so that it cannot.
    conditions.push(sql`o.lat is not null`);
    if (!search.appellationCode) conditions.push(sql`earth_box(${centre}, ${metres}::float8) @> ll_to_earth(o.lat, o.lon)`);
    conditions.push(sql`earth_distance(${centre}, ll_to_earth(o.lat, o.lon)) <= ${metres}::float8`);
    order = sql`distance_km, o.updated_at desc, o.id`;
  }
  const where = sql.join(conditions, sql` and `);
  const { rows } = await sql<OfferRow & { total: number }>`${selectOffers(distance, sql`, count(*) over () as total`)}
    where ${where} order by ${order} limit ${search.perPage} offset ${(search.page - 1) * search.perPage}`.execute(db);
  let total = rows.length ? Number(rows[0].total) : 0;
  if (!rows.length && search.page > 1) {
    const { rows: counted } = await sql<{ n: number }>`select count(*) as n from offers o join organisations org on org.id = o.organisation_id where ${where}`.execute(db);
    total = Number(counted[0]?.n ?? 0);
  }
  return { total, offers: rows.map(toOffer) };
};

/** Position of a commune: centre of its BAN addresses (of its arrondissements for Paris, Lyon, Marseille); null when unknown. */
export const communePosition = async (db: Executor, code: string): Promise<{ lat: number; lon: number } | null> => {
  const { rows } = await sql<{ lat: number | null; lon: number | null }>`
    select avg(b.lat) as lat, avg(b.lon) as lon from ban_communes b
    where b.code_insee = ${code}
       or b.code_insee in (select code_insee from communes where commune_parente = ${code} and type = 'arrondissement-municipal')`.execute(db);
  const row = rows[0];
  return row && row.lat !== null && row.lon !== null ? { lat: Number(row.lat), lon: Number(row.lon) } : null;
};

export const communeExists = async (db: Executor, code: string): Promise<boolean> => {
  const row = await db.selectFrom("communes").select("code_insee").where("code_insee", "=", code)
    .where("type", "in", ["commune-actuelle", "arrondissement-municipal"]).executeTakeFirst();
  return row !== undefined;
};

export type OfferValues = {
  appellationCode: string;
  title: string;
  description: string;
  contractType: string;
  hoursPerWeek: number;
  positions: number;
  communeInsee: string;
  addressLabel: string | null;
  lat: number | null;
  lon: number | null;
  withoutCv: boolean;
  openToBeginners: boolean;
  drivingLicenceRequired: boolean;
  searchNorm: string;
};

const columnsOf = (values: OfferValues) => ({
  appellation_code: values.appellationCode,
  title: values.title,
  description: values.description,
  contract_type: values.contractType,
  hours_per_week: values.hoursPerWeek,
  positions: values.positions,
  commune_insee: values.communeInsee,
  address_label: values.addressLabel,
  lat: values.lat,
  lon: values.lon,
  without_cv: values.withoutCv,
  open_to_beginners: values.openToBeginners,
  driving_licence_required: values.drivingLicenceRequired,
  search_norm: values.searchNorm,
});

export const insertOffer = async (tx: Executor, input: { organisationId: string; values: OfferValues; byUserId: string; now: Date }): Promise<string> => {
  const row = await tx
    .insertInto("offers")
    .values({ ...columnsOf(input.values), organisation_id: input.organisationId, created_by: input.byUserId, created_at: input.now, updated_at: input.now, status: "open" })
    .returning("id")
    .executeTakeFirstOrThrow();
  await insertStatusChange(tx, { offerId: row.id, status: "open", reason: "created", comment: null, byUserId: input.byUserId, at: input.now });
  return row.id;
};

export const updateOffer = async (tx: Executor, id: string, values: OfferValues, now: Date): Promise<void> => {
  await tx.updateTable("offers").set({ ...columnsOf(values), updated_at: now }).where("id", "=", id).execute();
};

/** The offer is still current: resets its staleness. */
export const touchOffer = async (tx: Executor, id: string, now: Date): Promise<void> => {
  await tx.updateTable("offers").set({ updated_at: now }).where("id", "=", id).execute();
};

/** Locks the offer row and answers its current status (serialises concurrent status changes). */
export const lockOfferStatus = async (tx: Executor, id: string): Promise<"open" | "closed" | null> => {
  const { rows } = await sql<{ status: "open" | "closed" }>`select status from offers where id = ${id} for update`.execute(tx);
  return rows[0]?.status ?? null;
};

export const setOfferStatus = async (
  tx: Executor,
  input: { offerId: string; status: "open" | "closed"; reason: StatusReason; comment: string | null; byUserId: string | null; at: Date; touch: boolean },
): Promise<void> => {
  await tx.updateTable("offers").set(input.touch ? { status: input.status, updated_at: input.at } : { status: input.status }).where("id", "=", input.offerId).execute();
  await insertStatusChange(tx, input);
};

const insertStatusChange = async (
  tx: Executor,
  input: { offerId: string; status: OfferStatusChangesTable["status"]; reason: StatusReason; comment: string | null; byUserId: string | null; at: Date },
) => {
  await tx
    .insertInto("offer_status_changes")
    .values({ offer_id: input.offerId, status: input.status, reason: input.reason, comment: input.comment, by_user_id: input.byUserId, at: input.at })
    .execute();
};

export type StatusChange = { status: "open" | "closed"; reason: StatusReason; comment: string | null; byUserId: string | null; byName: string | null; at: Date };

export const listStatusChanges = async (db: Executor, offerId: string): Promise<StatusChange[]> => {
  const rows = await db
    .selectFrom("offer_status_changes as s")
    .leftJoin("users as u", "u.id", "s.by_user_id")
    .select(["s.status", "s.reason", "s.comment", "s.by_user_id", "u.name", "s.at"])
    .where("s.offer_id", "=", offerId)
    .orderBy("s.id")
    .execute();
  return rows.map((row) => ({ status: row.status, reason: row.reason, comment: row.comment, byUserId: row.by_user_id, byName: row.name, at: row.at }));
};

export type DirectoryEntry = { id: string; name: string; kind: string; kindLabel: string; openOffers: number; communes: string[] };

/** Employers with at least one open offer, by name. */
export const listEmployersWithOpenOffers = async (
  db: Executor,
  filter: { words: string[]; structureKinds?: string[]; page: number; perPage: number },
): Promise<{ total: number; employers: DirectoryEntry[] }> => {
  const conditions: RawBuilder<unknown>[] = [sql`o.status = 'open'`];
  for (const word of filter.words) conditions.push(sql`unaccent(lower(org.name)) like ${`%${likeEscape(word)}%`}`);
  if (filter.structureKinds?.length) conditions.push(sql`org.kind = any(${filter.structureKinds}::text[])`);
  const { rows } = await sql<{ id: string; name: string; kind: string; open_offers: number; communes: string[]; total: number }>`
    select org.id, org.name, org.kind, count(*) as open_offers,
           (array_agg(distinct coalesce(c.nom, o.commune_insee)))[1:5] as communes, count(*) over () as total
    from offers o
    join organisations org on org.id = o.organisation_id
    left join communes c on c.code_insee = o.commune_insee and c.type in ('commune-actuelle', 'arrondissement-municipal')
    where ${sql.join(conditions, sql` and `)}
    group by org.id, org.name, org.kind
    order by org.name, org.id
    limit ${filter.perPage} offset ${(filter.page - 1) * filter.perPage}`.execute(db);
  return {
    total: rows.length ? Number(rows[0].total) : 0,
    employers: rows.map((row) => ({
      id: row.id,
      name: row.name,
      kind: row.kind,
      kindLabel: kindLabel(row.kind as OrganisationKind) ?? row.kind,
      openOffers: Number(row.open_offers),
      communes: row.communes,
    })),
  };
};

export { searchWords };
