// Import of a BAN departmental CSV (`;`, 23 columns, gz or plain), streamed
// with bounded memory. Rows are staged in batches, each committed with the job
// checkpoint, so that a crashed import resumes where it stopped; then
// `swapStagedBan` replaces the département(s) in one transaction.
import { createReadStream, openSync, readSync, closeSync, statSync } from "node:fs";
import { basename, resolve } from "node:path";
import type { ReadStream } from "node:fs";
import { createGunzip } from "node:zlib";
import { parse } from "csv-parse";
import { sql } from "kysely";
import type { Database } from "../server/db.ts";
import { describeError, isDomainError } from "../server/errors.ts";
import { runInTransaction } from "../server/transaction.ts";
import { createJob, failJob, findResumableJob, markRunning, updateProgress } from "../jobs/jobs.queries.ts";
import { canonicalSuffix, normaliseStreetName } from "./address-normaliser.ts";
import { swapStagedBan } from "./ban.swap.ts";
import { geocoderError } from "./geocoder.errors.ts";

export const banRequiredColumns = ["id", "numero", "rep", "nom_voie", "code_postal", "code_insee", "nom_commune", "lon", "lat", "nom_ld"] as const;
type Column = (typeof banRequiredColumns)[number];

export type BanImportOptions = {
  /** After each committed batch: rows staged so far, and an estimate of the total (from the bytes read). */
  onProgress?: (done: number, total: number | null) => void | Promise<void>;
  /** e.g. "BAN 2024-06"; by default taken from the file name (…_2024-06.csv.gz) or its date. */
  millesime?: string;
  /** Rows per multi-row insert (each batch is one transaction with its checkpoint). */
  batchSize?: number;
};
export type BanImportResult = { jobId: string; rows: number; departements: string[]; millesime: string; resumedFromLine: number | null };

type StagedRow = {
  line: number; departement: string; code_insee: string; code_postal: string; street_norm: string; nom_voie: string;
  numero: number | null; suffix: string; locality: string; lon: number; lat: number; commune_name: string;
};

const departementOf = (codeInsee: string): string => (codeInsee.startsWith("97") ? codeInsee.slice(0, 3) : codeInsee.slice(0, 2));

const isGzip = (filePath: string): boolean => {
  const fd = openSync(filePath, "r");
  const head = Buffer.alloc(2);
  readSync(fd, head, 0, 2, 0);
  closeSync(fd);
  return head[0] === 0x1f && head[1] === 0x8b;
};

const millesimeOf = (filePath: string, mtime: Date): string => {
  const match = /(\d{4})-(\d{2})/.exec(basename(filePath));
  return `BAN ${match ? `${match[1]}-${match[2]}` : mtime.toISOString().slice(0, 7)}`;
};

/** Maps a header to the indexes of the columns we read, or names the missing ones. */
const columnIndexes = (header: string[]): Record<Column, number> => {
  const names = header.map((h) => h.trim());
  const missing = banRequiredColumns.filter((c) => !names.includes(c));
  if (missing.length) {
    throw geocoderError("ban.not_a_ban_file", { line: 1, column: missing[0], detail: `colonnes manquantes : ${missing.join(", ")}` });
  }
  return Object.fromEntries(banRequiredColumns.map((c) => [c, names.indexOf(c)])) as Record<Column, number>;
};

const codeInseePattern = /^[0-9][0-9AB][0-9]{3}$/;

const makeRowReader = (indexes: Record<Column, number>) => {
  const streetKeys = new Map<string, string>();
  return (record: string[], line: number): StagedRow => {
    const get = (c: Column) => record[indexes[c]] ?? "";
    const invalid = (column: Column) => geocoderError("ban.invalid_row", { line, column, value: get(column).slice(0, 40) });
    const codeInsee = get("code_insee");
    if (!codeInseePattern.test(codeInsee)) throw invalid("code_insee");
    const lon = Number(get("lon"));
    const lat = Number(get("lat"));
    if (!get("lon") || !Number.isFinite(lon) || lon < -180 || lon > 180) throw invalid("lon");
    if (!get("lat") || !Number.isFinite(lat) || lat < -90 || lat > 90) throw invalid("lat");
    const numeroText = get("numero");
    if (numeroText && !/^\d{1,6}$/.test(numeroText)) throw invalid("numero");
    const nomVoie = get("nom_voie");
    let streetNorm = streetKeys.get(nomVoie);
    if (streetNorm === undefined) {
      if (streetKeys.size > 100_000) streetKeys.clear();
      streetNorm = normaliseStreetName(nomVoie);
      streetKeys.set(nomVoie, streetNorm);
    }
    return {
      line, departement: departementOf(codeInsee), code_insee: codeInsee, code_postal: get("code_postal"),
      street_norm: streetNorm, nom_voie: nomVoie, numero: numeroText ? Number(numeroText) : null,
      suffix: canonicalSuffix(get("rep")), locality: get("nom_ld"), lon, lat, commune_name: get("nom_commune"),
    };
  };
};

