// The application (candidature) state machine, as les emplois de l'inclusion
// runs it (`itou/job_applications/models.py@543eae8d:108-176`, summarised in
// IAE-RULES.md §3): a table of transitions, checked by one pure `transition`
// function that returns the next state and the log entry to append. No I/O,
// no clock: "today" (a Europe/Paris calendar day) is given by the caller.
import { addDays, addMonths, type LocalDate } from "./application-dates.domain.ts";

export const applicationStates = [
  "new",
  "processing",
  "postponed",
  "prior_to_hire",
  "accepted",
  "refused",
  "cancelled",
  "obsolete",
  "pool",
] as const;
export type ApplicationState = (typeof applicationStates)[number];

/** Labels of job_application_states.json. */
export const stateLabels: Record<ApplicationState, string> = {
  new: "Nouvelle candidature",
  processing: "Candidature à l'étude",
  postponed: "Candidature en attente",
  prior_to_hire: "Action préalable à l'embauche",
  accepted: "Candidature acceptée",
  refused: "Candidature déclinée",
  cancelled: "Embauche annulée",
  obsolete: "Embauché ailleurs",
  pool: "Vivier de candidatures",
};

/** Who sent the application: a counsellor, the candidate, or the employer recording a hire itself. */
export const senderKinds = ["prescriber", "candidate", "employer"] as const;
export type SenderKind = (typeof senderKinds)[number];
export const senderKindLabels: Record<SenderKind, string> = {
  prescriber: "Prescripteur",
  candidate: "Candidat",
  employer: "Employeur",
};

/** Refusal reasons of job_application_states.json; `auto` is reserved to the automatic refusal. */
export const refusalReasons = {
  did_not_come: "Candidat non joignable",
  did_not_come_to_interview: "Candidat ne s'étant pas présenté à l'entretien",
  hired_elsewhere: "Candidat indisponible : en emploi",
  training: "Candidat indisponible : en formation",
  non_eligible: "Candidat non éligible",
  not_mobile: "Candidat non mobile",
  not_interested: "Candidat non intéressé",
  lacking_skills: "Le candidat n'a pas les compétences requises pour le poste",
  incompatible: "Un des freins à l'emploi du candidat est incompatible avec le poste proposé",
  prevent_objectives: "L'embauche du candidat empêche la réalisation des objectifs du dialogue de gestion",
  no_position: "Pas de recrutement en cours",
  duplicate: "Candidature en doublon",
  auto: "Refus automatique",
  other: "Autre",
} as const;
export type RefusalReason = keyof typeof refusalReasons;
export const refusalReasonCodes = Object.keys(refusalReasons) as RefusalReason[];
/** The reasons an employer can pick (the official list hides `auto`). */
export const choosableRefusalReasons: RefusalReason[] = refusalReasonCodes.filter((reason) => reason !== "auto");

/** Who acts: a member of the receiving employer, of the sending prescriber, the candidate, or the platform itself. */
export type ActorKind = "employer" | "prescriber" | "candidate" | "system";

export const transitionNames = [
  "process",
  "postpone",
  "accept",
  "add_to_pool",
  "move_to_prior_to_hire",
  "cancel_prior_to_hire",
  "refuse",
  "cancel",
  "render_obsolete",
] as const;
export type TransitionName = (typeof transitionNames)[number];
/** What the log of an application records: its transitions, and the contract dates moved after a hire (no change of state). */
export const historyEventNames = [...transitionNames, "edit_hiring_dates"] as const;
export type HistoryEventName = (typeof historyEventNames)[number];

type TransitionRule = {
  from: readonly ApplicationState[];
  to: ApplicationState;
  /** Every manual transition is taken by a member of the receiving employer; counsellors and candidates only send. */
  by: readonly ActorKind[];
  /** Prior actions before hiring exist only for GEIQ (`itou/companies/models.py@543eae8d:546-547`). */
  geiqOnly?: boolean;
};

