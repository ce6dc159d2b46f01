// Error catalogue of the ROME 4.0 reference (import, look-ups).
import { defineErrors } from "../server/errors.ts";

export const romeError = defineErrors({
  "rome.missing_file": {
    status: 400,
    message: (p) => `Fichier ROME introuvable dans ${String(p.dir)} : ${String(p.pattern)} (export « RefRomeCsv » de France Travail).`,
  },
  "rome.unreadable_file": {
    status: 400,
    message: (p) => `Fichier ROME ${String(p.file)} illisible${p.line ? ` (ligne ${p.line})` : ""} : ${String(p.detail)}.`,
  },
  "rome.invalid_row": {
    status: 400,
    message: (p) => `Fichier ROME ${String(p.file)}, ligne ${p.line}, colonne « ${String(p.column)} » : valeur invalide (« ${String(p.value)} »). Rien n'a été importé.`,
  },
  "rome.appellation_not_found": { status: 404, message: () => "Appellation ROME introuvable." },
});
