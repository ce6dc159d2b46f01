// Applications: authorise → load → check (pure state machine) → write the
// projection, the log row, the audit entry and the mails, in one transaction.
import type { AccountsDeps } from "../accounts/accounts.deps.ts";
import { systemClock } from "../accounts/accounts.deps.ts";
import { recordAudit } from "../authorization/audit.queries.ts";
import type { Actor, ResourceContext } from "../authorization/authorization.domain.ts";
import { ensureAllowed } from "../authorization/authorization.guard.ts";
import { runInTransaction, type Tx } from "../server/transaction.ts";
import { parisDate } from "./application-dates.domain.ts";
import { noticesFor } from "./application-notifications.domain.ts";
import { canSend, editHiringDates, isActive, obsoletedByHire, type SenderKind, type TransitionCommand, transition } from "./application-states.domain.ts";
import { autoRefusal, autoRefusalCutoff, employerVisibilityCutoff, visibleToEmployer } from "./application-deadlines.domain.ts";
import { applicationsError } from "./applications.errors.ts";
import { enqueueNotices } from "./applications.notify.ts";
import {
  type ApplicationRow,
  type CandidateRef,
  findApplication,
  findCandidateOfUser,
  findCandidateRef,
  findOfferRef,
  findOrganisationRef,
  followersOf,
  insertApplication,
  lockApplication,
  lockDueForAutoRefusal,
  lockOtherApplicationsOfCandidate,
  saveTransition,
  snapshotOf,
  statesToSameOffer,
} from "./applications.queries.ts";

export type ApplicationsDeps = AccountsDeps;
export type Side = "employer" | "prescriber" | "candidate";

const notFound = () => applicationsError("application.not_found");
const clockOf = (deps: ApplicationsDeps) => deps.clock ?? systemClock;
const familyOf = (actor: Actor | null): Side | null =>
  actor?.role === "candidate" ? "candidate" : actor?.role.startsWith("employer_") ? "employer" : actor?.role.startsWith("prescriber_") ? "prescriber" : null;

/**
 * Who may see an application: the receiving employer (730 days, accepted ones
 * always), the counsellors of the organisation that sent it or follows the
 * person, the person. Anyone else gets the same 404 as for a missing id.
 */
export const accessApplication = async (
  db: Tx | ApplicationsDeps["db"],
  actor: Actor | null,
  application: ApplicationRow | null,
  action: "read" | "update",
  now: Date,
): Promise<{ application: ApplicationRow; side: Side }> => {
  const side = familyOf(actor);
  if (!application) {
    ensureAllowed(actor, action, "application", {}, notFound);
    throw notFound();
  }
  let context: ResourceContext = {};
  if (side === "employer") context = { organisationIds: visibleToEmployer(application, now) ? [application.employerOrganisationId] : [] };
  if (side === "prescriber") context = { organisationIds: [application.senderOrganisationId, ...(await followersOf(db, application.candidateId))] };
  if (side === "candidate") context = { ownerUserId: application.candidateUserId };
  ensureAllowed(actor, action, "application", context, notFound);
  return { application, side: side! };
};

export type SendInput = {
  candidateId?: string;
  offerId?: string | null;
  employerOrganisationId?: string | null;
  message?: string;
  /** Direct hire recorded by the employer: the contract dates. */
  hiringStartAt?: string | null;
  hiringEndAt?: string | null;
};

