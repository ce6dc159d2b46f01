// French e-mails of candidates. Pure.
import type { MailContent } from "../mail/mail.templates.ts";
import { retention } from "./candidates.domain.ts";

const signature = "\n\n— L'équipe Tremplin\nCe message est envoyé automatiquement, merci de ne pas y répondre.";

const frenchDate = (date: Date) => new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" }).format(date);

export const inactivityNoticeMail = (input: { firstName: string; anonymiseOn: Date; link: string }): MailContent => ({
  template: "candidate_inactivity_notice",
  subject: "Votre profil Tremplin sera bientôt anonymisé",
  text:
    `Bonjour${input.firstName ? ` ${input.firstName}` : ""},\n\n` +
    `Votre profil de candidat sur Tremplin n'a pas été utilisé depuis 2 ans. Comme nous nous y sommes engagés, ` +
    `vos données personnelles (identité, coordonnées, adresse, CV…) seront effacées le ${frenchDate(input.anonymiseOn)}, ` +
    `dans ${retention.noticeDays} jours. Seules des statistiques sans lien avec vous seront conservées.\n\n` +
    `Pour garder votre profil, ouvrez-le simplement d'ici là (ou demandez à votre conseiller ou conseillère de le mettre à jour) :\n${input.link}\n\n` +
    `Vous pouvez aussi y télécharger vos données avant leur effacement.` +
    signature,
});
