// UI text of the Score QPV pages (upload, columns, progress).
import { formatInteger } from "../shared-format.ts";

export const scoreQpvText = {
  title: "Score QPV",
  lead: [
    "Le Score QPV mesure la part de vos embauches des 12 derniers mois dont la personne habite dans un quartier prioritaire de la politique de la ville (QPV) ou dans une commune rurale classée (FRR, ou ZRR avant le 1er juillet 2024).",
    "Chaque embauche est comparée à la géographie en vigueur à sa date, avec les périmètres officiels, et le rapport dit combien de cas sont incertains.",
    "Le fichier est lu en mémoire puis oublié : aucune adresse ni ligne n'est conservée, seul le rapport agrégé l'est.",
  ],
  steps: ["Déposer le fichier", "Vérifier les colonnes", "Calculer le score", "Lire le rapport"],
  upload: {
    label: "Fichier des embauches",
    hint: "Export CSV (séparateur ; ou ,) ou classeur Excel (.xlsx), avec une ligne par embauche : adresse du domicile, date d'embauche, et si possible type de contrat et établissement.",
    submit: "Analyser le fichier",
    submitting: "Analyse du fichier…",
    missing: "Choisissez un fichier CSV ou XLSX.",
    wrongType: "Le fichier doit être au format CSV ou XLSX (extension .csv ou .xlsx).",
  },
  inspection: {
    heading: "Colonnes du fichier",
    fileSummary: (name: string, format: string, headerLine: number) => `${name} — ${format.toUpperCase()}, en-têtes lus à la ligne ${headerLine}`,
    encoding: (encoding: string) => `encodage ${encoding}`,
    delimiter: (delimiter: string) => `séparateur « ${delimiter} »`,
    sheet: "Feuille du classeur",
    sheetHint: "Le classeur contient plusieurs feuilles : choisissez celle des embauches.",
    tableCaption: "Colonnes détectées et exemples de valeurs",
    columnHeaders: ["N°", "En-tête", "Exemples de valeurs", "Utilisée comme"],
    unused: "non utilisée",
    emptyHeader: "(sans en-tête)",
    warnings: "Points d'attention",
    needsMapping: "Les en-têtes ne suffisent pas à reconnaître les colonnes. Indiquez ci-dessous quelle colonne contient quelle information.",
    recognised: "Les colonnes ont été reconnues automatiquement. Vérifiez-les dans le tableau ci-dessus.",
    editMapping: "Modifier la correspondance des colonnes",
    restart: "Choisir un autre fichier",
  },
  mapping: {
    legend: "Correspondance des colonnes",
    hint: "Pour localiser les embauches, il faut soit une adresse complète, soit la voie avec le code postal ou la commune, soit la latitude et la longitude.",
    none: "— Absente du fichier —",
    option: (index: number, header: string, sample: string | undefined) => `${index + 1}. ${header}${sample ? ` (ex. : ${sample})` : ""}`,
    errors: {
      noLocation: "Choisissez la colonne de l'adresse complète, ou celles de la voie et du code postal ou de la commune, ou la latitude et la longitude.",
      latWithoutLon: "Choisissez aussi la colonne de la longitude.",
      lonWithoutLat: "Choisissez aussi la colonne de la latitude.",
      duplicate: (other: string) => `Cette colonne est déjà utilisée pour « ${other} ».`,
    },
  },
  period: {
    legend: "Période mesurée (facultatif)",
    hint: "Par défaut : les 12 mois avant la dernière embauche du fichier.",
    from: "Du",
    to: "Au",
    errors: { order: "La date de fin doit être postérieure à la date de début.", invalid: "Saisissez une date valide." },
  },
  start: "Calculer le Score QPV",
  starting: "Envoi du fichier…",
  progress: {
    heading: "Calcul en cours",
    label: "Avancement du calcul",
    counted: (done: number, total: number | null) =>
      total === null ? `${formatInteger(done)} lignes traitées` : `${formatInteger(done)} lignes traitées sur ${formatInteger(total)}`,
    pending: "Le calcul va commencer…",
    failed: "Le calcul a échoué",
    interrupted: "Le calcul a été interrompu (le serveur a peut-être redémarré). Relancez-le avec le même fichier.",
    retry: "Recommencer avec un fichier",
  },
} as const;
