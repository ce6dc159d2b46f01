// Who is told of what, as les emplois de l'inclusion does it
// (`itou/job_applications/notifications.py`): the receiving employer's members
// of a new application; the candidate and the sending counsellor ("proxy") of
// the answers; the counsellor only of a cancelled hire; nobody of `process`,
// prior actions or `obsolete`; not the counsellor of an automatic refusal.
// Members of an organisation can switch each kind off (per member, per kind);
// the candidate is always told (these mails are the answer to their application).
import type { SenderKind, TransitionName } from "./application-states.domain.ts";

export const notificationKinds = [
  "application_received",
  "application_sent",
  "application_accepted",
  "application_refused",
  "application_postponed",
  "application_pooled",
  "hire_cancelled",
  "message_received",
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** Labels of the settings screen ("Recevoir un courriel quand…"). */
export const notificationKindLabels: Record<NotificationKind, string> = {
  application_received: "une nouvelle candidature arrive",
  application_sent: "une candidature est bien envoyée",
  application_accepted: "une candidature envoyée est acceptée",
  application_refused: "une candidature envoyée est déclinée",
  application_postponed: "une candidature envoyée est mise en attente",
  application_pooled: "une candidature envoyée est ajoutée au vivier",
  hire_cancelled: "une embauche est annulée",
  message_received: "un message arrive sur une candidature",
};

/** The kinds that concern each family of organisation (the settings a member sees). */
export const notificationKindsFor = (family: "employer" | "prescriber"): NotificationKind[] =>
  family === "employer"
    ? ["application_received", "message_received"]
    : ["application_sent", "application_accepted", "application_refused", "application_postponed", "application_pooled", "hire_cancelled", "message_received"];

/** employer_members: every member of the receiving organisation; sender: the counsellor who sent it; candidate: the person. */
export type Audience = "employer_members" | "sender" | "candidate";
export type Notice = { audience: Audience; kind: NotificationKind };

export type ApplicationEvent =
  | { kind: "sent" }
  | { kind: "transition"; transition: TransitionName; refusalReason?: string | null }
  | { kind: "message"; from: "employer" | "prescriber" };

const byTransition: Partial<Record<TransitionName, { kind: NotificationKind; candidate: boolean; sender: boolean }>> = {
  accept: { kind: "application_accepted", candidate: true, sender: true },
  refuse: { kind: "application_refused", candidate: true, sender: true },
  postpone: { kind: "application_postponed", candidate: true, sender: true },
  add_to_pool: { kind: "application_pooled", candidate: true, sender: true },
  cancel: { kind: "hire_cancelled", candidate: false, sender: true },
};

/** The notices an event produces for an application sent by `senderKind`. */
export const noticesFor = (event: ApplicationEvent, senderKind: SenderKind): Notice[] => {
  // The counsellor is a "proxy" only when a counsellor sent it; a hire recorded by
  // the employer itself has no third party to tell.
  const hasProxy = senderKind === "prescriber";
  switch (event.kind) {
    case "sent": {
      if (senderKind === "employer") return [];
      const notices: Notice[] = [
        { audience: "employer_members", kind: "application_received" },
        { audience: "candidate", kind: "application_sent" },
      ];
      if (hasProxy) notices.push({ audience: "sender", kind: "application_sent" });
      return notices;
    }
    case "transition": {
      const rule = byTransition[event.transition];
      if (!rule) return [];
      const notices: Notice[] = [];
      if (rule.candidate) notices.push({ audience: "candidate", kind: rule.kind });
      const automatic = event.transition === "refuse" && event.refusalReason === "auto";
      if (rule.sender && hasProxy && !automatic) notices.push({ audience: "sender", kind: rule.kind });
      return notices;
    }
    case "message":
      if (!hasProxy) return [];
      return [{ audience: event.from === "employer" ? "sender" : "employer_members", kind: "message_received" }];
  }
};

/** A member's stored choices: absent means "yes" (every kind is on by default). */
export type NotificationSettings = Partial<Record<NotificationKind, boolean>>;
export const wantsNotice = (settings: NotificationSettings, kind: NotificationKind): boolean => settings[kind] ?? true;

/**
 * The addresses to write to for one notice: professionals filtered by their own
 * settings, never the person who acted (except the confirmation of their own
 * send), the candidate whenever an address is known.
 */
export const recipientsFor = (
  notice: Notice,
  people: {
    employerMembers: readonly { userId: string; email: string; settings: NotificationSettings }[];
    sender: { userId: string; email: string; settings: NotificationSettings } | null;
    candidateEmail: string | null;
    actorUserId: string | null;
  },
): string[] => {
  switch (notice.audience) {
    case "candidate":
      return people.candidateEmail ? [people.candidateEmail] : [];
    case "sender": {
      const own = notice.kind !== "application_sent" && people.sender?.userId === people.actorUserId;
      return people.sender && !own && wantsNotice(people.sender.settings, notice.kind) ? [people.sender.email] : [];
    }
    case "employer_members":
      return people.employerMembers.filter((m) => m.userId !== people.actorUserId && wantsNotice(m.settings, notice.kind)).map((m) => m.email);
  }
};
