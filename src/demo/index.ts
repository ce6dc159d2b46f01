// Public surface of the demo territory, and what `npm start` calls.
import { type DemoDeps, type SeedReport, seedDemoTerritory } from "./demo.seed.ts";
import { demoModeFromEnv, demoPassword } from "./demo.domain.ts";

export { DemoRefusedInProduction, demoModeFromEnv, demoPassword, productionRefusalMessage } from "./demo.domain.ts";
export { demoAccounts, demoOrganisations } from "./demo.territory.ts";
export { type DemoDeps, type SeedReport, seedDemoTerritory } from "./demo.seed.ts";

const describe = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([what, count]) => `${count} ${what}`)
    .join(", ");

/**
 * On `npm start`: seeds what is missing unless TREMPLIN_DEMO=0; off in production,
 * and throws DemoRefusedInProduction when TREMPLIN_DEMO=1 is asked there.
 */
export const seedDemoOnStart = async (deps: DemoDeps, log: (line: string) => void): Promise<SeedReport | null> => {
  const env = deps.env ?? process.env;
  const mode = demoModeFromEnv(env);
  if (!mode.seed) return null;
  const report = await seedDemoTerritory({ ...deps, env });
  for (const { label, counts } of report.seeded) log(`Territoire de démonstration, chargé : ${label} (${describe(counts)}).`);
  if (report.unfinished.length) log(`Territoire de démonstration : « ${report.unfinished.join(", ")} » commencé par un autre démarrage, non terminé ; rien n'est refait ici.`);
  if (report.seeded.length) log(`Comptes de démonstration (liste dans README.md), mot de passe : ${demoPassword}. Désactiver : TREMPLIN_DEMO=0.`);
  return report;
};
