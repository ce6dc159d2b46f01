// `npx tremplin …` — the command line. Works offline on the embedded database.
import { isDomainError, describeError } from "../server/errors.ts";
import { CliUsageError } from "./cli-error.ts";
import { runImport } from "./import.command.ts";
import { runRgpdCommand } from "./rgpd.command.ts";
import { runScoreQpvCommand } from "./score-qpv.command.ts";

const usage = `Tremplin — outils en ligne de commande

Usage :
  tremplin score-qpv FICHIER [--format json|md|csv|pdf] [--out FICHIER] [--from AAAA-MM-JJ --to AAAA-MM-JJ]
                             [--rows FICHIER] [--sheet FEUILLE] [--mapping JSON]
      Calcule le Score QPV d'un export RH (CSV ou XLSX) : part des embauches résidant en QPV et en ZRR/FRR.
      Aucune adresse n'est conservée. --rows écrit, en local, chaque ligne avec son résultat.

  tremplin import qpv FICHIER --millesime 2015|2024    périmètres QPV (GeoJSON, .gz accepté)
  tremplin import zrr FICHIER                          classement ZRR (CSV ANCT)
  tremplin import frr FICHIER                          classement FRR (CSV DGCL)
  tremplin import communes [FICHIER]                   communes (communes.json de @etalab/decoupage-administratif ou CSV)
  tremplin import ban FICHIER                          adresses BAN d'un département (CSV, .gz accepté)
  tremplin import rome DOSSIER                         référentiel ROME 4.0 (export RefRomeCsv de France Travail, .csv ou .csv.gz)

  tremplin rgpd anonymise-inactive [--apply]
      Profils candidats sans activité depuis 2 ans : prévient la personne par courriel, puis anonymise
      30 jours après. Sans --apply : simulation, affiche les nombres et ne change rien.

Base de données : embarquée (./var/pglite) par défaut, ou DATABASE_URL=postgres://…
`;

const main = async (argv: string[]): Promise<number> => {
  const [command, ...rest] = argv;
  switch (command) {
    case "score-qpv":
      return runScoreQpvCommand(rest);
    case "import":
      return runImport(rest);
    case "rgpd":
      return runRgpdCommand(rest);
    case undefined:
    case "help":
    case "--help":
    case "-h":
      process.stdout.write(usage);
      return command === undefined ? 1 : 0;
    default:
      process.stderr.write(`Commande inconnue : ${command}\n\n${usage}`);
      return 2;
  }
};

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (isDomainError(error)) {
    process.stderr.write(`Erreur : ${describeError(error).message}\n`);
    process.exitCode = 1;
  } else if (error instanceof CliUsageError) {
    process.stderr.write(`Erreur : ${error.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`Erreur inattendue : ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 70;
  }
}
