// Kysely reads and writes of applications, their transition log, messages and
// notification settings. Hire dates are read as "YYYY-MM-DD" text (never a JS
// Date, which would shift the calendar day with the time zone).
import { sql } from "kysely";
import type { Executor } from "../server/transaction.ts";
import type { NotificationKind, NotificationSettings } from "./application-notifications.domain.ts";
import type { ApplicationSnapshot, ApplicationState, RefusalReason, SenderKind, TransitionEntry } from "./application-states.domain.ts";

export type ApplicationRow = {
  id: string;
  candidateId: string;
  candidateUserId: string | null;
  offerId: string | null;
  employerOrganisationId: string;
  employerKind: string;
  senderKind: SenderKind;
  senderUserId: string | null;
  senderOrganisationId: string | null;
  message: string;
  state: ApplicationState;
  refusalReason: RefusalReason | null;
  refusalReasonShared: boolean | null;
  hiringStartAt: string | null;
  hiringEndAt: string | null;
  createdAt: Date;
  updatedAt: Date;
};

const day = (column: string) => sql<string | null>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

const applicationColumns = (qb: Executor) =>
  qb
    .selectFrom("applications as a")
    .innerJoin("organisations as e", "e.id", "a.employer_organisation_id")
    .innerJoin("candidates as c", "c.id", "a.candidate_id")
    .select([
      "a.id",
      "a.candidate_id",
      "c.user_id as candidate_user_id",
      "a.offer_id",
      "a.employer_organisation_id",
      "e.kind as employer_kind",
      "a.sender_kind",
      "a.sender_user_id",
      "a.sender_organisation_id",
      "a.message",
      "a.state",
      "a.refusal_reason",
      "a.refusal_reason_shared",
      day("a.hiring_start_at").as("hiring_start_at"),
      day("a.hiring_end_at").as("hiring_end_at"),
      "a.created_at",
      "a.updated_at",
    ]);

type Row = {
  id: string;
  candidate_id: string;
  candidate_user_id: string | null;
  offer_id: string | null;
  employer_organisation_id: string;
  employer_kind: string;
  sender_kind: SenderKind;
  sender_user_id: string | null;
  sender_organisation_id: string | null;
  message: string;
  state: string;
  refusal_reason: string | null;
  refusal_reason_shared: boolean | null;
  hiring_start_at: string | null;
  hiring_end_at: string | null;
  created_at: Date;
  updated_at: Date;
};

const toApplication = (row: Row): ApplicationRow => ({
  id: row.id,
  candidateId: row.candidate_id,
  candidateUserId: row.candidate_user_id,
  offerId: row.offer_id,
  employerOrganisationId: row.employer_organisation_id,
  employerKind: row.employer_kind,
  senderKind: row.sender_kind,
  senderUserId: row.sender_user_id,
  senderOrganisationId: row.sender_organisation_id,
  message: row.message,
  state: row.state as ApplicationState,
  refusalReason: row.refusal_reason as RefusalReason | null,
  refusalReasonShared: row.refusal_reason_shared,
  hiringStartAt: row.hiring_start_at,
  hiringEndAt: row.hiring_end_at,
  createdAt: new Date(row.created_at),
  updatedAt: new Date(row.updated_at),
});

export const snapshotOf = (application: ApplicationRow): ApplicationSnapshot => ({
  state: application.state,
  senderKind: application.senderKind,
  hiringStartAt: application.hiringStartAt,
  hiringEndAt: application.hiringEndAt,
  refusalReason: application.refusalReason,
});

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

export const findApplication = async (db: Executor, id: string): Promise<ApplicationRow | null> => {
  if (!isUuid(id)) return null;
  const row = await applicationColumns(db).where("a.id", "=", id).executeTakeFirst();
  return row ? toApplication(row as Row) : null;
};

/** Locks the application row for the rest of the transaction (transitions are serialised per application). */
export const lockApplication = async (tx: Executor, id: string): Promise<ApplicationRow | null> => {
  if (!isUuid(id)) return null;
  const locked = await tx.selectFrom("applications").select("id").where("id", "=", id).forUpdate().executeTakeFirst();
  return locked ? findApplication(tx, id) : null;
};

/** Prescriber organisations that follow the candidate ("mes candidats"). */
export const followersOf = async (db: Executor, candidateId: string): Promise<string[]> =>
  (await db.selectFrom("candidate_followers").select("organisation_id").where("candidate_id", "=", candidateId).execute()).map((r) => r.organisation_id);

export type CandidateRef = { id: string; userId: string | null; email: string | null; createdByOrganisationId: string | null; anonymised: boolean };

export const findCandidateRef = async (db: Executor, candidateId: string): Promise<CandidateRef | null> => {
  if (!isUuid(candidateId)) return null;
  const row = await db
    .selectFrom("candidates")
    .select(["id", "user_id", "email", "created_by_organisation_id", "anonymised_at"])
    .where("id", "=", candidateId)
    .executeTakeFirst();
  return row
    ? { id: row.id, userId: row.user_id, email: row.email, createdByOrganisationId: row.created_by_organisation_id, anonymised: row.anonymised_at !== null }
    : null;
};

