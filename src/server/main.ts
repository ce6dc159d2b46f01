// `npm start`: migrate, load the shipped reference data once, serve on PORT.
import { accountsConfigFromEnv, purgeExpiredAuthData } from "../accounts/index.ts";
import { autoRefuseUnanswered } from "../applications/applications.use-cases.ts";
import { startRetentionSchedule } from "../candidates/retention.ts";
import { DemoRefusedInProduction, seedDemoOnStart } from "../demo/index.ts";
import { markStaleJobsInterrupted } from "../jobs/jobs.queries.ts";
import { runOfferHousekeeping } from "../offers/offers.housekeeping.ts";
import { createMailer } from "../mail/mailer.ts";
import { mailConfigFromEnv, transportFromConfig } from "../mail/mail.transport.ts";
import { buildApp } from "./app.ts";
import { capabilities } from "./capabilities.ts";
import { configFromEnv } from "./config.ts";
import { openRuntime } from "./runtime.ts";

const config = configFromEnv();
let lastLabel = "";
const runtime = await openRuntime(config, {
  onSeedProgress: ({ dataset, finished }) => {
    if (dataset.label !== lastLabel) console.log(`Chargement initial des données de référence : ${dataset.label}…`);
    lastLabel = dataset.label;
    if (finished) console.log(`  ${dataset.label} : chargé.`);
  },
});
// Score jobs of a process that died are reported as interrupted (their files were never stored).
await markStaleJobsInterrupted(runtime.db);

const mailConfig = mailConfigFromEnv();
const mailer = createMailer({ db: runtime.db, transport: transportFromConfig(mailConfig), from: mailConfig.from });
mailer.start();

// The demo territory (accounts with a public password): on by default, TREMPLIN_DEMO=0 to skip, refused in production.
try {
  await seedDemoOnStart(
    {
      accounts: { db: runtime.db, mailer, config: accountsConfigFromEnv({ PORT: String(config.port), ...process.env }) },
      geography: runtime.geography,
      geocoder: runtime.geocoder,
      departementQpvAddressShare: runtime.departementQpvAddressShare,
    },
    (line) => console.log(line),
  );
} catch (error) {
  if (!(error instanceof DemoRefusedInProduction)) throw error;
  console.error(error.message);
  mailer.stop();
  await runtime.close();
  process.exit(1);
}
const applicationsConfig = accountsConfigFromEnv({ PORT: String(config.port), ...process.env });
const offerHousekeeping = () =>
  runOfferHousekeeping({ db: runtime.db, mailer, publicUrl: applicationsConfig.publicUrl }, new Date()).catch((error) =>
    console.error("Suivi des offres sans mise à jour impossible", error),
  );
await offerHousekeeping();
const housekeeping = setInterval(() => {
  purgeExpiredAuthData(runtime.db, new Date()).catch((error) => console.error("Nettoyage des sessions impossible", error));
  // Applications unanswered for 60 days are refused automatically (reason « auto »).
  autoRefuseUnanswered({ db: runtime.db, mailer, config: applicationsConfig }).catch((error) => console.error("Refus automatique des candidatures impossible", error));
  // Offers not updated for 60 days are flagged to their employer, closed after 90.
  void offerHousekeeping();
}, 60 * 60_000);
housekeeping.unref();
// RGPD: profiles inactive for 2 years are notified, then anonymised after the notice period.
const stopRetention = startRetentionSchedule({ db: runtime.db, mailer, publicUrl: accountsConfigFromEnv({ PORT: String(config.port), ...process.env }).publicUrl });

const app = await buildApp({ db: runtime.db, config }, capabilities(runtime, mailer));
await app.listen({ port: config.port, host: config.host });
console.log(`Tremplin écoute sur http://localhost:${config.port}`);

const shutdown = async () => {
  clearInterval(housekeeping);
  stopRetention();
  mailer.stop();
  await app.close();
  await runtime.close();
  process.exit(0);
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
