// Error catalogue of accounts and sign-in.
import { defineErrors } from "../server/errors.ts";

export const accountsError = defineErrors({
  "auth.invalid_credentials": { status: 401, message: () => "Adresse électronique ou mot de passe incorrect." },
  "auth.email_not_verified": {
    status: 403,
    message: () => "Confirmez d'abord votre adresse électronique avec le code reçu par courriel.",
  },
  "auth.locked": {
    status: 429,
    message: (p) => `Trop de tentatives de connexion. Réessayez dans ${String(p.minutes)} minutes ou réinitialisez votre mot de passe.`,
  },
  "auth.too_many_requests": { status: 429, message: () => "Trop de demandes. Réessayez dans quelques minutes." },
  "auth.invalid_code": { status: 400, message: () => "Ce code est incorrect, expiré ou déjà utilisé. Demandez-en un nouveau." },
  "auth.invalid_reset_link": {
    status: 400,
    message: () => "Ce lien de réinitialisation est expiré ou a déjà servi. Demandez-en un nouveau.",
  },
  "auth.unauthenticated": { status: 401, message: () => "Connectez-vous pour accéder à cette page." },
  "auth.csrf": {
    status: 403,
    message: () => "Requête refusée : jeton anti-falsification (x-csrf-token) absent ou invalide. Rechargez la page.",
  },
  "auth.bad_origin": { status: 403, message: () => "Requête refusée : elle ne provient pas du site Tremplin." },
  "auth.forbidden": { status: 403, message: () => "Vous n'avez pas les droits nécessaires pour cette action." },
  "auth.oidc_disabled": { status: 404, message: () => "La connexion par ProConnect n'est pas configurée sur ce serveur." },
  "auth.oidc_failed": { status: 400, message: () => "La connexion par ProConnect a échoué. Recommencez depuis la page de connexion." },
  "auth.oidc_email_unverified": {
    status: 403,
    message: () => "Votre fournisseur d'identité n'a pas confirmé votre adresse électronique : connexion impossible.",
  },
  "auth.oidc_not_professional": {
    status: 403,
    message: () => "La connexion par ProConnect est réservée aux professionnels ; cette adresse correspond à un compte candidat.",
  },
});
