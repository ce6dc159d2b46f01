// HTTP contract of applications: zod schemas (French messages) shared by the
// server, the web client and the tests, and the route urls.
import { z } from "../shared/zod.ts";
import { isLocalDate } from "./application-dates.domain.ts";
import { notificationKinds } from "./application-notifications.domain.ts";
import { answerMaxLength, applicationStates, choosableRefusalReasons, historyEventNames, refusalReasonCodes, senderKinds, transitionNames } from "./application-states.domain.ts";

const localDate = (label: string) =>
  z.string(`${label} : date attendue (AAAA-MM-JJ).`).refine(isLocalDate, `${label} : date invalide, attendue au format AAAA-MM-JJ.`);
const answer = (label: string) => z.string().trim().max(answerMaxLength, `${label} : ${answerMaxLength} caractères au plus.`);
const state = z.enum(applicationStates, "État de candidature inconnu.");

export const applicationIdParamsSchema = z.object({ id: z.uuid("Identifiant de candidature invalide.") });

export const sendApplicationBodySchema = z.object({
  candidateId: z.uuid("Identifiant de candidat invalide.").optional().describe("Omis quand le candidat postule lui-même"),
  offerId: z.uuid("Identifiant d'offre invalide.").nullish().describe("Absent pour une candidature spontanée"),
  employerOrganisationId: z.uuid("Identifiant d'employeur invalide.").nullish().describe("Requis pour une candidature spontanée"),
  message: z.string().trim().max(5000, "Message : 5000 caractères au plus.").default(""),
  hiringStartAt: localDate("Date de début du contrat").nullish().describe("Embauche déclarée par l'employeur : début du contrat"),
  hiringEndAt: localDate("Date de fin du contrat").nullish(),
});

export const transitionBodySchema = z.discriminatedUnion(
  "transition",
  [
    z.object({ transition: z.literal("process") }),
    z.object({ transition: z.literal("postpone"), answer: answer("Message au candidat").min(1, "Indiquez au candidat pourquoi sa candidature est mise en attente.") }),
    z.object({
      transition: z.literal("accept"),
      hiringStartAt: localDate("Date de début du contrat"),
      hiringEndAt: localDate("Date de fin du contrat").nullish(),
      answer: answer("Message au candidat").nullish(),
    }),
    z.object({ transition: z.literal("add_to_pool"), answer: answer("Message au candidat").nullish() }),
    z.object({ transition: z.literal("move_to_prior_to_hire") }),
    z.object({ transition: z.literal("cancel_prior_to_hire") }),
    z.object({
      transition: z.literal("refuse"),
      reason: z.enum(choosableRefusalReasons as [string, ...string[]], "Choisissez un motif de refus dans la liste."),
      reasonSharedWithCandidate: z.boolean("Indiquez si le motif est transmis au candidat.").default(true),
      answerToCandidate: answer("Message au candidat").nullish(),
      answerToSender: answer("Message au prescripteur").nullish(),
    }),
    z.object({ transition: z.literal("cancel") }),
  ],
  "Action inconnue.",
);
export type TransitionBody = z.infer<typeof transitionBodySchema>;

/** Moving the contract dates of an accepted application whose contract has not started. */
export const hiringDatesBodySchema = z.object({
  hiringStartAt: localDate("Date de début du contrat"),
  hiringEndAt: localDate("Date de fin du contrat").nullish(),
});

export const listQuerySchema = z.object({
  state: z.union([state, z.array(state)]).optional().describe("Un ou plusieurs états"),
  offerId: z.uuid("Identifiant d'offre invalide.").optional(),
  senderKind: z.enum(senderKinds, "Type d'envoyeur inconnu.").optional(),
  from: localDate("Date de début").optional().describe("Reçues à partir de ce jour (inclus)"),
  to: localDate("Date de fin").optional().describe("Reçues jusqu'à ce jour (inclus)"),
  limit: z.coerce.number("Nombre attendu.").int("Nombre entier attendu.").min(1, "1 au moins.").max(100, "100 au plus.").default(20),
  cursor: z.string().max(200).optional().describe("nextCursor de la page précédente"),
});

/** The people an employer may record a direct hire for (search by name, or one person by id). */
export const hireableQuerySchema = z.object({
  q: z.string().trim().max(100, "Recherche trop longue.").optional().describe("Mots du prénom ou du nom"),
  candidateId: z.uuid("Identifiant de candidat invalide.").optional().describe("Une seule personne (par exemple celle dont le profil vient d'être créé)"),
  limit: z.coerce.number("Nombre attendu.").int("Nombre entier attendu.").min(1, "1 au moins.").max(100, "100 au plus.").default(50),
});

export const messageBodySchema = z.object({
  body: z.string().trim().min(1, "Écrivez votre message.").max(5000, "Message : 5000 caractères au plus."),
});