export const findCandidateOfUser = async (db: Executor, userId: string): Promise<CandidateRef | null> => {
  const row = await db.selectFrom("candidates").select("id").where("user_id", "=", userId).where("anonymised_at", "is", null).executeTakeFirst();
  return row ? findCandidateRef(db, row.id) : null;
};

export const findOfferRef = async (db: Executor, offerId: string): Promise<{ id: string; organisationId: string; status: string; title: string; withoutCv: boolean } | null> => {
  if (!isUuid(offerId)) return null;
  const row = await db.selectFrom("offers").select(["id", "organisation_id", "status", "title", "without_cv"]).where("id", "=", offerId).executeTakeFirst();
  return row ? { id: row.id, organisationId: row.organisation_id, status: row.status, title: row.title, withoutCv: row.without_cv } : null;
};

export const findOrganisationRef = async (db: Executor, id: string): Promise<{ id: string; family: string; kind: string; name: string } | null> => {
  if (!isUuid(id)) return null;
  return (await db.selectFrom("organisations").select(["id", "family", "kind", "name"]).where("id", "=", id).executeTakeFirst()) ?? null;
};

/** States of the person's applications to the same offer (or the same employer's spontaneous slot). */
export const statesToSameOffer = async (
  db: Executor,
  target: { candidateId: string; employerOrganisationId: string; offerId: string | null; exceptId?: string },
): Promise<ApplicationState[]> => {
  let query = db
    .selectFrom("applications")
    .select("state")
    .where("candidate_id", "=", target.candidateId)
    .where("employer_organisation_id", "=", target.employerOrganisationId)
    .where((eb) => (target.offerId ? eb("offer_id", "=", target.offerId) : eb("offer_id", "is", null)));
  if (target.exceptId) query = query.where("id", "<>", target.exceptId);
  return (await query.execute()).map((r) => r.state as ApplicationState);
};

export const insertApplication = async (
  tx: Executor,
  input: {
    candidateId: string;
    offerId: string | null;
    employerOrganisationId: string;
    senderKind: SenderKind;
    senderUserId: string;
    senderOrganisationId: string | null;
    message: string;
    now: Date;
  },
): Promise<string> => {
  const row = await tx
    .insertInto("applications")
    .values({
      candidate_id: input.candidateId,
      offer_id: input.offerId,
      employer_organisation_id: input.employerOrganisationId,
      sender_kind: input.senderKind,
      sender_user_id: input.senderUserId,
      sender_organisation_id: input.senderOrganisationId,
      message: input.message,
      created_at: input.now,
      updated_at: input.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
};

/** Moves the projection and appends the log row, in the caller's transaction. */
export const saveTransition = async (
  tx: Executor,
  id: string,
  next: ApplicationSnapshot,
  entry: TransitionEntry,
  by: { userId: string | null; organisationId: string | null },
  at: Date,
): Promise<void> => {
  await tx
    .updateTable("applications")
    .set({
      state: next.state,
      refusal_reason: next.refusalReason,
      refusal_reason_shared: next.state === "refused" ? entry.reasonSharedWithCandidate : null,
      hiring_start_at: next.hiringStartAt,
      hiring_end_at: next.hiringEndAt,
      updated_at: at,
    })
    .where("id", "=", id)
    .execute();
  await tx
    .insertInto("application_transitions")
    .values({
      application_id: id,
      transition: entry.transition,
      from_state: entry.from,
      to_state: entry.to,
      actor_kind: entry.actor === "system" ? "system" : "employer",
      by_user_id: entry.actor === "system" ? null : by.userId,
      by_organisation_id: entry.actor === "system" ? null : by.organisationId,
      at,
      refusal_reason: entry.refusalReason,
      refusal_reason_shared: entry.reasonSharedWithCandidate,
      answer_to_candidate: entry.answerToCandidate,
      answer_to_sender: entry.answerToSender,
      hiring_start_at: entry.hiringStartAt,
      hiring_end_at: entry.hiringEndAt,
    })
    .execute();
};

export const updateHiringDates = async (tx: Executor, id: string, start: string, end: string | null, at: Date): Promise<void> => {
  await tx.updateTable("applications").set({ hiring_start_at: start, hiring_end_at: end, updated_at: at }).where("id", "=", id).execute();
};

/** The person's other applications, locked, to render obsolete on hire. */
export const lockOtherApplicationsOfCandidate = async (tx: Executor, candidateId: string, exceptId: string): Promise<{ id: string; state: ApplicationState }[]> =>
  (
    await tx
      .selectFrom("applications")
      .select(["id", "state"])
      .where("candidate_id", "=", candidateId)
      .where("id", "<>", exceptId)
      .orderBy("id")
      .forUpdate()
      .execute()
  ).map((r) => ({ id: r.id, state: r.state as ApplicationState }));

export type TransitionRecord = TransitionEntry & { id: number; at: Date; byUserId: string | null; byUserName: string | null; byOrganisationId: string | null };

export const listTransitions = async (db: Executor, applicationId: string): Promise<TransitionRecord[]> => {
  const rows = await db
    .selectFrom("application_transitions as t")
    .leftJoin("users as u", "u.id", "t.by_user_id")
    .select([
      "t.id",
      "t.transition",
      "t.from_state",
      "t.to_state",
      "t.actor_kind",
      "t.by_user_id",
      "u.name as by_user_name",
      "t.by_organisation_id",
      "t.at",
      "t.refusal_reason",
      "t.refusal_reason_shared",
      "t.answer_to_candidate",
      "t.answer_to_sender",
      day("t.hiring_start_at").as("hiring_start_at"),
      day("t.hiring_end_at").as("hiring_end_at"),
    ])
    .where("t.application_id", "=", applicationId)
    .orderBy("t.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    transition: r.transition as TransitionEntry["transition"],
    from: r.from_state as ApplicationState,
    to: r.to_state as ApplicationState,
    actor: r.actor_kind,
    byUserId: r.by_user_id,
    byUserName: r.by_user_name,
    byOrganisationId: r.by_organisation_id,
    at: new Date(r.at),
    refusalReason: r.refusal_reason as RefusalReason | null,
    reasonSharedWithCandidate: r.refusal_reason_shared,
    answerToCandidate: r.answer_to_candidate,
    answerToSender: r.answer_to_sender,
    hiringStartAt: r.hiring_start_at,
    hiringEndAt: r.hiring_end_at,
  }));
};

