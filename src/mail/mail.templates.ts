// French e-mail templates. Pure: each returns the stored subject and text body.
export type MailContent = { template: string; subject: string; text: string };

const signature = "\n\n— L'équipe Tremplin\nCe message est envoyé automatiquement, merci de ne pas y répondre.";

export const verificationCodeMail = (input: { name: string; code: string; validMinutes: number }): MailContent => ({
  template: "verification_code",
  subject: "Votre code de vérification Tremplin",
  text:
    `Bonjour ${input.name},\n\n` +
    `Voici votre code pour confirmer votre adresse électronique : ${input.code}\n\n` +
    `Il est valable ${input.validMinutes} minutes et ne peut servir qu'une fois. ` +
    `Si vous n'avez pas créé de compte sur Tremplin, ignorez ce message.` +
    signature,
});

export const passwordResetMail = (input: { name: string; link: string; validMinutes: number }): MailContent => ({
  template: "password_reset",
  subject: "Réinitialisation de votre mot de passe Tremplin",
  text:
    `Bonjour ${input.name},\n\n` +
    `Pour choisir un nouveau mot de passe, ouvrez ce lien :\n${input.link}\n\n` +
    `Il est valable ${input.validMinutes} minutes et ne peut servir qu'une fois. ` +
    `Si vous n'avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.` +
    signature,
});

/** Sent when someone signs up with an address that already has an account (the API answers the same either way). */
export const existingAccountMail = (input: { name: string; loginLink: string }): MailContent => ({
  template: "existing_account",
  subject: "Vous avez déjà un compte Tremplin",
  text:
    `Bonjour ${input.name},\n\n` +
    `Quelqu'un (peut-être vous) a voulu créer un compte avec cette adresse, qui en possède déjà un.\n` +
    `Pour vous connecter ou réinitialiser votre mot de passe : ${input.loginLink}\n\n` +
    `Si ce n'était pas vous, ignorez ce message.` +
    signature,
});

export const invitationMail = (input: { organisationName: string; inviterName: string; link: string; validDays: number }): MailContent => ({
  template: "invitation",
  subject: `Invitation à rejoindre ${input.organisationName} sur Tremplin`,
  text:
    `Bonjour,\n\n` +
    `${input.inviterName} vous invite à rejoindre l'organisation « ${input.organisationName} » sur Tremplin.\n\n` +
    `Pour accepter, ouvrez ce lien puis connectez-vous ou créez votre compte avec cette adresse électronique :\n${input.link}\n\n` +
    `L'invitation est valable ${input.validDays} jours.` +
    signature,
});
