// `tremplin score-qpv FILE …`: the Score QPV of an HR export, offline.
import { createWriteStream, existsSync, rmSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { assessCertainty } from "../geo/certainty.ts";
import { columnMappingSchema } from "../score-qpv/score-qpv.contract.ts";
import { saveReport } from "../score-qpv/score-qpv.queries.ts";
import { type ReportFormat, renderReport, reportFormats } from "../score-qpv/report.render.ts";
import { createRowsOutput } from "../score-qpv/rows-output.ts";
import { runScoreQpv } from "../score-qpv/score.use-case.ts";
import { CliUsageError } from "./cli-error.ts";
import { createProgress, formatNumber } from "./progress.ts";
import { openCliRuntime } from "./runtime.ts";

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

const parseCommand = (args: string[]) => {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: "string", default: "json" },
      out: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      rows: { type: "string" },
      sheet: { type: "string" },
      mapping: { type: "string" },
      "no-save": { type: "boolean", default: false },
    },
  });
  const [file] = positionals;
  if (!file) throw new CliUsageError("Précisez le fichier à mesurer : tremplin score-qpv FICHIER");
  if (!existsSync(file)) throw new CliUsageError(`Fichier introuvable : ${file}`);
  const format = values.format as ReportFormat;
  if (!reportFormats.includes(format)) throw new CliUsageError(`--format attend ${reportFormats.join(", ")} (reçu : ${values.format}).`);
  if (format === "pdf" && !values.out) throw new CliUsageError("Le format pdf s'écrit dans un fichier : ajoutez --out rapport.pdf.");
  for (const name of ["from", "to"] as const) {
    const value = values[name];
    if (value !== undefined && !isoDate.test(value)) throw new CliUsageError(`--${name} attend une date AAAA-MM-JJ (reçu : ${value}).`);
  }
  let mapping;
  if (values.mapping) {
    try {
      mapping = columnMappingSchema.parse(JSON.parse(values.mapping));
    } catch {
      throw new CliUsageError('--mapping attend un objet JSON d\'indices de colonnes, par exemple {"street":0,"postcode":1,"city":2,"hireDate":3}.');
    }
  }
  return { ...values, file, format, mapping };
};

export const runScoreQpvCommand = async (args: string[]): Promise<number> => {
  const options = parseCommand(args);
  const runtime = await openCliRuntime();
  const rowsOutput = options.rows ? createRowsOutput(createWriteStream(options.rows)) : null;
  const progress = createProgress("Lignes traitées");
  try {
    const report = await runScoreQpv({
      source: { path: options.file },
      mapping: options.mapping,
      sheet: options.sheet,
      from: options.from,
      to: options.to,
      geocoder: runtime.geocoder,
      geography: runtime.geography,
      assessCertainty,
      departementQpvAddressShare: runtime.departementQpvAddressShare,
      onProgress: (done, total) => progress.update(done, total),
      onHeader: rowsOutput ? (headers) => rowsOutput.onHeader(headers) : undefined,
      onRow: rowsOutput ? (row, outcome) => rowsOutput.onRow(row, outcome) : undefined,
    });
    await rowsOutput?.close();
    progress.finish(
      `${formatNumber(report.rows.total)} lignes lues, ${formatNumber(report.rows.located)} embauches localisées sur la période ` +
        `${report.period.from} → ${report.period.to}.`,
    );
    // Only the aggregated report is kept, to follow the score year after year.
    if (!options["no-save"]) await saveReport(runtime.db, report, { source: "cli", jobId: null });
    const rendered = await renderReport(report, options.format);
    if (options.out) {
      writeFileSync(options.out, rendered.body);
      process.stderr.write(`Rapport écrit dans ${options.out}\n`);
    } else {
      process.stdout.write(rendered.body);
    }
    return 0;
  } catch (error) {
    // A failed run leaves nothing behind: no half-written --rows file.
    if (rowsOutput && options.rows) {
      await rowsOutput.close().catch(() => {});
      rmSync(options.rows, { force: true });
    }
    throw error;
  } finally {
    await runtime.close();
  }
};
