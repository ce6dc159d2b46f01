// Opens the runtime for a CLI command, showing the one-time loading of the
// shipped reference data on stderr.
import { configFromEnv } from "../server/config.ts";
import { openRuntime, type Runtime } from "../server/runtime.ts";
import { createProgress } from "./progress.ts";

export const openCliRuntime = async (options: { seed?: boolean } = {}): Promise<Runtime> => {
  const progressByLabel = new Map<string, ReturnType<typeof createProgress>>();
  return openRuntime(configFromEnv({ ...process.env, LOG_LEVEL: "silent" }), {
    seed: options.seed,
    onSeedProgress: ({ dataset, done, total, finished }) => {
      let progress = progressByLabel.get(dataset.label);
      if (!progress) {
        process.stderr.write(`Première utilisation : chargement des données de référence (${dataset.label})…\n`);
        progress = createProgress(`  ${dataset.label}`);
        progressByLabel.set(dataset.label, progress);
      }
      if (finished) progress.finish(`  ${dataset.label} : chargé.`);
      else progress.update(done, total);
    },
  });
};
