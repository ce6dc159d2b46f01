// UI text of the Score QPV report page.
import { formatDate, formatInteger, formatMillesime } from "../shared-format.ts";
import type { Comparison } from "./report.domain.ts";

const plural = (n: number, one: string, many: string) => (n > 1 ? many : one);

/** "FRR du 10 juillet 2025" from a date; a millésime that already names its scheme ("ZRR 2017-2018 (COG 2021)") as given. */
const millesimeOf = (scheme: string, millesime: string) =>
  millesime.toUpperCase().startsWith(scheme.toUpperCase()) ? millesime : `${scheme.toUpperCase()} ${formatMillesime(millesime)}`;

export const reportText = {
  title: "Rapport Score QPV",
  loading: "Chargement du rapport…",
  notFound: "Rapport introuvable",
  back: "Calculer un nouveau Score QPV",
  period: (from: string, to: string, defaulted: boolean) =>
    `Embauches du ${formatDate(from)} au ${formatDate(to)}${defaulted ? " (par défaut : les 12 mois avant la dernière embauche du fichier)" : ""}.`,
  generatedAt: (iso: string) => `Rapport établi le ${formatDate(iso)}.`,
  anonymity: "Ce rapport ne contient que des effectifs agrégés : aucune adresse ni ligne du fichier n'a été conservée. Les effectifs inférieurs à 5 sont affichés «\u00a0< 5\u00a0» ; «\u00a0masqué\u00a0» remplace un effectif d'au moins 5 qui permettrait de retrouver un petit effectif à partir du total.",
  headline: "Résultats",
  tiles: {
    qpv: "Part des embauches en QPV",
    qpvDetail: (count: number, located: number) =>
      `${formatInteger(count)} ${plural(count, "embauche", "embauches")} sur ${formatInteger(located)} ${plural(located, "localisée", "localisées")}`,
    rural: (schemes: string) => `Part des embauches en ${schemes}`,
    ruralDetail: (count: number) => `${formatInteger(count)} ${plural(count, "embauche", "embauches")} dans une commune classée`,
    uncertain: "Cas incertains",
    uncertainDetail: (count: number) =>
      `${plural(count, "embauche dont l'appartenance", "embauches dont l'appartenance")} à un QPV pourrait changer avec la précision du géocodage`,
    notComputable: "Aucune embauche localisée sur la période : la part ne peut pas être calculée.",
  },
  comparison: {
    heading: "Comparaison avec les références",
    national: (reference: string, source: string) => `${reference} de la population française vit dans un QPV (source : ${source}).`,
    sentence: (share: string, comparison: Comparison, what: string) =>
      comparison.direction === "equal"
        ? `Avec ${share}, la part de vos embauches en QPV est égale à ${what}.`
        : `Avec ${share}, la part de vos embauches en QPV est ${comparison.direction === "above" ? "supérieure" : "inférieure"} de ${comparison.points.toLocaleString("fr-FR")} ${plural(comparison.points, "point", "points")} à ${what}.`,
    nationalWhat: "la référence nationale",
    departementsWhat: "la référence des départements de vos embauches",
    departementsLead: "Part des adresses de chaque département situées en QPV, à comparer avec vos embauches qui y habitent :",
    departementsWeighted: (share: string) => `Pondérée par vos embauches, la référence des départements est de ${share}.`,
    departementsCaption: "Référence par département",
    departementsHeaders: ["Département", "Embauches localisées", "Part des adresses en QPV", "Source"],
  },
  rows: {
    heading: "Lignes du fichier",
    caption: "Décompte des lignes lues",
    headers: ["Lignes", "Nombre"],
    total: "Lignes lues",
    outOfPeriod: "Hors de la période",
    invalid: "Inutilisables (voir ci-dessous)",
    duplicates: "Doublons écartés",
    inPeriod: "Embauches dans la période",
    located: "Embauches localisées",
    unlocated: "Embauches non localisées",
    unlocatedHeading: "Embauches non localisées",
    unlocatedCaption: "Raisons pour lesquelles des embauches n'ont pas été localisées",
    reasonHeaders: ["Raison", "Lignes"],
    invalidHeading: "Lignes inutilisables",
    invalidCaption: "Lignes écartées et premières lignes concernées",
    invalidHeaders: ["Raison", "Lignes", "Premières lignes du fichier"],
    none: "Aucune.",
  },
  breakdowns: {
    heading: "Répartitions",
    byMonth: "Par mois d'embauche",
    byContractType: "Par type de contrat",
    byEstablishment: "Par établissement",
    byDepartement: "Par département de résidence",
    byQpv: "Par quartier prioritaire",
    headers: (first: string, rural: string) => [first, "Embauches localisées", "En QPV", "Part en QPV", `En ${rural}`],
    firstColumn: { byMonth: "Mois", byContractType: "Type de contrat", byEstablishment: "Établissement", byDepartement: "Département" },
    qpvHeaders: ["Quartier", "Code", "Millésime", "Embauches"],
    empty: "Aucune donnée pour cette répartition.",
    chartTitle: "Part des embauches en QPV par mois",
    chartDesc: "Diagramme en barres ; les valeurs sont dans le tableau ci-dessous.",
  },
  sources: {
    heading: "Millésimes et sources",
    qpv: (millesime: number, rows: number, source: string) => `QPV ${millesime} : ${formatInteger(rows)} ${plural(rows, "embauche mesurée", "embauches mesurées")} — ${source}`,
    rural: (scheme: string, millesime: string, rows: number, source: string) =>
      `${millesimeOf(scheme, millesime)} : ${formatInteger(rows)} ${plural(rows, "embauche mesurée", "embauches mesurées")} — ${source}`,
    geocoderLocal: "Géocodage : base d'adresses locale, sur ce serveur (aucune adresse n'a été envoyée à l'extérieur).",
    geocoderRemote: "Géocodage : base d'adresses locale, complétée par le service national de géocodage (Géoplateforme) pour une partie des adresses.",
  },
  downloads: {
    heading: "Télécharger le rapport",
    pdf: "Télécharger le PDF",
    csv: "Télécharger le CSV",
    md: "Télécharger le Markdown",
  },
} as const;
