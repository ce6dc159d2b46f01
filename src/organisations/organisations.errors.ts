// Error catalogue of organisations, memberships, invitations and API keys.
import { defineErrors } from "../server/errors.ts";

export const organisationsError = defineErrors({
  "organisation.not_found": { status: 404, message: () => "Organisation introuvable." },
  "organisation.bad_siret": {
    status: 400,
    message: (p) =>
      p.reason === "not_14_digits"
        ? "Le SIRET doit comporter 14 chiffres."
        : "Ce SIRET n'existe pas : sa clé de contrôle est fausse. Vérifiez les 14 chiffres.",
  },
  "organisation.kind_reserved": {
    status: 403,
    message: (p) => `Le type « ${String(p.kind)} » ne peut être choisi que par un administrateur de la plateforme.`,
  },
  "organisation.already_exists": {
    status: 409,
    message: () => "Une organisation de ce type existe déjà avec ce SIRET : demandez à ses administrateurs de vous inviter.",
  },
  "organisation.professionals_only": { status: 403, message: () => "Seul un compte professionnel peut créer ou rejoindre une organisation." },
  "organisation.not_prescriber": { status: 400, message: () => "Seule une organisation prescriptrice a une habilitation." },
  "member.not_found": { status: 404, message: () => "Membre introuvable dans cette organisation." },
  "member.last_admin": {
    status: 409,
    message: () => "L'organisation doit garder au moins un administrateur : nommez-en un autre avant ce changement.",
  },
  "invitation.not_found": { status: 404, message: () => "Invitation introuvable, expirée ou déjà utilisée." },
  "invitation.wrong_email": {
    status: 403,
    message: () => "Cette invitation a été envoyée à une autre adresse : connectez-vous avec l'adresse invitée.",
  },
  "api_key.not_found": { status: 404, message: () => "Clé d'API introuvable." },
  "api_key.invalid": { status: 401, message: () => "Clé d'API absente, invalide ou révoquée (en-tête Authorization: Bearer …)." },
  "api_key.missing_scope": { status: 403, message: (p) => `Cette clé d'API n'a pas la portée « ${String(p.scope)} ».` },
  "api_key.rate_limited": { status: 429, message: () => "Trop de requêtes pour cette clé d'API : réessayez dans une minute." },
});
