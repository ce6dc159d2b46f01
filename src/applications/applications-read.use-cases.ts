// Reading applications (detail, lists, the candidate's CV), messages between the
// employer and the counsellor, and notification settings. Every read of a person's
// data by a professional is written to the audit log (ids and counts only).
import { systemClock } from "../accounts/accounts.deps.ts";
import { recordAudit } from "../authorization/audit.queries.ts";
import type { Actor } from "../authorization/authorization.domain.ts";
import { ensureAllowed } from "../authorization/authorization.guard.ts";
import { findCvMeta, readCvContent } from "../candidates/candidates.queries.ts";
import { runInTransaction } from "../server/transaction.ts";
import { type NotificationKind, type NotificationSettings, noticesFor, notificationKindsFor, wantsNotice } from "./application-notifications.domain.ts";
import { parisDate } from "./application-dates.domain.ts";
import { availableTransitions, canEditHiringDates, type TransitionName } from "./application-states.domain.ts";
import { visibleToEmployer } from "./application-deadlines.domain.ts";
import { applicationsError } from "./applications.errors.ts";
import { enqueueNotices } from "./applications.notify.ts";
import {
  countByState,
  type ListFilters,
  type ListScope,
  listApplications,
  listHireableCandidates,
  organisationNames,
  sharedCandidate,
} from "./applications-list.queries.ts";
import { type ApplicationRow, findApplication, findCandidateOfUser, findOfferRef, insertMessage, listMessages, listTransitions, lockApplication, saveSettings, settingsOf } from "./applications.queries.ts";
import { accessApplication, type ApplicationsDeps, type Side } from "./applications.use-cases.ts";

const clockOf = (deps: ApplicationsDeps) => deps.clock ?? systemClock;

const auditRead = (deps: ApplicationsDeps, actor: Actor, subject: { type: string; id: string }, details: Record<string, string | number>) =>
  recordAudit(deps.db, { actorUserId: actor.userId, organisationId: actor.organisationId, action: `${subject.type}.read`, subjectType: subject.type, subjectId: subject.id, details, at: clockOf(deps).now() });

/**
 * An application shares the person's current CV (the one in her profile, replaced or removed by her or her
 * counsellor) with the employer and the counsellor while the employer sees the application (730 days, hires
 * kept) and she is not anonymised.
 */
const sharesCv = (application: ApplicationRow, candidate: { anonymised: boolean }, now: Date) => !candidate.anonymised && visibleToEmployer(application, now);

export const readApplication = async (deps: ApplicationsDeps, actor: Actor | null, id: string) => {
  const now = clockOf(deps).now();
  const { application, side } = await accessApplication(deps.db, actor, await findApplication(deps.db, id), "read", now);
  const [candidate, cv, transitions, messages, offer, names] = await Promise.all([
    sharedCandidate(deps.db, application.candidateId),
    findCvMeta(deps.db, application.candidateId),
    listTransitions(deps.db, application.id),
    side === "candidate" ? Promise.resolve([]) : listMessages(deps.db, application.id),
    application.offerId ? findOfferRef(deps.db, application.offerId) : Promise.resolve(null),
    organisationNames(deps.db, [application.employerOrganisationId, application.senderOrganisationId]),
  ]);
  if (side !== "candidate") await auditRead(deps, actor!, { type: "candidate", id: application.candidateId }, { via: "application", application: application.id });
  const forCandidate = side === "candidate";
  return {
    side,
    application,
    candidate: candidate!,
    hasCv: cv !== null && sharesCv(application, candidate!, now),
    offer: offer ? { id: offer.id, title: offer.title, withoutCv: offer.withoutCv } : null,
    employerName: names.get(application.employerOrganisationId) ?? "",
    senderOrganisationName: application.senderOrganisationId ? (names.get(application.senderOrganisationId) ?? null) : null,
    // The person sees the answers written for them, and the reason only when it was shared.
    transitions: transitions.map((t) => ({
      ...t,
      byUserName: forCandidate ? null : t.byUserName,
      refusalReason: forCandidate && !t.reasonSharedWithCandidate ? null : t.refusalReason,
      answerToSender: forCandidate ? null : t.answerToSender,
    })),
    messages,
    actions: side === "employer" ? availableTransitions(application, { actor: "employer", employerKind: application.employerKind }) : ([] as TransitionName[]),
    canEditHiringDates: side === "employer" && canEditHiringDates(application, parisDate(now)),
    canWriteMessages: side !== "candidate" && application.senderKind === "prescriber",
  };
};

/**
 * The current CV of the application's candidate, for the receiving employer's members and the counsellors who
 * see the application (see `sharesCv`); the person reads hers from her profile. Anyone else gets the same 404
 * as for a missing application; each read is audited (ids only).
 */
export const readApplicationCv = async (deps: ApplicationsDeps, actor: Actor | null, id: string) => {
  const now = clockOf(deps).now();
  const { application, side } = await accessApplication(deps.db, actor, await findApplication(deps.db, id), "read", now);
  if (side === "candidate") throw applicationsError("application.not_found");
  const candidate = await sharedCandidate(deps.db, application.candidateId);
  // The counsellor still sees an application the employer no longer does: it shares no CV any more.
  const file = candidate && sharesCv(application, candidate, now) ? await readCvContent(deps.db, application.candidateId) : null;
  if (!file) throw applicationsError("application.cv_not_found");
  await recordAudit(deps.db, {
    actorUserId: actor!.userId,
    organisationId: actor!.organisationId,
    action: "candidate.cv_read",
    subjectType: "candidate",
    subjectId: application.candidateId,
    details: { via: "application", application: application.id },
    at: now,
  });
  return file;
};

