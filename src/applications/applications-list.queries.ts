// Lists of applications: the employer's inbox (filters, keyset pagination,
// counts by state), the counsellor's "candidatures envoyées" and the
// candidate's "mes candidatures". One query per page, served by the
// (organisation, created_at desc, id desc) indexes.
import { sql } from "kysely";
import type { Executor } from "../server/transaction.ts";
import { type ApplicationState, type SenderKind } from "./application-states.domain.ts";
import { employerVisibilityCutoff } from "./application-deadlines.domain.ts";

export type ListScope =
  | { kind: "received"; organisationId: string; now: Date }
  | { kind: "sent"; organisationId: string }
  | { kind: "candidate"; candidateId: string };

export type ListFilters = {
  states?: ApplicationState[];
  offerId?: string;
  senderKind?: SenderKind;
  /** Calendar days (Europe/Paris), inclusive. */
  createdFrom?: string;
  createdTo?: string;
};

export type ListItem = {
  id: string;
  state: ApplicationState;
  senderKind: SenderKind;
  senderOrganisationName: string | null;
  employerOrganisationId: string;
  employerName: string;
  candidate: { id: string; firstName: string | null; lastName: string | null; anonymised: boolean };
  offer: { id: string; title: string } | null;
  hiringStartAt: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export type ListPage = { items: ListItem[]; nextCursor: string | null };

const encodeCursor = (createdAt: string, id: string) => Buffer.from(`${createdAt}|${id}`).toString("base64url");
const decodeCursor = (cursor: string): { createdAt: string; id: string } | null => {
  const [createdAt, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (!createdAt || !id || !/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(createdAt) || !/^[0-9a-f-]{36}$/.test(id)) return null;
  return { createdAt, id };
};
export const isValidCursor = (cursor: string): boolean => decodeCursor(cursor) !== null;

/** The applications of a scope, on `applications as a` alone (the other tables come in as scalar subqueries). */
const scoped = (db: Executor, scope: ListScope) => {
  const query = db.selectFrom("applications as a");
  if (scope.kind === "received") {
    const cutoff = employerVisibilityCutoff(scope.now);
    return query
      .where("a.employer_organisation_id", "=", scope.organisationId)
      .where((eb) => eb.or([eb("a.created_at", ">=", cutoff), eb("a.state", "=", "accepted")]));
  }
  if (scope.kind === "sent") return query.where("a.sender_organisation_id", "=", scope.organisationId);
  return query.where("a.candidate_id", "=", scope.candidateId);
};

// Names and titles are scalar subqueries rather than joins: the same index lookups for the page's rows,
// but PostgreSQL plans them in a fraction of the time of a five-table join (a third of the inbox's
// database time in the platform bench).
export const listApplications = async (db: Executor, scope: ListScope, filters: ListFilters, page: { limit: number; cursor?: string }): Promise<ListPage> => {
  let query = scoped(db, scope)
    .innerJoin("candidates as c", "c.id", "a.candidate_id")
    .select((eb) => [
      "a.id",
      "a.state",
      "a.sender_kind",
      eb.selectFrom("organisations as s").select("s.name").whereRef("s.id", "=", "a.sender_organisation_id").as("sender_organisation_name"),
      "a.employer_organisation_id",
      eb.selectFrom("organisations as e").select("e.name").whereRef("e.id", "=", "a.employer_organisation_id").as("employer_name"),
      "c.id as candidate_id",
      "c.first_name",
      "c.last_name",
      "c.anonymised_at",
      "a.offer_id",
      eb.selectFrom("offers as o").select("o.title").whereRef("o.id", "=", "a.offer_id").as("offer_title"),
      sql<string | null>`to_char(a.hiring_start_at, 'YYYY-MM-DD')`.as("hiring_start_at"),
      sql<string>`to_char(a.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as("cursor_at"),
      "a.created_at",
      "a.updated_at",
    ]);
  if (filters.states?.length) query = query.where("a.state", "in", filters.states);
  if (filters.offerId) query = query.where("a.offer_id", "=", filters.offerId);
  if (filters.senderKind) query = query.where("a.sender_kind", "=", filters.senderKind);
  if (filters.createdFrom) query = query.where("a.created_at", ">=", sql<Date>`(${filters.createdFrom}::date::timestamp at time zone 'Europe/Paris')`);
  if (filters.createdTo) query = query.where("a.created_at", "<", sql<Date>`((${filters.createdTo}::date + 1)::timestamp at time zone 'Europe/Paris')`);
  const cursor = page.cursor ? decodeCursor(page.cursor) : null;
  if (cursor) {
    query = query.where((eb) => eb(eb.refTuple("a.created_at", "a.id"), "<", eb.tuple(sql<Date>`${cursor.createdAt}::timestamptz`, sql<string>`${cursor.id}::uuid`)));
  }
  const rows = await query.orderBy("a.created_at", "desc").orderBy("a.id", "desc").limit(page.limit + 1).execute();
  const items = rows.slice(0, page.limit).map((r) => ({
    id: r.id,
    state: r.state as ApplicationState,
    senderKind: r.sender_kind,
    senderOrganisationName: r.sender_organisation_name,
    employerOrganisationId: r.employer_organisation_id,
    employerName: r.employer_name ?? "",
    candidate: { id: r.candidate_id, firstName: r.first_name, lastName: r.last_name, anonymised: r.anonymised_at !== null },
    offer: r.offer_id && r.offer_title ? { id: r.offer_id, title: r.offer_title } : null,
    hiringStartAt: r.hiring_start_at,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
  }));
  const last = rows[page.limit - 1];
  return { items, nextCursor: rows.length > page.limit && last ? encodeCursor(last.cursor_at, last.id) : null };
};

/** Counts by state within the scope (tabs of the inbox), ignoring the other filters. */
// On applications alone: the joins of the list add no row (foreign keys) but made
// PostgreSQL read every candidate and offer for a large inbox (platform bench).
export const countByState = async (db: Executor, scope: ListScope): Promise<Partial<Record<ApplicationState, number>>> => {
  const rows = await scoped(db, scope).select(["a.state", (eb) => eb.fn.countAll<number>().as("count")]).groupBy("a.state").execute();
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.count)]));
};

/** What an employer, a counsellor or the candidate sees of the person, through the application. */
export type SharedCandidate = {
  id: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  birthYear: number | null;
  communeInsee: string | null;
  postcode: string | null;
  anonymised: boolean;
};

export const sharedCandidate = async (db: Executor, candidateId: string): Promise<SharedCandidate | null> => {
  const row = await db
    .selectFrom("candidates")
    .select(["id", "first_name", "last_name", "email", "phone", "birth_year", "commune_insee", "postcode", "anonymised_at"])
    .where("id", "=", candidateId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    phone: row.phone,
    birthYear: row.birth_year,
    communeInsee: row.commune_insee,
    postcode: row.postcode,
    anonymised: row.anonymised_at !== null,
  };
};

export const organisationNames = async (db: Executor, ids: (string | null)[]): Promise<Map<string, string>> => {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom("organisations").select(["id", "name"]).where("id", "in", wanted).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
};

/** A person whose direct hire the employer may record: what its applications already share of her, no more. */
export type HireableCandidate = { id: string; firstName: string | null; lastName: string | null; postcode: string | null; recordedByEmployer: boolean };

/**
 * The people an employer may record a direct hire for: those its organisation registered, and those who applied
 * to it (applications it still sees: 730 days, accepted ones always). Not anonymised; by name, `q` matching
 * words of the first or last name; `candidateId` narrows to one person.
 */
export const listHireableCandidates = async (
  db: Executor,
  scope: { organisationId: string; now: Date },
  filters: { q?: string; candidateId?: string; limit: number },
): Promise<{ items: HireableCandidate[]; total: number }> => {
  const cutoff = employerVisibilityCutoff(scope.now);
  let query = db
    .selectFrom("candidates as c")
    .where("c.anonymised_at", "is", null)
    .where((eb) =>
      eb("c.id", "in", (inner) =>
        inner
          .selectFrom("applications as a")
          .select("a.candidate_id as id")
          .where("a.employer_organisation_id", "=", scope.organisationId)
          .where((w) => w.or([w("a.created_at", ">=", cutoff), w("a.state", "=", "accepted")]))
          .union(inner.selectFrom("candidates as r").select("r.id").where("r.created_by_organisation_id", "=", scope.organisationId)),
      ),
    );
  if (filters.candidateId) query = query.where("c.id", "=", filters.candidateId);
  for (const word of (filters.q ?? "").split(/\s+/).filter(Boolean).slice(0, 5)) {
    const pattern = `%${word.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    query = query.where((eb) => eb.or([eb(sql`unaccent(c.first_name)`, "ilike", sql`unaccent(${pattern})`), eb(sql`unaccent(c.last_name)`, "ilike", sql`unaccent(${pattern})`)]));
  }
  const total = Number((await query.select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
  const rows = await query
    .select(["c.id", "c.first_name", "c.last_name", "c.postcode", "c.created_by_organisation_id"])
    .orderBy("c.last_name")
    .orderBy("c.first_name")
    .orderBy("c.id")
    .limit(filters.limit)
    .execute();
  return {
    total,
    items: rows.map((r) => ({ id: r.id, firstName: r.first_name, lastName: r.last_name, postcode: r.postcode, recordedByEmployer: r.created_by_organisation_id === scope.organisationId })),
  };
};
