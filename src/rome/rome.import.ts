// Import of the ROME 4.0 reference from the official France Travail export
// ("RefRomeCsv": unix_referentiel_code_rome_*, unix_referentiel_appellation_*,
// unix_referentiel_competence_*; .csv or .csv.gz). Replaces the three tables in
// one transaction and records the dataset; nothing is written on failure.
import { createReadStream, readdirSync } from "node:fs";
import { join } from "node:path";
import { createGunzip } from "node:zlib";
import { parse } from "csv-parse";
import { sql } from "kysely";
import type { Database } from "../server/db.ts";
import { runInTransaction, type Tx } from "../server/transaction.ts";
import { normaliseRomeLabel } from "./rome.domain.ts";
import { romeError } from "./rome.errors.ts";

export type RomeFiles = { fiches: string; appellations: string; competences: string; version: string };
export type RomeImportResult = { fiches: number; appellations: number; competences: number; millesime: string; rows: number };

const patterns = {
  fiches: /^unix_referentiel_code_rome_(v\d+)_utf8\.csv(\.gz)?$/,
  appellations: /^unix_referentiel_appellation_(v\d+)_utf8\.csv(\.gz)?$/,
  competences: /^unix_referentiel_competence_(v\d+)_utf8\.csv(\.gz)?$/,
} as const;

/** Finds the three files of an export in a directory (the newest version when several are present). */
export const findRomeFiles = (dir: string): RomeFiles => {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw romeError("rome.missing_file", { dir, pattern: "dossier illisible" });
  }
  const pick = (key: keyof typeof patterns) => {
    const found = names.filter((name) => patterns[key].test(name)).sort();
    if (!found.length) throw romeError("rome.missing_file", { dir, pattern: patterns[key].source.replace(/\\/g, "").replace(/[\^$]/g, "") });
    const name = found[found.length - 1];
    return { path: join(dir, name), version: patterns[key].exec(name)![1] };
  };
  const fiches = pick("fiches");
  return { fiches: fiches.path, appellations: pick("appellations").path, competences: pick("competences").path, version: fiches.version };
};

/** Streams the records of one official CSV file as objects keyed by header. */
async function* readRecords(file: string, required: string[]): AsyncGenerator<{ line: number; get: (column: string) => string }> {
  const input = createReadStream(file);
  const source = file.endsWith(".gz") ? input.pipe(createGunzip()) : input;
  const parser = source.pipe(parse({ bom: true, relax_column_count: true }));
  let header: string[] | null = null;
  let line = 0;
  try {
    for await (const row of parser as AsyncIterable<string[]>) {
      line++;
      if (!header) {
        header = row.map((cell) => cell.trim());
        const missing = required.filter((column) => !header!.includes(column));
        if (missing.length) throw romeError("rome.unreadable_file", { file, line, detail: `colonnes manquantes : ${missing.join(", ")}` });
        continue;
      }
      if (row.length === 1 && row[0] === "") continue;
      const cells = row;
      const columns = header;
      yield { line, get: (column) => (cells[columns.indexOf(column)] ?? "").trim() };
    }
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith("rome.")) throw error;
    throw romeError("rome.unreadable_file", { file, line: line + 1, detail: (error as Error).message });
  }
}

type Fiche = { code: string; label: string; parent: string };
type Appellation = { code: string; rome: string; label: string; short: string; rare: boolean };
type Competence = { code: string; kind: "competence" | "macro_competence"; label: string; category: string };

const invalid = (file: string, line: number, column: string, value: string) => romeError("rome.invalid_row", { file, line, column, value });

