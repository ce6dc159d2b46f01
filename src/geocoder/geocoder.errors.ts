// Error codes of the geocoder capability (imports of communes and BAN files).
import { defineErrors } from "../server/errors.ts";

export const geocoderError = defineErrors({
  "ban.not_a_ban_file": {
    status: 400,
    message: (p) => `Le fichier n'est pas un export CSV de la Base Adresse Nationale (ligne ${p.line}${p.column ? `, colonne « ${p.column} »` : ""}) : ${p.detail}.`,
  },
  "ban.invalid_row": {
    status: 400,
    message: (p) => `Ligne ${p.line}, colonne « ${p.column} » : valeur invalide (« ${p.value} »). Aucune adresse n'a été importée.`,
  },
  "ban.empty_file": { status: 400, message: () => "Le fichier BAN ne contient aucune adresse." },
  "communes.unreadable_file": {
    status: 400,
    message: (p) => `Fichier des communes illisible${p.line ? ` (ligne ${p.line})` : ""} : ${p.detail}.`,
  },
  "communes.invalid_row": {
    status: 400,
    message: (p) => `Fichier des communes, ligne ${p.line}, colonne « ${p.column} » : valeur invalide (« ${p.value} »).`,
  },
  "communes.empty_file": { status: 400, message: () => "Le fichier des communes ne contient aucune commune." },
});