export type MessageRecord = { id: number; authorSide: "employer" | "prescriber"; authorName: string | null; authorOrganisationName: string | null; body: string; createdAt: Date };

export const listMessages = async (db: Executor, applicationId: string): Promise<MessageRecord[]> => {
  const rows = await db
    .selectFrom("application_messages as m")
    .leftJoin("users as u", "u.id", "m.author_user_id")
    .leftJoin("organisations as o", "o.id", "m.author_organisation_id")
    .select(["m.id", "m.author_side", "u.name as author_name", "o.name as organisation_name", "m.body", "m.created_at"])
    .where("m.application_id", "=", applicationId)
    .orderBy("m.id")
    .execute();
  return rows.map((r) => ({ id: r.id, authorSide: r.author_side, authorName: r.author_name, authorOrganisationName: r.organisation_name, body: r.body, createdAt: new Date(r.created_at) }));
};

export const insertMessage = async (
  tx: Executor,
  input: { applicationId: string; authorSide: "employer" | "prescriber"; authorUserId: string; authorOrganisationId: string; body: string; now: Date },
): Promise<number> =>
  (
    await tx
      .insertInto("application_messages")
      .values({
        application_id: input.applicationId,
        author_side: input.authorSide,
        author_user_id: input.authorUserId,
        author_organisation_id: input.authorOrganisationId,
        body: input.body,
        created_at: input.now,
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;

/** Up to `limit` applications due for the automatic refusal, oldest first, locked (several instances skip each other's). */
export const lockDueForAutoRefusal = async (tx: Executor, cutoff: Date, limit: number): Promise<string[]> =>
  (
    await tx
      .selectFrom("applications")
      .select("id")
      .where("state", "in", ["new", "processing"])
      .where("updated_at", "<=", cutoff)
      .orderBy("updated_at")
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute()
  ).map((r) => r.id);

// ---------- notification settings ----------

export const settingsOf = async (db: Executor, userId: string, organisationId: string): Promise<NotificationSettings> => {
  const rows = await db.selectFrom("notification_settings").select(["kind", "enabled"]).where("user_id", "=", userId).where("organisation_id", "=", organisationId).execute();
  return Object.fromEntries(rows.map((r) => [r.kind, r.enabled])) as NotificationSettings;
};

export const saveSettings = async (tx: Executor, userId: string, organisationId: string, settings: NotificationSettings, now: Date): Promise<void> => {
  for (const [kind, enabled] of Object.entries(settings) as [NotificationKind, boolean][]) {
    await tx
      .insertInto("notification_settings")
      .values({ user_id: userId, organisation_id: organisationId, kind, enabled, updated_at: now })
      .onConflict((oc) => oc.columns(["user_id", "organisation_id", "kind"]).doUpdateSet({ enabled, updated_at: now }))
      .execute();
  }
};

export type Recipient = { userId: string; email: string; settings: NotificationSettings };

/** Members of an organisation with their settings for that organisation. */
export const membersWithSettings = async (db: Executor, organisationId: string): Promise<Recipient[]> => {
  const members = await db
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["u.id", "u.email"])
    .where("m.organisation_id", "=", organisationId)
    .execute();
  const settings = await db.selectFrom("notification_settings").select(["user_id", "kind", "enabled"]).where("organisation_id", "=", organisationId).execute();
  return members.map((m) => ({
    userId: m.id,
    email: m.email,
    settings: Object.fromEntries(settings.filter((s) => s.user_id === m.id).map((s) => [s.kind, s.enabled])) as NotificationSettings,
  }));
};

export const userEmail = async (db: Executor, userId: string): Promise<string | null> =>
  (await db.selectFrom("users").select("email").where("id", "=", userId).executeTakeFirst())?.email ?? null;
