// Deadlines of applications, in time rather than in states: the automatic
// refusal of unanswered applications after 60 days, and the 730 days during
// which an employer sees an application. Pure: the caller gives the instant.
import type { ApplicationState, TransitionCommand } from "./application-states.domain.ts";

/** Automatic refusal: only these states, never `postponed` (`reject_job_applications_after_delay.py@543eae8d`). */
export const autoRefusableStates: readonly ApplicationState[] = ["new", "processing"];
export const autoRefusalDelayDays = 60;
export const autoRefusalAnswer =
  "Sans réponse de l'employeur depuis 60 jours, votre candidature a été déclinée automatiquement. " +
  "Nous vous invitons à poursuivre vos recherches et à postuler à d'autres offres.";

/** Employers see applications created less than 730 days ago, and accepted ones of any age. */
export const employerVisibilityDays = 730;

/** The automatic refusal command (reason `auto`, shared with the candidate, canned answer). */
export const autoRefusal: TransitionCommand = {
  transition: "refuse",
  reason: "auto",
  reasonSharedWithCandidate: true,
  answerToCandidate: autoRefusalAnswer,
  answerToSender: null,
};

/**
 * Due for the automatic refusal at instant `now`: in `new` or `processing` and not
 * updated for 60 days (`updated_at <= now - timedelta(days=60)`, an instant, not a day).
 * `updatedAt` moves on creation, on every transition and on a hire-date edit; messages do not move it.
 */
export const isDueForAutoRefusal = (application: { state: ApplicationState; updatedAt: Date }, now: Date): boolean =>
  autoRefusableStates.includes(application.state) && application.updatedAt.getTime() <= autoRefusalCutoff(now).getTime();

export const autoRefusalCutoff = (now: Date): Date => new Date(now.getTime() - autoRefusalDelayDays * 86_400_000);

/** Employers see applications created less than 730 days ago, plus accepted ones whatever their age. */
export const visibleToEmployer = (application: { state: ApplicationState; createdAt: Date }, now: Date): boolean =>
  application.state === "accepted" || application.createdAt.getTime() >= employerVisibilityCutoff(now).getTime();
export const employerVisibilityCutoff = (now: Date): Date => new Date(now.getTime() - employerVisibilityDays * 86_400_000);
