// French e-mails about offers. Pure: each returns the stored subject and text body.
import type { MailContent } from "../mail/mail.templates.ts";
import { staleRules } from "./offers.domain.ts";

const signature = "\n\n— L'équipe Tremplin\nCe message est envoyé automatiquement, merci de ne pas y répondre.";
const frenchDate = (date: Date) => date.toLocaleDateString("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" });

export type OfferLine = { title: string; link: string; closesOn?: Date };

export const staleOffersMail = (input: { organisationName: string; offers: OfferLine[]; listLink: string }): MailContent => ({
  template: "offers_stale",
  subject:
    input.offers.length === 1
      ? `Votre offre « ${input.offers[0].title} » est-elle toujours d'actualité ?`
      : `${input.offers.length} offres de ${input.organisationName} sont-elles toujours d'actualité ?`,
  text:
    `Bonjour,\n\n` +
    `${input.offers.length === 1 ? "Cette offre" : "Ces offres"} de « ${input.organisationName} » n'${input.offers.length === 1 ? "a" : "ont"} pas été mise${input.offers.length === 1 ? "" : "s"} à jour depuis ${staleRules.flagAfterDays} jours :\n\n` +
    input.offers.map((o) => `- ${o.title}${o.closesOn ? ` (fermeture automatique le ${frenchDate(o.closesOn)})` : ""}\n  ${o.link}`).join("\n") +
    `\n\nSi le poste est toujours à pourvoir, confirmez-le ou modifiez l'offre ; sinon, fermez-la. ` +
    `Sans mise à jour, une offre est fermée automatiquement au bout de ${staleRules.closeAfterDays} jours, pour que les candidats et leurs accompagnateurs ne postulent pas en vain.\n\n` +
    `Toutes vos offres : ${input.listLink}` +
    signature,
});

export const offersAutoClosedMail = (input: { organisationName: string; offers: OfferLine[]; listLink: string }): MailContent => ({
  template: "offers_auto_closed",
  subject:
    input.offers.length === 1
      ? `Votre offre « ${input.offers[0].title} » a été fermée`
      : `${input.offers.length} offres de ${input.organisationName} ont été fermées`,
  text:
    `Bonjour,\n\n` +
    `Sans mise à jour depuis ${staleRules.closeAfterDays} jours, ${input.offers.length === 1 ? "cette offre" : "ces offres"} de « ${input.organisationName} » ${input.offers.length === 1 ? "a été fermée" : "ont été fermées"} automatiquement :\n\n` +
    input.offers.map((o) => `- ${o.title}\n  ${o.link}`).join("\n") +
    `\n\nSi le poste est toujours à pourvoir, vous pouvez rouvrir l'offre depuis vos offres : ${input.listLink}` +
    signature,
});