/** Sent by a counsellor for a followed candidate, by the candidate, or recorded by the employer as a direct hire. */
export const sendApplication = async (deps: ApplicationsDeps, actor: Actor | null, input: SendInput): Promise<string> => {
  const side = familyOf(actor);
  const now = clockOf(deps).now();
  const candidateNotFound = () => applicationsError("application.candidate_not_found");
  ensureAllowed(actor, "create", "application", side === "candidate" ? { ownerUserId: actor!.userId } : { organisationIds: [actor?.organisationId ?? null] }, candidateNotFound);

  let candidate: CandidateRef | null;
  if (side === "candidate") {
    candidate = await findCandidateOfUser(deps.db, actor!.userId);
    if (!candidate) throw applicationsError("application.no_candidate_profile");
    if (input.candidateId && input.candidateId !== candidate.id) throw candidateNotFound();
  } else {
    candidate = input.candidateId ? await findCandidateRef(deps.db, input.candidateId) : null;
    if (!candidate) throw candidateNotFound();
  }
  if (candidate.anonymised) throw applicationsError("application.candidate_anonymised");

  const offer = input.offerId ? await findOfferRef(deps.db, input.offerId) : null;
  if (input.offerId && !offer) throw applicationsError("application.offer_not_found");
  let employerOrganisationId = offer?.organisationId ?? input.employerOrganisationId ?? (side === "employer" ? actor!.organisationId : null);
  if (!employerOrganisationId) throw applicationsError("application.employer_required");
  if (side === "employer" && employerOrganisationId !== actor!.organisationId) {
    // An employer records hires into its own organisation only; another's offer id is a missing offer.
    throw offer ? applicationsError("application.offer_not_found") : applicationsError("application.employer_not_found");
  }
  const employer = await findOrganisationRef(deps.db, employerOrganisationId);
  if (!employer || employer.family !== "employer") throw applicationsError("application.employer_not_found");
  employerOrganisationId = employer.id;
  if (offer && offer.status !== "open" && side !== "employer") throw applicationsError("application.offer_closed");

  if (side === "prescriber") {
    ensureAllowed(actor, "create", "application", { organisationIds: await followersOf(deps.db, candidate.id) }, candidateNotFound);
  }
  if (side === "employer") {
    const known =
      candidate.createdByOrganisationId === employer.id ||
      // Someone who applied to it, within what an employer still sees of its applications (730 days, hires kept).
      (await deps.db
        .selectFrom("applications")
        .select("id")
        .where("candidate_id", "=", candidate.id)
        .where("employer_organisation_id", "=", employer.id)
        .where((eb) => eb.or([eb("created_at", ">=", employerVisibilityCutoff(now)), eb("state", "=", "accepted")]))
        .executeTakeFirst()) !== undefined;
    if (!known) throw applicationsError("application.direct_hire_own_candidate");
    if (!input.hiringStartAt) throw applicationsError("application.hiring_start_required");
  }
  const senderKind: SenderKind = side === "employer" ? "employer" : side === "candidate" ? "candidate" : "prescriber";

  const id = await runInTransaction(deps.db, async (tx) => {
    // Serialise sends for one person: the unique index is the last word, this gives the French message.
    await tx.selectFrom("candidates").select("id").where("id", "=", candidate.id).forUpdate().executeTakeFirst();
    const target = { candidateId: candidate.id, employerOrganisationId: employer.id, offerId: offer?.id ?? null };
    if (!canSend(await statesToSameOffer(tx, target))) throw applicationsError("application.already_active");
    const applicationId = await insertApplication(tx, {
      ...target,
      senderKind,
      senderUserId: actor!.userId,
      senderOrganisationId: senderKind === "candidate" ? null : actor!.organisationId,
      message: input.message?.trim() ?? "",
      now,
    });
    await recordAudit(tx, {
      actorUserId: actor!.userId,
      organisationId: actor!.organisationId,
      action: "application.created",
      subjectType: "application",
      subjectId: applicationId,
      details: { sender_kind: senderKind, candidate: candidate.id },
      at: now,
    });
    const created = (await findApplication(tx, applicationId))!;
    await enqueueNotices(tx, deps, created, noticesFor({ kind: "sent" }, senderKind), { actorUserId: actor!.userId });
    if (senderKind === "employer") {
      await applyTransition(tx, deps, actor!, created, { transition: "accept", hiringStartAt: input.hiringStartAt!, hiringEndAt: input.hiringEndAt ?? null }, now);
    }
    return applicationId;
  });
  deps.mailer.afterCommit();
  return id;
};

