// UI text of the Score QPV history: saving a report to the organisation, and the history page.
import { formatDate, formatInteger, formatShare } from "../shared-format.ts";

export const historyText = {
  save: {
    heading: "Suivre ce score dans le temps",
    lead: (organisation: string) =>
      `Enregistrez ce rapport dans l'historique de « ${organisation} » pour comparer votre Score QPV d'une année sur l'autre. Seuls les effectifs agrégés du rapport sont enregistrés.`,
    label: "Libellé (facultatif)",
    labelHint: "Par exemple un site ou un périmètre : « Site de Lille », « Siège ». 100 caractères au plus.",
    button: "Enregistrer dans mon organisation",
    saving: "Enregistrement…",
    saved: (organisation: string) => `Score enregistré dans l'historique de « ${organisation} ».`,
    historyLink: "Voir l'historique du Score QPV",
    signedOut: "Connectez-vous avec un compte employeur pour enregistrer ce score dans votre organisation et suivre son évolution d'une année sur l'autre.",
    signInLink: "Se connecter",
    notEmployer: "Pour enregistrer ce score dans un historique, agissez pour une organisation employeuse (menu de l'organisation en haut de la page).",
  },
  page: {
    title: "Historique du Score QPV",
    guardTitle: "Historique du Score QPV",
    lead: (organisation: string) =>
      `Les Score QPV enregistrés par « ${organisation} », période après période, comparés à la part de la population française qui vit dans un QPV.`,
    loading: "Chargement de l'historique…",
    empty: "Aucun score enregistré pour l'instant. Calculez un Score QPV puis, sur la page du rapport, choisissez « Enregistrer dans mon organisation ».",
    newScore: "Calculer un Score QPV",
    chartHeading: "Évolution",
    chartTitle: "Part des embauches en QPV et en zone rurale (ZRR/FRR) par période",
    chartDesc: (reference: string) =>
      `Diagramme en barres : pour chaque période, la part des embauches en QPV et la part en ZRR/FRR ; une ligne marque la référence nationale de ${reference}. Les valeurs sont dans le tableau qui suit.`,
    legendQpv: "Part en QPV",
    legendRural: "Part en ZRR/FRR",
    legendReference: (reference: string) => `Référence nationale QPV : ${reference}`,
    tableCaption: "Parts des embauches en QPV et en ZRR/FRR par période (données du graphique)",
    tableHeaders: ["Période", "Embauches localisées", "Part en QPV", "Évolution de la part en QPV", "Écart à la référence nationale", "Part en ZRR/FRR"],
    evolution: (points: number | null) =>
      points === null ? "—" : points === 0 ? "stable" : `${points > 0 ? "+" : "−"}${Math.abs(points).toLocaleString("fr-FR")} point${Math.abs(points) >= 2 ? "s" : ""}`,
    listHeading: "Scores enregistrés",
    listCaption: "Scores enregistrés dans l'historique de l'organisation",
    listHeaders: ["Enregistré le", "Période", "Libellé", "Part en QPV", "Part en ZRR/FRR", "Rapport", "Action"],
    listHeadersMember: ["Enregistré le", "Période", "Libellé", "Part en QPV", "Part en ZRR/FRR", "Rapport"],
    savedOn: (iso: string, by: string | null) => `${formatDate(iso)}${by ? ` par ${by}` : ""}`,
    period: (from: string, to: string) => `du ${formatDate(from)} au ${formatDate(to)}`,
    located: (n: number) => formatInteger(n),
    share: (share: number | null) => formatShare(share),
    reportLink: "Voir le rapport",
    reportLinkTitle: (period: string) => `Voir le rapport — ${period}`,
    reportGone: "Rapport d'origine non conservé",
    remove: "Supprimer",
    removeTitle: (period: string) => `Supprimer le score — ${period}`,
    confirmRemove: "Confirmer la suppression",
    confirmRemoveTitle: (period: string) => `Confirmer la suppression du score — ${period}`,
    cancel: "Annuler",
    removed: "Score supprimé de l'historique.",
    noLabel: "—",
  },
  link: "Historique du Score QPV de mon organisation",
} as const;
