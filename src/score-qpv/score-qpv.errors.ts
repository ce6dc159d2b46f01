// Error catalogue of the Score QPV: file-level problems that make a file unusable.
// Row-level problems (unreadable dates, duplicates) are counted in the report instead.
import { defineErrors } from "../server/errors.ts";

const megabytes = (bytes: unknown) => `${Math.round((Number(bytes) / 1024 / 1024) * 10) / 10} Mo`;

export const scoreError = defineErrors({
  "score.empty_file": { status: 400, message: () => "Le fichier est vide : aucune ligne à analyser." },
  "score.no_data_rows": {
    status: 400,
    message: (p) => `Le fichier ne contient aucune ligne de données sous l'en-tête (ligne ${p.headerLine}).`,
  },
  "score.unreadable_file": {
    status: 400,
    message: () => "Ce fichier n'est ni un CSV ni un classeur XLSX lisible (contenu binaire ou corrompu).",
  },
  "score.xls_not_supported": {
    status: 400,
    message: () => "Les classeurs Excel 97-2003 (.xls) ne sont pas lus : enregistrez le fichier au format .xlsx ou .csv.",
  },
  "score.file_too_large": {
    status: 413,
    message: (p) => `Le fichier dépasse la taille maximale autorisée (${megabytes(p.maxBytes)}).`,
  },
  "score.sheet_not_found": {
    status: 400,
    message: (p) => `La feuille « ${p.sheet} » n'existe pas dans le classeur (feuilles : ${p.sheets}).`,
  },
  "score.no_usable_column": {
    status: 400,
    message: (p) =>
      `Aucune colonne d'adresse reconnue dans l'en-tête (ligne ${p.headerLine}${p.sheet ? `, feuille « ${p.sheet} »` : ""}) : ` +
      "indiquez quelle colonne contient l'adresse, le code postal, la commune ou les coordonnées.",
  },
  "score.no_hire_date_column": {
    status: 400,
    message: (p) =>
      `Aucune colonne de date d'embauche reconnue dans l'en-tête (ligne ${p.headerLine}) : ` +
      "indiquez la colonne « Date d'entrée » ou « Date d'embauche ».",
  },
  "score.mapping_out_of_range": {
    status: 400,
    message: (p) => `La correspondance désigne la colonne ${Number(p.index) + 1} (${p.field}), absente du fichier (${p.columns} colonnes).`,
  },
  "score.invalid_fields": {
    status: 400,
    message: (p) => `Champs du formulaire invalides : ${p.fields} (dates attendues au format AAAA-MM-JJ).`,
  },
  "score.invalid_mapping": { status: 400, message: () => "La correspondance des colonnes est illisible (JSON attendu)." },
  "score.invalid_period": {
    status: 400,
    message: (p) => `Période invalide : le début (${p.from}) est postérieur à la fin (${p.to}).`,
  },
  "score.no_dated_row": {
    status: 400,
    message: (p) => `Aucune date d'embauche lisible dans la colonne « ${p.column} » : impossible de fixer la période des 12 derniers mois.`,
  },
  "score.missing_file": { status: 400, message: () => "Aucun fichier reçu : joignez le fichier des embauches (champ « file »)." },
  "score.unknown_format": { status: 400, message: (p) => `Format « ${p.format} » inconnu : pdf, csv ou md.` },
  "score.report_not_found": { status: 404, message: () => "Ce rapport n'existe pas." },
  "score.job_not_found": { status: 404, message: () => "Ce calcul n'existe pas." },
});
