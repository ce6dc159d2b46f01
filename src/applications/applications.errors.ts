// Error catalogue of applications: each code with its HTTP status and French message.
import { defineErrors } from "../server/errors.ts";
import { stateLabels, transitionLabels, type ApplicationState, type TransitionName } from "./application-states.domain.ts";

const label = (p: Record<string, unknown>) => transitionLabels[p.transition as TransitionName] ?? String(p.transition ?? "");
const state = (p: Record<string, unknown>) => stateLabels[p.state as ApplicationState] ?? String(p.state ?? "");

export const applicationsError = defineErrors({
  "application.not_found": { status: 404, message: () => "Candidature introuvable." },
  "application.cv_not_found": {
    status: 404,
    message: () => "Pas de CV avec cette candidature : la personne n'en a pas déposé dans son profil, ou l'a retiré.",
  },
  "application.candidate_not_found": { status: 404, message: () => "Candidat introuvable." },
  "application.offer_not_found": { status: 404, message: () => "Offre introuvable." },
  "application.offer_closed": { status: 409, message: () => "Cette offre est fermée : elle ne reçoit plus de candidatures." },
  "application.employer_not_found": { status: 404, message: () => "Employeur introuvable." },
  "application.employer_required": { status: 400, message: () => "Indiquez l'offre ou l'employeur auquel la candidature est adressée." },
  "application.candidate_anonymised": { status: 409, message: () => "Les données de ce candidat ont été effacées : il ne peut plus postuler." },
  "application.no_candidate_profile": { status: 409, message: () => "Complétez d'abord votre profil de candidat pour pouvoir postuler." },
  "application.already_active": {
    status: 409,
    message: () => "Ce candidat a déjà une candidature en cours pour cette offre : attendez sa réponse avant d'en envoyer une autre.",
  },
  "application.transition_not_allowed": {
    status: 409,
    message: (p) => `Action « ${label(p)} » impossible : la candidature est à l'état « ${state(p)} ».`,
  },
  "application.actor_not_allowed": { status: 403, message: () => "Seul l'employeur qui reçoit la candidature peut y répondre." },
  "application.geiq_only": { status: 409, message: () => "Les actions préalables à l'embauche sont réservées aux GEIQ." },
  "application.postpone_answer_required": { status: 400, message: () => "Indiquez au candidat pourquoi sa candidature est mise en attente." },
  "application.refusal_reason_reserved": { status: 400, message: () => "Ce motif de refus est réservé au refus automatique." },
  "application.hiring_start_in_past": { status: 400, message: () => "Il n'est pas possible d'antidater un contrat : indiquez une date de début à partir d'aujourd'hui." },
  "application.hiring_start_required": { status: 400, message: () => "Indiquez la date de début du contrat." },
  "application.hiring_start_too_far": { status: 400, message: () => "La date de début du contrat ne peut pas être à plus de 6 mois d'aujourd'hui." },
  "application.hiring_end_before_start": { status: 400, message: () => "La date de fin du contrat doit être postérieure à la date de début." },
  "application.hiring_postpone_too_far": { status: 400, message: () => "La date de début du contrat ne peut être repoussée de plus de 30 jours." },
  "application.hire_started": { status: 409, message: () => "Le contrat a déjà commencé : sa date de début ne peut plus être modifiée." },
  "application.answer_too_long": { status: 400, message: (p) => `Message trop long (${String(p.max ?? 3000)} caractères au plus).` },
  "application.messages_closed": {
    status: 409,
    message: () => "Les messages sont échangés entre l'employeur et le prescripteur qui a envoyé la candidature : il n'y en a pas ici.",
  },
  "application.direct_hire_own_candidate": {
    status: 404,
    message: () => "Candidat introuvable : un employeur déclare une embauche pour un candidat qu'il a lui-même enregistré ou qui l'a déjà sollicité.",
  },
});