export const listForActor = async (
  deps: ApplicationsDeps,
  actor: Actor | null,
  view: "received" | "sent" | "mine",
  filters: ListFilters,
  page: { limit: number; cursor?: string },
) => {
  const now = clockOf(deps).now();
  let scope: ListScope;
  if (view === "mine") {
    ensureAllowed(actor, "read", "application", { ownerUserId: actor?.role === "candidate" ? actor.userId : null }, () => applicationsError("application.not_found"));
    const candidate = await findCandidateOfUser(deps.db, actor!.userId);
    if (!candidate) return { items: [], nextCursor: null, counts: {} };
    scope = { kind: "candidate", candidateId: candidate.id };
  } else {
    const family = view === "received" ? "employer_" : "prescriber_";
    // Inbox of the acting organisation: its family must match the view.
    ensureAllowed(actor, "read", "application", { organisationIds: actor?.role.startsWith(family) ? [actor.organisationId] : [] }, () => applicationsError("application.not_found"));
    scope = view === "received" ? { kind: "received", organisationId: actor!.organisationId!, now } : { kind: "sent", organisationId: actor!.organisationId! };
  }
  const [result, counts] = await Promise.all([listApplications(deps.db, scope, filters, page), countByState(deps.db, scope)]);
  if (view !== "mine" && result.items.length > 0) {
    await auditRead(deps, actor!, { type: "application_list", id: actor!.organisationId! }, { view, count: result.items.length });
  }
  return { ...result, counts };
};

/**
 * The people the acting employer may record a direct hire for (see `sendApplication`): those its organisation
 * registered and those who applied to it. Names and postcodes only, as its applications already show them; the
 * read is audited (counts only).
 */
export const listHireable = async (deps: ApplicationsDeps, actor: Actor | null, query: { q?: string; candidateId?: string; limit: number }) => {
  const employer = actor?.role.startsWith("employer_") ? actor.organisationId : null;
  ensureAllowed(actor, "create", "application", { organisationIds: employer ? [employer] : [] }, () => applicationsError("application.not_found"));
  const result = await listHireableCandidates(deps.db, { organisationId: employer!, now: clockOf(deps).now() }, query);
  if (result.items.length > 0) await auditRead(deps, actor!, { type: "hireable_candidates", id: employer! }, { count: result.items.length });
  return result;
};

export const postMessage = async (deps: ApplicationsDeps, actor: Actor | null, id: string, body: string): Promise<number> => {
  const now = clockOf(deps).now();
  const messageId = await runInTransaction(deps.db, async (tx) => {
    const { application, side } = await accessApplication(tx, actor, await lockApplication(tx, id), "read", now);
    if (side === "candidate" || application.senderKind !== "prescriber") throw applicationsError("application.messages_closed");
    const authorSide: Exclude<Side, "candidate"> = side;
    const inserted = await insertMessage(tx, { applicationId: application.id, authorSide, authorUserId: actor!.userId, authorOrganisationId: actor!.organisationId!, body, now });
    await recordAudit(tx, { actorUserId: actor!.userId, organisationId: actor!.organisationId, action: "application.message_posted", subjectType: "application", subjectId: application.id, at: now });
    const author = await tx
      .selectFrom("users")
      .innerJoin("organisations", (join) => join.onTrue())
      .select(["users.name as person", "organisations.name as organisation"])
      .where("users.id", "=", actor!.userId)
      .where("organisations.id", "=", actor!.organisationId!)
      .executeTakeFirst();
    await enqueueNotices(tx, deps, application, noticesFor({ kind: "message", from: authorSide }, application.senderKind), {
      actorUserId: actor!.userId,
      message: { body, author: author ? `${author.person} (${author.organisation})` : "Un professionnel" },
    });
    return inserted;
  });
  deps.mailer.afterCommit();
  return messageId;
};

/** The acting member's settings for their organisation: every kind of their family, on unless switched off. */
export const readSettings = async (deps: ApplicationsDeps, actor: Actor | null): Promise<{ kind: NotificationKind; enabled: boolean }[]> => {
  const family = membershipFamily(actor);
  const settings = await settingsOf(deps.db, actor!.userId, actor!.organisationId!);
  return notificationKindsFor(family).map((kind) => ({ kind, enabled: wantsNotice(settings, kind) }));
};

export const writeSettings = async (deps: ApplicationsDeps, actor: Actor | null, settings: NotificationSettings) => {
  const family = membershipFamily(actor);
  const allowed = new Set(notificationKindsFor(family));
  const wanted = Object.fromEntries(Object.entries(settings).filter(([kind]) => allowed.has(kind as NotificationKind))) as NotificationSettings;
  const now = clockOf(deps).now();
  await runInTransaction(deps.db, async (tx) => {
    await saveSettings(tx, actor!.userId, actor!.organisationId!, wanted, now);
    await recordAudit(tx, { actorUserId: actor!.userId, organisationId: actor!.organisationId, action: "notification_settings.updated", subjectType: "user", subjectId: actor!.userId, details: { kinds: Object.keys(wanted).length }, at: now });
  });
  return readSettings(deps, actor);
};

const membershipFamily = (actor: Actor | null): "employer" | "prescriber" => {
  const family = actor?.role.startsWith("employer_") ? "employer" : actor?.role.startsWith("prescriber_") ? "prescriber" : null;
  // Settings exist for members of employers and prescribers acting for their organisation.
  ensureAllowed(actor, "read", "application", { organisationIds: family ? [actor!.organisationId] : [] }, () => applicationsError("application.not_found"));
  return family!;
};