// transfer / reset / external_transfer of the official table are not offered:
// Tremplin has no transfer between employers yet, and `reset` is an admin repair.
export const transitions = {
  process: { from: ["new", "pool"], to: "processing", by: ["employer"] },
  postpone: { from: ["new", "pool", "processing", "prior_to_hire"], to: "postponed", by: ["employer"] },
  accept: {
    from: ["new", "pool", "processing", "postponed", "prior_to_hire", "obsolete", "refused", "cancelled"],
    to: "accepted",
    by: ["employer"],
  },
  add_to_pool: { from: ["new", "processing", "postponed", "cancelled", "obsolete"], to: "pool", by: ["employer"] },
  move_to_prior_to_hire: {
    from: ["new", "pool", "processing", "postponed", "obsolete", "refused", "cancelled"],
    to: "prior_to_hire",
    by: ["employer"],
    geiqOnly: true,
  },
  cancel_prior_to_hire: { from: ["prior_to_hire"], to: "processing", by: ["employer"], geiqOnly: true },
  refuse: { from: ["new", "pool", "processing", "prior_to_hire", "postponed"], to: "refused", by: ["employer", "system"] },
  cancel: { from: ["accepted"], to: "cancelled", by: ["employer"] },
  render_obsolete: { from: ["new", "processing", "postponed"], to: "obsolete", by: ["system"] },
} as const satisfies Record<TransitionName, TransitionRule>;

export const transitionLabels: Record<TransitionName, string> = {
  process: "Étudier la candidature",
  postpone: "Mettre en attente",
  accept: "Accepter",
  add_to_pool: "Ajouter au vivier",
  move_to_prior_to_hire: "Action préalable à l'embauche",
  cancel_prior_to_hire: "Annuler l'action préalable",
  refuse: "Décliner",
  cancel: "Annuler l'embauche",
  render_obsolete: "Embauché ailleurs",
};
export const historyEventLabels: Record<HistoryEventName, string> = { ...transitionLabels, edit_hiring_dates: "Dates du contrat modifiées" };

/** States where the application still counts: a second one of the same person to the same offer is refused. */
export const activeStates: readonly ApplicationState[] = ["new", "processing", "postponed", "prior_to_hire", "pool", "accepted"];
export const isActive = (state: ApplicationState): boolean => activeStates.includes(state);

/** On hire, the person's other applications in these states become obsolete ("embauché ailleurs"). */
export const pendingStates: readonly ApplicationState[] = ["new", "processing", "postponed"];

/** The hire date may be set at most 6 calendar months ahead; once accepted, moved at most 30 days ahead. */
export const maxHiringStartMonths = 6;
export const maxHiringPostponeDays = 30;

export const answerMaxLength = 3000;

/** What the machine needs to know of an application. */
export type ApplicationSnapshot = {
  state: ApplicationState;
  senderKind: SenderKind;
  hiringStartAt: LocalDate | null;
  hiringEndAt: LocalDate | null;
  refusalReason: RefusalReason | null;
};

export type TransitionCommand =
  | { transition: "process" }
  | { transition: "postpone"; answer: string }
  | { transition: "accept"; hiringStartAt: LocalDate; hiringEndAt?: LocalDate | null; answer?: string | null }
  | { transition: "add_to_pool"; answer?: string | null }
  | { transition: "move_to_prior_to_hire" }
  | { transition: "cancel_prior_to_hire" }
  | {
      transition: "refuse";
      reason: RefusalReason;
      /** Whether the reason itself is shown to the candidate (the official form asks). */
      reasonSharedWithCandidate: boolean;
      answerToCandidate?: string | null;
      answerToSender?: string | null;
    }
  | { transition: "cancel" }
  | { transition: "render_obsolete" };

export type TransitionContext = {
  actor: ActorKind;
  /** Organisation kind of the receiving employer (GEIQ, ACI, entreprise…). */
  employerKind: string;
  /** Europe/Paris calendar day of the action. */
  today: LocalDate;
  /** Another application of the same person to the same offer is active (no two active at once). */
  otherActiveToSameOffer?: boolean;
};

/** One row of the append-only log. */
export type TransitionEntry = {
  transition: HistoryEventName;
  from: ApplicationState;
  to: ApplicationState;
  actor: ActorKind;
  refusalReason: RefusalReason | null;
  reasonSharedWithCandidate: boolean | null;
  answerToCandidate: string | null;
  answerToSender: string | null;
  hiringStartAt: LocalDate | null;
  hiringEndAt: LocalDate | null;
};

