// `tremplin rgpd anonymise-inactive [--apply]`: the 2-year rule, by hand.
// Dry-run by default: counts what would be done, changes nothing.
import { parseArgs } from "node:util";
import { accountsConfigFromEnv } from "../accounts/accounts.deps.ts";
import { runRetention } from "../candidates/retention.ts";
import { createMailer } from "../mail/mailer.ts";
import { mailConfigFromEnv, transportFromConfig } from "../mail/mail.transport.ts";
import { createDatabase, databaseConfigFromEnv } from "../server/db.ts";
import { migrateToLatest } from "../server/migrate.ts";
import { CliUsageError } from "./cli-error.ts";
import { formatNumber } from "./progress.ts";

export const runRgpdCommand = async (args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> => {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { apply: { type: "boolean", default: false }, now: { type: "string" } } });
  if (positionals[0] !== "anonymise-inactive") throw new CliUsageError("Sous-commande attendue : tremplin rgpd anonymise-inactive [--apply]");
  // --now (AAAA-MM-JJ) is for tests and rehearsals: it simulates the run at that date.
  const now = values.now ? new Date(`${values.now}T12:00:00Z`) : new Date();
  if (Number.isNaN(now.getTime())) throw new CliUsageError("--now attend une date AAAA-MM-JJ.");
  const db = await createDatabase(databaseConfigFromEnv(env));
  try {
    await migrateToLatest(db);
    const mailConfig = mailConfigFromEnv(env);
    const mailer = createMailer({ db, transport: transportFromConfig(mailConfig), from: mailConfig.from, clock: { now: () => now } });
    const report = await runRetention({ db, mailer, publicUrl: accountsConfigFromEnv(env).publicUrl }, now, { apply: Boolean(values.apply) });
    if (values.apply) await mailer.flush();
    const out = process.stdout;
    if (!report.applied) {
      out.write("Simulation (aucune modification) — relancez avec --apply pour l'appliquer.\n");
      out.write(`Profils inactifs depuis 2 ans à prévenir : ${formatNumber(report.toNotify)}\n`);
      out.write(`Profils prévenus il y a plus de 30 jours, à anonymiser : ${formatNumber(report.toAnonymise)}\n`);
    } else {
      out.write(`Profils prévenus : ${formatNumber(report.notified)}\n`);
      out.write(`Profils anonymisés : ${formatNumber(report.anonymised)}\n`);
    }
    return 0;
  } finally {
    await db.destroy();
  }
};