const stageBatch = async (db: Database, jobId: string, batch: StagedRow[], rowsSoFar: number): Promise<void> => {
  const col = <K extends keyof StagedRow>(key: K) => batch.map((r) => r[key]);
  const last = batch[batch.length - 1].line;
  await runInTransaction(db, async (tx) => {
    await sql`
      insert into ban_import_staging (job_id, line, departement, code_insee, code_postal, street_norm, nom_voie, numero, suffix, locality, lon, lat, commune_name)
      select ${jobId}::uuid, * from unnest(${col("line")}::int[], ${col("departement")}::text[], ${col("code_insee")}::text[],
        ${col("code_postal")}::text[], ${col("street_norm")}::text[], ${col("nom_voie")}::text[], ${col("numero")}::int[],
        ${col("suffix")}::text[], ${col("locality")}::text[], ${col("lon")}::float8[], ${col("lat")}::float8[], ${col("commune_name")}::text[])
      on conflict (job_id, line) do nothing`.execute(tx);
    await updateProgress(tx, jobId, { done: rowsSoFar, checkpoint: { line: last } });
  });
};

/** Unfinished jobs for the same path but another version of the file: their staging is obsolete. */
const dropSupersededJobs = async (db: Database, file: string, keepId: string | null): Promise<void> => {
  for (;;) {
    const stale = await findResumableJob(db, "import_ban", { file });
    if (!stale || stale.id === keepId) return;
    await db.deleteFrom("ban_import_staging").where("job_id", "=", stale.id).execute();
    await failJob(db, stale.id, { code: "ban.superseded", message: "Fichier modifié depuis : import repris de zéro." });
  }
};

const openRecords = (filePath: string): { source: ReadStream; records: AsyncIterable<{ record: string[]; info: { lines: number } }> } => {
  const source = createReadStream(filePath);
  const text = isGzip(filePath) ? source.pipe(createGunzip()) : source;
  text.on("error", (error: Error) => parser.destroy(error));
  const parser = text.pipe(parse({ delimiter: ";", bom: true, relax_quotes: true, info: true, skip_empty_lines: true }));
  return { source, records: parser as AsyncIterable<{ record: string[]; info: { lines: number } }> };
};

const estimateTotal = (rows: number, bytesRead: number, size: number): number | null =>
  bytesRead > 0 ? Math.max(rows, Math.round((rows * size) / bytesRead)) : null;

/** Imports (or resumes importing) a BAN CSV file; re-importing a département replaces it. */
export const importBan = async (db: Database, filePath: string, opts: BanImportOptions = {}): Promise<BanImportResult> => {
  const batchSize = opts.batchSize ?? 2000;
  const file = resolve(filePath);
  const stat = statSync(file);
  const params = { file, size: stat.size, mtime: stat.mtime.toISOString() };
  const previous = await findResumableJob(db, "import_ban", params);
  await dropSupersededJobs(db, file, previous?.id ?? null);
  const job = previous ?? (await createJob(db, "import_ban", params));
  if (previous) await markRunning(db, job.id);
  const resumeAfter = typeof previous?.checkpoint?.line === "number" ? previous.checkpoint.line : 0;
  let rows = previous ? previous.progressDone : 0;

  const { source, records } = openRecords(file);
  let line = 1;
  try {
    let readRow: ((record: string[], line: number) => StagedRow) | null = null;
    let batch: StagedRow[] = [];
    try {
      for await (const { record, info } of records) {
        line = info.lines;
        if (!readRow) {
          readRow = makeRowReader(columnIndexes(record));
          continue;
        }
        if (line <= resumeAfter) continue;
        batch.push(readRow(record, line));
        if (batch.length >= batchSize) {
          rows += batch.length;
          await stageBatch(db, job.id, batch, rows);
          batch = [];
          await opts.onProgress?.(rows, estimateTotal(rows, source.bytesRead, stat.size));
        }
      }
    } catch (error) {
      if (isDomainError(error)) throw error;
      if ((error as { code?: string }).code?.startsWith("CSV_") || (error as { code?: string }).code === "Z_DATA_ERROR" || (error as { errno?: number }).errno === -3) {
        throw geocoderError("ban.not_a_ban_file", { line: line + 1, detail: "contenu illisible (ni CSV BAN, ni gzip valide)" });
      }
      throw error;
    }
    if (!readRow) throw geocoderError("ban.not_a_ban_file", { line: 1, detail: "fichier vide" });
    if (batch.length) {
      rows += batch.length;
      await stageBatch(db, job.id, batch, rows);
      await opts.onProgress?.(rows, rows);
    }
    if (rows === 0) throw geocoderError("ban.empty_file");
    const millesime = opts.millesime ?? millesimeOf(file, stat.mtime);
    const swapped = await swapStagedBan(db, job.id, { millesime, source: basename(file) });
    return { jobId: job.id, rows: swapped.rows, departements: swapped.departements, millesime, resumedFromLine: previous ? resumeAfter : null };
  } catch (error) {
    // A bad file fails the job and leaves nothing behind; any other error (crash,
    // interruption) keeps the staged rows and checkpoint so that a re-run resumes.
    if (isDomainError(error)) {
      await db.deleteFrom("ban_import_staging").where("job_id", "=", job.id).execute();
      await failJob(db, job.id, { code: error.code, message: describeError(error).message });
    }
    throw error;
  } finally {
    source.destroy();
  }
};