export type TransitionErrorCode =
  | "application.transition_not_allowed"
  | "application.actor_not_allowed"
  | "application.geiq_only"
  | "application.already_active"
  | "application.postpone_answer_required"
  | "application.refusal_reason_reserved"
  | "application.hiring_start_in_past"
  | "application.hiring_start_too_far"
  | "application.hiring_end_before_start"
  | "application.answer_too_long"
  | "application.hire_started"
  | "application.hiring_postpone_too_far";

export type TransitionOutcome =
  | { ok: true; application: ApplicationSnapshot; entry: TransitionEntry }
  | { ok: false; error: TransitionErrorCode; params?: Record<string, string> };

const fail = (error: TransitionErrorCode, params?: Record<string, string>): TransitionOutcome => ({ ok: false, error, params });
const clean = (text: string | null | undefined): string | null => {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
};

/** The transitions this actor could take now (for the screens' buttons). */
export const availableTransitions = (application: Pick<ApplicationSnapshot, "state">, context: Pick<TransitionContext, "actor" | "employerKind">): TransitionName[] =>
  transitionNames.filter((name) => {
    const rule: TransitionRule = transitions[name];
    return rule.from.includes(application.state) && rule.by.includes(context.actor) && (!rule.geiqOnly || context.employerKind === "GEIQ");
  });

/**
 * Hire dates at acceptance (`itou/www/apply/forms.py@543eae8d:475-494`): the start is
 * not in the past (a GEIQ may backdate) and at most 6 calendar months ahead; the end,
 * optional, is not before the start.
 */
export const checkHiringDates = (
  start: LocalDate,
  end: LocalDate | null,
  context: Pick<TransitionContext, "employerKind" | "today">,
): TransitionErrorCode | null => {
  if (start < context.today && context.employerKind !== "GEIQ") return "application.hiring_start_in_past";
  if (start > addMonths(context.today, maxHiringStartMonths)) return "application.hiring_start_too_far";
  if (end !== null && end < start) return "application.hiring_end_before_start";
  return null;
};

export const transition = (application: ApplicationSnapshot, command: TransitionCommand, context: TransitionContext): TransitionOutcome => {
  const rule: TransitionRule = transitions[command.transition];
  if (!rule.from.includes(application.state)) {
    return fail("application.transition_not_allowed", { transition: command.transition, state: application.state });
  }
  if (!rule.by.includes(context.actor)) return fail("application.actor_not_allowed", { transition: command.transition });
  if (rule.geiqOnly && context.employerKind !== "GEIQ") return fail("application.geiq_only");
  if (isActive(rule.to) && !isActive(application.state) && context.otherActiveToSameOffer) return fail("application.already_active");

  const entry: TransitionEntry = {
    transition: command.transition,
    from: application.state,
    to: rule.to,
    actor: context.actor,
    refusalReason: null,
    reasonSharedWithCandidate: null,
    answerToCandidate: null,
    answerToSender: null,
    hiringStartAt: null,
    hiringEndAt: null,
  };
  let next: ApplicationSnapshot = { ...application, state: rule.to, refusalReason: null };

  switch (command.transition) {
    case "postpone": {
      // Since 2026-08-21 (`4958dee42`) a comment is mandatory when postponing.
      const answer = clean(command.answer);
      if (!answer) return fail("application.postpone_answer_required");
      entry.answerToCandidate = answer;
      break;
    }
    case "add_to_pool":
      entry.answerToCandidate = clean(command.answer);
      break;
    case "accept": {
      const end = command.hiringEndAt ?? null;
      const problem = checkHiringDates(command.hiringStartAt, end, context);
      if (problem) return fail(problem);
      entry.hiringStartAt = command.hiringStartAt;
      entry.hiringEndAt = end;
      entry.answerToCandidate = clean(command.answer);
      next = { ...next, hiringStartAt: command.hiringStartAt, hiringEndAt: end };
      break;
    }
    case "refuse": {
      // `auto` is the automatic refusal's own reason; the platform never takes another one.
      if ((command.reason === "auto") !== (context.actor === "system")) return fail("application.refusal_reason_reserved");
      entry.refusalReason = command.reason;
      entry.reasonSharedWithCandidate = command.reasonSharedWithCandidate;
      entry.answerToCandidate = clean(command.answerToCandidate);
      entry.answerToSender = application.senderKind === "prescriber" ? clean(command.answerToSender) : null;
      next = { ...next, refusalReason: command.reason };
      break;
    }
    case "cancel":
      // Cancelling a hire clears what only an accepted application carries.
      next = { ...next, hiringStartAt: null, hiringEndAt: null };
      break;
    default:
      break;
  }
  for (const text of [entry.answerToCandidate, entry.answerToSender]) {
    if (text && text.length > answerMaxLength) return fail("application.answer_too_long", { max: String(answerMaxLength) });
  }
  return { ok: true, application: next, entry };
};

