// French e-mails of applications, one per notice (kind × audience). Pure.
// They name the person only to the professionals who see the application;
// free texts (answers, messages) are quoted as written.
import type { MailContent } from "../mail/mail.templates.ts";
import { frenchDate } from "./application-dates.domain.ts";
import type { Audience, NotificationKind } from "./application-notifications.domain.ts";
import { refusalReasons, type RefusalReason } from "./application-states.domain.ts";

const signature = "\n\n— L'équipe Tremplin\nCe message est envoyé automatiquement, merci de ne pas y répondre.";
const settingsHint = "\n\nVous pouvez choisir les courriels que vous recevez dans « Mes notifications ».";

export type MailFacts = {
  candidateName: string;
  employerName: string;
  offerTitle: string | null;
  senderName: string | null;
  link: string;
  hiringStartAt?: string | null;
  hiringEndAt?: string | null;
  refusalReason?: RefusalReason | null;
  reasonShared?: boolean | null;
  answerToCandidate?: string | null;
  answerToSender?: string | null;
  messageBody?: string | null;
  messageAuthor?: string | null;
};

const where = (f: MailFacts) => (f.offerTitle ? `pour l'offre « ${f.offerTitle} » chez ${f.employerName}` : `chez ${f.employerName} (candidature spontanée)`);
const quote = (title: string, text: string | null | undefined) => (text ? `\n\n${title} :\n${text}` : "");

export const applicationMail = (kind: NotificationKind, audience: Audience, f: MailFacts): MailContent => {
  const template = `application_${kind}_${audience}`;
  const toCandidate = audience === "candidate";
  const about = toCandidate ? "Votre candidature" : `La candidature de ${f.candidateName}`;
  const pro = toCandidate ? "" : settingsHint;
  switch (kind) {
    case "application_received":
      return {
        template,
        subject: `Nouvelle candidature de ${f.candidateName}`,
        text: `Bonjour,\n\n${f.candidateName} a postulé ${where(f)}${f.senderName ? `, candidature envoyée par ${f.senderName}` : ""}.\n\nPour l'étudier et y répondre :\n${f.link}${pro}${signature}`,
      };
    case "application_sent":
      return {
        template,
        subject: "Candidature envoyée",
        text: `Bonjour,\n\n${about} ${where(f)} a bien été envoyée. L'employeur vous répondra sur Tremplin.\n\nPour la suivre :\n${f.link}${pro}${signature}`,
      };
    case "application_accepted":
      return {
        template,
        subject: "Candidature acceptée",
        text:
          `Bonjour,\n\n${about} ${where(f)} a été acceptée.` +
          (f.hiringStartAt ? `\n\nDébut du contrat : ${frenchDate(f.hiringStartAt)}${f.hiringEndAt ? `, fin prévue : ${frenchDate(f.hiringEndAt)}` : ""}.` : "") +
          quote("Message de l'employeur", f.answerToCandidate) +
          `\n\nPour la consulter :\n${f.link}${pro}${signature}`,
      };
    case "application_refused": {
      const reason = f.refusalReason ? refusalReasons[f.refusalReason] : null;
      const shownReason = toCandidate ? (f.reasonShared ? reason : null) : reason;
      return {
        template,
        subject: "Candidature déclinée",
        text:
          `Bonjour,\n\n${about} ${where(f)} n'a malheureusement pas pu aboutir.` +
          (shownReason ? `\n\nMotif : ${shownReason}` : "") +
          (!toCandidate && reason ? `\n(motif ${f.reasonShared ? "transmis" : "non transmis"} au candidat)` : "") +
          quote(toCandidate ? "Message de l'employeur" : "Réponse de l'employeur transmise au candidat", f.answerToCandidate) +
          (toCandidate ? "" : quote("Message de l'employeur pour vous", f.answerToSender)) +
          (toCandidate ? "\n\nNous vous souhaitons bon courage dans votre recherche." : "") +
          `\n\n${f.link}${pro}${signature}`,
      };
    }
    case "application_postponed":
      return {
        template,
        subject: "Candidature mise en attente",
        text: `Bonjour,\n\n${about} ${where(f)} a été mise en attente par l'employeur.${quote("Message de l'employeur", f.answerToCandidate)}\n\n${f.link}${pro}${signature}`,
      };
    case "application_pooled":
      return {
        template,
        subject: "Candidature ajoutée au vivier",
        text: `Bonjour,\n\n${about} ${where(f)} a été ajoutée au vivier de l'employeur : il pourra y revenir quand un poste s'ouvrira.${quote("Message de l'employeur", f.answerToCandidate)}\n\n${f.link}${pro}${signature}`,
      };
    case "hire_cancelled":
      return {
        template,
        subject: "Embauche annulée",
        text: `Bonjour,\n\nL'embauche de ${f.candidateName} ${where(f)} a été annulée par l'employeur.\n\n${f.link}${pro}${signature}`,
      };
    case "message_received":
      return {
        template,
        subject: `Nouveau message sur la candidature de ${f.candidateName}`,
        text: `Bonjour,\n\n${f.messageAuthor ?? "Un professionnel"} a écrit au sujet de la candidature de ${f.candidateName} ${where(f)} :\n\n${f.messageBody ?? ""}\n\nPour répondre :\n${f.link}${pro}${signature}`,
      };
  }
};
