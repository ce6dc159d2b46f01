// `tremplin import qpv|zrr|frr|communes|ban FILE`, `tremplin import rome DIR`: load official files.
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { importBan } from "../geocoder/ban.import.ts";
import { importCommunes } from "../geocoder/communes.import.ts";
import { importQpv } from "../geo/import/qpv.import.ts";
import { importFrr, importZrr } from "../geo/import/rural.import.ts";
import { shippedDatasets } from "../reference-data/shipped.ts";
import { importRome } from "../rome/rome.import.ts";
import { CliUsageError } from "./cli-error.ts";
import { createProgress, formatNumber } from "./progress.ts";
import { openCliRuntime } from "./runtime.ts";

const kinds = ["qpv", "zrr", "frr", "communes", "ban", "rome"] as const;
type Kind = (typeof kinds)[number];

export const runImport = async (args: string[]): Promise<number> => {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { millesime: { type: "string" }, "ban-millesime": { type: "string" } },
  });
  const [kind, fileArgument] = positionals as [Kind | undefined, string | undefined];
  if (!kind || !kinds.includes(kind)) throw new CliUsageError(`Précisez ce qu'il faut importer : ${kinds.join(", ")}.`);
  const file = fileArgument ?? (kind === "communes" ? shippedDatasets().find((d) => d.kind === "communes")?.path : undefined);
  if (!file) throw new CliUsageError(kind === "rome" ? "Précisez le dossier de l'export ROME : tremplin import rome DOSSIER" : `Précisez le fichier à importer : tremplin import ${kind} FICHIER`);
  if (!existsSync(file)) throw new CliUsageError(`Fichier introuvable : ${file}`);
  const millesime = kind === "qpv" ? Number(values.millesime) : undefined;
  if (kind === "qpv" && millesime !== 2015 && millesime !== 2024) throw new CliUsageError("Précisez --millesime 2015 ou --millesime 2024.");

  // Communes first: the other imports and the geocoder rely on them.
  const runtime = await openCliRuntime({ seed: kind !== "communes" });
  const progress = createProgress(`Import ${kind}`);
  const onProgress = (done: number, total: number | null) => progress.update(done, total);
  try {
    const started = Date.now();
    const result: { count?: number; rows?: number } | unknown =
      kind === "qpv"
        ? await importQpv(runtime.db, file, { millesime: millesime as 2015 | 2024, onProgress })
        : kind === "zrr"
          ? await importZrr(runtime.db, file, { onProgress })
          : kind === "frr"
            ? await importFrr(runtime.db, file, { onProgress })
            : kind === "communes"
              ? await importCommunes(runtime.db, file, { onProgress })
              : kind === "rome"
                ? await importRome(runtime.db, file, { onProgress })
                : await importBan(runtime.db, file, { onProgress, millesime: values["ban-millesime"] });
    const count = (result as { count?: number; rows?: number }).count ?? (result as { rows?: number }).rows;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    progress.finish(`Import ${kind} terminé${count !== undefined ? ` : ${formatNumber(count)} éléments` : ""} en ${seconds} s.`);
    return 0;
  } finally {
    await runtime.close();
  }
};