/** A new application is refused while the person has an active one to the same offer. */
export const canSend = (statesToSameOffer: readonly ApplicationState[]): boolean => !statesToSameOffer.some(isActive);

/** On hire, which of the person's other applications become obsolete (ids). */
export const obsoletedByHire = <T extends { id: string; state: ApplicationState }>(hired: { id: string }, others: readonly T[]): string[] =>
  others.filter((other) => other.id !== hired.id && pendingStates.includes(other.state)).map((other) => other.id);

/**
 * Editing the hire date after acceptance (`itou/job_applications/models.py@543eae8d:1050-1055`,
 * `forms.py@543eae8d:659-668`): hire not started yet; the new start in [today, today + 30 days]; the
 * end not before it. Les emplois also allows it for `postponed`, where an application can keep a date;
 * in Tremplin only an accepted application carries contract dates, so only it can move them.
 */
export const checkHiringDateEdit = (
  application: Pick<ApplicationSnapshot, "state" | "hiringStartAt">,
  start: LocalDate,
  end: LocalDate | null,
  today: LocalDate,
): TransitionErrorCode | null => {
  if (application.state !== "accepted") return "application.transition_not_allowed";
  if (application.hiringStartAt !== null && application.hiringStartAt <= today) return "application.hire_started";
  if (start < today) return "application.hiring_start_in_past";
  if (start > addDays(today, maxHiringPostponeDays)) return "application.hiring_postpone_too_far";
  if (end !== null && end < start) return "application.hiring_end_before_start";
  return null;
};

/** Whether the contract dates of an accepted application can still be moved today. */
export const canEditHiringDates = (application: Pick<ApplicationSnapshot, "state" | "hiringStartAt">, today: LocalDate): boolean =>
  application.state === "accepted" && application.hiringStartAt !== null && application.hiringStartAt > today;

/** Moves the contract dates: the application keeps its state, the log gets an `edit_hiring_dates` row. */
export const editHiringDates = (
  application: ApplicationSnapshot,
  dates: { hiringStartAt: LocalDate; hiringEndAt: LocalDate | null },
  today: LocalDate,
): TransitionOutcome => {
  const problem = checkHiringDateEdit(application, dates.hiringStartAt, dates.hiringEndAt, today);
  if (problem) return fail(problem);
  const entry: TransitionEntry = {
    transition: "edit_hiring_dates",
    from: application.state,
    to: application.state,
    actor: "employer",
    refusalReason: null,
    reasonSharedWithCandidate: null,
    answerToCandidate: null,
    answerToSender: null,
    hiringStartAt: dates.hiringStartAt,
    hiringEndAt: dates.hiringEndAt,
  };
  return { ok: true, application: { ...application, ...dates }, entry };
};

export const replay = (entries: readonly Pick<TransitionEntry, "transition" | "from" | "to">[]): ApplicationState => {
  let state: ApplicationState = "new";
  for (const [index, entry] of entries.entries()) {
    if (entry.transition === "edit_hiring_dates") {
      if (entry.from !== state || entry.to !== state || state !== "accepted") throw new Error(`log entry ${index} (dates moved) does not follow state ${state}`);
      continue;
    }
    const rule: TransitionRule = transitions[entry.transition];
    if (entry.from !== state || !rule.from.includes(state) || entry.to !== rule.to) {
      throw new Error(`log entry ${index} (${entry.transition} ${entry.from}→${entry.to}) does not follow state ${state}`);
    }
    state = entry.to;
  }
  return state;
};