export const readRomeFiles = async (files: RomeFiles): Promise<{ fiches: Fiche[]; appellations: Appellation[]; competences: Competence[] }> => {
  const fiches: Fiche[] = [];
  for await (const { line, get } of readRecords(files.fiches, ["code_rome", "libelle_rome", "code_rome_parent"])) {
    const code = get("code_rome");
    if (!/^[A-N]\d{4}$/.test(code)) throw invalid(files.fiches, line, "code_rome", code);
    if (!get("libelle_rome")) throw invalid(files.fiches, line, "libelle_rome", "");
    fiches.push({ code, label: get("libelle_rome"), parent: get("code_rome_parent") || code });
  }
  const ficheCodes = new Set(fiches.map((fiche) => fiche.code));
  const appellations: Appellation[] = [];
  for await (const { line, get } of readRecords(files.appellations, ["code_ogr", "libelle_appellation_long", "libelle_appellation_court", "code_rome"])) {
    const code = get("code_ogr");
    if (!/^\d+$/.test(code)) throw invalid(files.appellations, line, "code_ogr", code);
    const rome = get("code_rome");
    if (!ficheCodes.has(rome)) throw invalid(files.appellations, line, "code_rome", rome);
    const label = get("libelle_appellation_long");
    if (!label) throw invalid(files.appellations, line, "libelle_appellation_long", "");
    appellations.push({ code, rome, label, short: get("libelle_appellation_court") || label, rare: get("peu_usite") === "O" });
  }
  const competences: Competence[] = [];
  for await (const { line, get } of readRecords(files.competences, ["code_ogr", "nature", "libelle_competence"])) {
    const code = get("code_ogr");
    if (!/^\d+$/.test(code)) throw invalid(files.competences, line, "code_ogr", code);
    const nature = get("nature");
    const kind = nature === "Compétence" ? "competence" : nature === "Macro-compétence" ? "macro_competence" : null;
    if (!kind) throw invalid(files.competences, line, "nature", nature);
    const label = get("libelle_competence");
    if (!label) throw invalid(files.competences, line, "libelle_competence", "");
    competences.push({ code, kind, label, category: get("cat_comp") });
  }
  return { fiches, appellations, competences };
};

const batches = async <T>(rows: T[], size: number, insert: (batch: T[]) => Promise<unknown>) => {
  for (let start = 0; start < rows.length; start += size) await insert(rows.slice(start, start + size));
};

// Upserts only: a code absent from a new release stays (offers and profiles that use it keep working).
const replaceTables = async (tx: Tx, data: Awaited<ReturnType<typeof readRomeFiles>>) => {
  await batches(data.fiches, 2000, (batch) =>
    sql`insert into rome_fiches (code, label, parent_code)
        select * from unnest(${batch.map((f) => f.code)}::text[], ${batch.map((f) => f.label)}::text[], ${batch.map((f) => f.parent)}::text[])
        on conflict (code) do update set label = excluded.label, parent_code = excluded.parent_code`.execute(tx),
  );
  await batches(data.appellations, 4000, (batch) =>
    sql`insert into rome_appellations (code, rome_code, label, short_label, label_norm, rarely_used)
        select * from unnest(${batch.map((a) => a.code)}::text[], ${batch.map((a) => a.rome)}::text[], ${batch.map((a) => a.label)}::text[],
                             ${batch.map((a) => a.short)}::text[], ${batch.map((a) => normaliseRomeLabel(a.label))}::text[], ${batch.map((a) => a.rare)}::boolean[])
        on conflict (code) do update set rome_code = excluded.rome_code, label = excluded.label, short_label = excluded.short_label,
          label_norm = excluded.label_norm, rarely_used = excluded.rarely_used`.execute(tx),
  );
  await batches(data.competences, 4000, (batch) =>
    sql`insert into rome_competences (code, kind, label, category, label_norm)
        select * from unnest(${batch.map((c) => c.code)}::text[], ${batch.map((c) => c.kind)}::text[], ${batch.map((c) => c.label)}::text[],
                             ${batch.map((c) => c.category)}::text[], ${batch.map((c) => normaliseRomeLabel(c.label))}::text[])
        on conflict (code) do update set kind = excluded.kind, label = excluded.label, category = excluded.category, label_norm = excluded.label_norm`.execute(tx),
  );
};

export type ImportRomeOptions = { onProgress?: (done: number, total: number | null) => void };

/** Replaces the ROME reference with the export found in `dir`. */
export const importRome = async (db: Database, dir: string, opts: ImportRomeOptions = {}): Promise<RomeImportResult> => {
  const files = findRomeFiles(dir);
  const data = await readRomeFiles(files);
  const rows = data.fiches.length + data.appellations.length + data.competences.length;
  opts.onProgress?.(0, rows);
  const millesime = `ROME 4.0 ${files.version}`;
  await runInTransaction(db, async (tx) => {
    await replaceTables(tx, data);
    const source = "France Travail — ROME 4.0 (RefRomeCsv)";
    await tx
      .insertInto("reference_datasets")
      .values({ kind: "rome", scope: "national", millesime, source, row_count: data.appellations.length })
      .onConflict((oc) => oc.columns(["kind", "scope"]).doUpdateSet({ millesime, source, row_count: data.appellations.length, imported_at: new Date() }))
      .execute();
  });
  opts.onProgress?.(rows, rows);
  return { fiches: data.fiches.length, appellations: data.appellations.length, competences: data.competences.length, millesime, rows: data.appellations.length };
};