export const settingsBodySchema = z.object({
  settings: z.array(z.object({ kind: z.enum(notificationKinds, "Type de notification inconnu."), enabled: z.boolean("Oui ou non attendu.") })).max(20),
});

// ---------- answers ----------

const candidateSchema = z.object({
  id: z.string(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  birthYear: z.number().nullable(),
  communeInsee: z.string().nullable(),
  postcode: z.string().nullable(),
  anonymised: z.boolean(),
});

export const listItemSchema = z.object({
  id: z.string(),
  state,
  stateLabel: z.string(),
  senderKind: z.enum(senderKinds),
  senderOrganisationName: z.string().nullable(),
  employerOrganisationId: z.string(),
  employerName: z.string(),
  candidate: z.object({ id: z.string(), firstName: z.string().nullable(), lastName: z.string().nullable(), anonymised: z.boolean() }),
  offer: z.object({ id: z.string(), title: z.string() }).nullable(),
  hiringStartAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const listPageSchema = z.object({
  items: z.array(listItemSchema),
  nextCursor: z.string().nullable(),
  counts: z.record(z.string(), z.number()).describe("Nombre de candidatures par état"),
});

export const transitionRecordSchema = z.object({
  transition: z.enum(historyEventNames),
  label: z.string(),
  from: state,
  to: state,
  actor: z.enum(["employer", "system"]),
  byUserName: z.string().nullable(),
  at: z.string(),
  refusalReason: z.enum(refusalReasonCodes as [string, ...string[]]).nullable(),
  refusalReasonLabel: z.string().nullable(),
  reasonSharedWithCandidate: z.boolean().nullable(),
  answerToCandidate: z.string().nullable(),
  answerToSender: z.string().nullable(),
  hiringStartAt: z.string().nullable(),
  hiringEndAt: z.string().nullable(),
});

export const messageSchema = z.object({
  id: z.number(),
  authorSide: z.enum(["employer", "prescriber"]),
  authorName: z.string().nullable(),
  authorOrganisationName: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
});

export const applicationDetailSchema = z.object({
  id: z.string(),
  viewerSide: z.enum(["employer", "prescriber", "candidate"]),
  state,
  stateLabel: z.string(),
  senderKind: z.enum(senderKinds),
  senderOrganisationName: z.string().nullable(),
  employerOrganisationId: z.string(),
  employerName: z.string(),
  offer: z.object({ id: z.string(), title: z.string(), withoutCv: z.boolean().describe("Offre « recrutement sans CV »") }).nullable(),
  message: z.string(),
  candidate: candidateSchema,
  hasCv: z.boolean().describe("Le CV actuel de la personne peut être lu par l'employeur et le prescripteur (GET …/cv)"),
  refusalReason: z.string().nullable(),
  hiringStartAt: z.string().nullable(),
  hiringEndAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  transitions: z.array(transitionRecordSchema),
  messages: z.array(messageSchema),
  actions: z.array(z.enum(transitionNames)).describe("Actions possibles pour la personne qui lit"),
  canEditHiringDates: z.boolean().describe("L'employeur peut encore déplacer les dates du contrat (pas encore commencé)"),
  canWriteMessages: z.boolean(),
});
export type ApplicationDetail = z.infer<typeof applicationDetailSchema>;
export type ApplicationListPage = z.infer<typeof listPageSchema>;

export const hireableCandidatesSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      firstName: z.string().nullable(),
      lastName: z.string().nullable(),
      postcode: z.string().nullable(),
      recordedByEmployer: z.boolean().describe("Profil créé par l'organisation de l'employeur (sinon : la personne lui a déjà adressé une candidature)"),
    }),
  ),
  total: z.number().describe("Nombre de personnes correspondantes, au-delà de la limite"),
});
export type HireableCandidates = z.infer<typeof hireableCandidatesSchema>;

export const createdSchema = z.object({ id: z.string() });
export const settingsSchema = z.array(z.object({ kind: z.enum(notificationKinds), label: z.string(), enabled: z.boolean() }));

export const applicationsRoutes = {
  send: { method: "POST", url: "/api/v1/applications" },
  received: { method: "GET", url: "/api/v1/applications/received" },
  sent: { method: "GET", url: "/api/v1/applications/sent" },
  mine: { method: "GET", url: "/api/v1/applications/mine" },
  hireable: { method: "GET", url: "/api/v1/applications/direct-hire-candidates" },
  get: { method: "GET", url: "/api/v1/applications/:id" },
  cv: { method: "GET", url: "/api/v1/applications/:id/cv" }, // the candidate's current CV (PDF), for the employer and the counsellor
  transition: { method: "POST", url: "/api/v1/applications/:id/transitions" },
  hiringDates: { method: "PUT", url: "/api/v1/applications/:id/hiring-dates" },
  postMessage: { method: "POST", url: "/api/v1/applications/:id/messages" },
  settings: { method: "GET", url: "/api/v1/notification-settings" },
  saveSettings: { method: "PUT", url: "/api/v1/notification-settings" },
} as const;
