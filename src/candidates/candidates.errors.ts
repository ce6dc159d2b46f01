// Error catalogue of candidates.
import { defineErrors } from "../server/errors.ts";

export const candidatesError = defineErrors({
  "candidate.not_found": { status: 404, message: () => "Candidat introuvable." },
  "candidate.no_profile": { status: 404, message: () => "Vous n'avez pas encore de profil candidat : créez-le pour commencer." },
  "candidate.already_exists": { status: 409, message: () => "Vous avez déjà un profil candidat : modifiez-le plutôt que d'en créer un autre." },
  "candidate.anonymised": { status: 409, message: () => "Ce profil a été anonymisé : il ne peut plus être modifié." },
  "candidate.needs_organisation": {
    status: 403,
    message: () => "Choisissez l'organisation pour laquelle vous agissez avant de créer ou de consulter des candidats.",
  },
  "candidate.export_forbidden": { status: 403, message: () => "Seuls la personne et les conseillers qui l'accompagnent peuvent exporter ses données." },
  "candidate.unknown_appellations": {
    status: 400,
    message: (p) => `Métier(s) recherché(s) inconnu(s) du ROME 4.0 : ${String(p.codes)}.`,
  },
  "candidate.unknown_skills": { status: 400, message: (p) => `Compétence(s) inconnue(s) du ROME 4.0 : ${String(p.codes)}.` },
  "cv.empty": { status: 400, message: () => "Le fichier du CV est vide." },
  "cv.too_large": { status: 413, message: () => "Le CV dépasse 5 Mo : réduisez sa taille (export PDF « taille réduite ») et recommencez." },
  "cv.not_pdf": { status: 415, message: () => "Le CV doit être un fichier PDF (le contenu envoyé n'en est pas un)." },
  "cv.not_found": { status: 404, message: () => "Aucun CV n'est enregistré pour ce candidat." },
});