/** Runs one transition on a locked application, then its consequences (obsolete on hire), log, audit and mails. */
const applyTransition = async (tx: Tx, deps: ApplicationsDeps, actor: Actor | null, application: ApplicationRow, command: TransitionCommand, now: Date) => {
  const others = await statesToSameOffer(tx, { ...application, exceptId: application.id });
  const outcome = transition(snapshotOf(application), command, {
    actor: actor ? "employer" : "system",
    employerKind: application.employerKind,
    today: parisDate(now),
    otherActiveToSameOffer: others.some(isActive),
  });
  if (!outcome.ok) throw applicationsError(outcome.error, outcome.params ?? {});
  const by = { userId: actor?.userId ?? null, organisationId: actor?.organisationId ?? null };
  await saveTransition(tx, application.id, outcome.application, outcome.entry, by, now);
  await recordAudit(tx, {
    actorUserId: by.userId,
    organisationId: application.employerOrganisationId,
    action: `application.${command.transition}`,
    subjectType: "application",
    subjectId: application.id,
    details: { from: outcome.entry.from, to: outcome.entry.to },
    at: now,
  });
  await enqueueNotices(tx, deps, application, noticesFor({ kind: "transition", transition: command.transition, refusalReason: outcome.entry.refusalReason }, application.senderKind), {
    actorUserId: by.userId,
    entry: outcome.entry,
  });
  if (command.transition === "accept") {
    // On hire, the person's other pending applications become obsolete ("embauché ailleurs").
    const siblings = await lockOtherApplicationsOfCandidate(tx, application.candidateId, application.id);
    for (const otherId of obsoletedByHire(application, siblings)) {
      const other = (await findApplication(tx, otherId))!;
      const obsolete = transition(snapshotOf(other), { transition: "render_obsolete" }, { actor: "system", employerKind: other.employerKind, today: parisDate(now) });
      if (obsolete.ok) await saveTransition(tx, other.id, obsolete.application, obsolete.entry, { userId: null, organisationId: null }, now);
    }
  }
  return outcome;
};

export const transitionApplication = async (deps: ApplicationsDeps, actor: Actor | null, id: string, command: TransitionCommand): Promise<void> => {
  const now = clockOf(deps).now();
  await runInTransaction(deps.db, async (tx) => {
    const { application, side } = await accessApplication(tx, actor, await lockApplication(tx, id), "read", now);
    if (side !== "employer") throw applicationsError("application.actor_not_allowed");
    await accessApplication(tx, actor, application, "update", now);
    await applyTransition(tx, deps, actor, application, command, now);
  });
  deps.mailer.afterCommit();
};

/**
 * The employer moves the contract dates of a hire that has not started (the new start within 30 days):
 * the application stays accepted, the log gets a row with the new dates, who and when. No mail is sent:
 * the candidate and the counsellor see the new dates on the application and in its history.
 */
export const editApplicationHiringDates = async (
  deps: ApplicationsDeps,
  actor: Actor | null,
  id: string,
  dates: { hiringStartAt: string; hiringEndAt: string | null },
): Promise<void> => {
  const now = clockOf(deps).now();
  await runInTransaction(deps.db, async (tx) => {
    const { application, side } = await accessApplication(tx, actor, await lockApplication(tx, id), "read", now);
    if (side !== "employer") throw applicationsError("application.actor_not_allowed");
    await accessApplication(tx, actor, application, "update", now);
    const outcome = editHiringDates(snapshotOf(application), dates, parisDate(now));
    if (!outcome.ok) throw applicationsError(outcome.error, outcome.params ?? {});
    const by = { userId: actor!.userId, organisationId: actor!.organisationId };
    await saveTransition(tx, application.id, outcome.application, outcome.entry, by, now);
    await recordAudit(tx, {
      actorUserId: by.userId,
      organisationId: application.employerOrganisationId,
      action: "application.edit_hiring_dates",
      subjectType: "application",
      subjectId: application.id,
      details: { hiringStartAt: dates.hiringStartAt, ...(dates.hiringEndAt ? { hiringEndAt: dates.hiringEndAt } : {}) },
      at: now,
    });
  });
};

/**
 * The scheduled automatic refusal: applications in `new` or `processing` not
 * updated for 60 days are refused with reason `auto`, by the platform, in
 * batches (each its own transaction; concurrent instances skip locked rows).
 */
export const autoRefuseUnanswered = async (deps: ApplicationsDeps, options: { batchSize?: number; maxBatches?: number } = {}): Promise<number> => {
  const batchSize = options.batchSize ?? 100;
  let total = 0;
  for (let batch = 0; batch < (options.maxBatches ?? 50); batch += 1) {
    const now = clockOf(deps).now();
    const done = await runInTransaction(deps.db, async (tx) => {
      const ids = await lockDueForAutoRefusal(tx, autoRefusalCutoff(now), batchSize);
      for (const id of ids) await applyTransition(tx, deps, null, (await findApplication(tx, id))!, autoRefusal, now);
      return ids.length;
    });
    total += done;
    if (done < batchSize) break;
  }
  if (total > 0) deps.mailer.afterCommit();
  return total;
};
