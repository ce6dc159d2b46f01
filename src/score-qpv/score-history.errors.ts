// Error catalogue of the Score QPV history.
import { defineErrors } from "../server/errors.ts";

export const scoreHistoryError = defineErrors({
  "score_history.not_found": { status: 404, message: () => "Ce score enregistré n'existe pas (ou n'appartient pas à votre organisation)." },
  "score_history.report_not_found": {
    status: 404,
    message: () => "Rapport introuvable : seul le rapport d'un calcul de Score QPV terminé peut être enregistré (champ « reportId »).",
  },
  "score_history.already_saved": { status: 409, message: () => "Ce rapport est déjà enregistré dans l'historique de votre organisation." },
});
