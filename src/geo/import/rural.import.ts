// Import of the rural zoning lists by commune: ZRR (ANCT CSV) and FRR (DGCL CSV).
// Streaming; each list is replaced in one transaction, nothing is written on failure.
import { basename } from "node:path";
import type { Database } from "../../server/db.ts";
import { runInTransaction, type Tx } from "../../server/transaction.ts";
import { geoError } from "../geo.errors.ts";
import { upsertDataset } from "../reference-datasets.queries.ts";
import { normaliseLabel, readCsvRecords } from "./csv-records.ts";
import type { ImportProgress } from "./qpv.import.ts";
import { parseFrrClass, parseZrrClass, type RuralClassValue } from "./rural-classes.ts";

export type RuralImportOptions = { millesime?: string; onProgress?: ImportProgress };
export type RuralImportResult = { scheme: "zrr" | "frr"; millesime: string; rowCount: number; classified: number };

export const RURAL_SCOPE = "france";
const INSEE_CODE = /^[0-9][0-9AB][0-9]{3}$/;
const BATCH = 1000;

type ListSpec = {
  scheme: "zrr" | "frr";
  /** A header line of the raw text (used to pick the delimiter). */
  headerLine: RegExp;
  codeHeaders: string[];
  classHeader: (cell: string) => boolean;
  parseClass: (value: string) => RuralClassValue | null;
  /** Millésime from the lines above the data (title lines, header cells), or the default. */
  millesime: (preamble: string[]) => string;
};

const ZRR: ListSpec = {
  scheme: "zrr",
  headerLine: /CODGEO|Code Insee/i,
  codeHeaders: ["codgeo", "code insee"],
  classHeader: (cell) => cell === "zrr simp" || cell === "classement en zrr",
  parseClass: parseZrrClass,
  millesime: (preamble) => {
    const cog = preamble.map((text) => /au 1er janvier (\d{4})/i.exec(text)?.[1]).find(Boolean) ?? "2021";
    return `ZRR 2017-2018 (COG ${cog})`;
  },
};

const FRR: ListSpec = {
  scheme: "frr",
  headerLine: /Code[ _]insee/i,
  codeHeaders: ["code insee", "codgeo", "code commune"],
  classHeader: (cell) => cell.startsWith("classement"),
  parseClass: parseFrrClass,
  millesime: (preamble) => {
    const date = preamble.map((text) => /au (\d{1,2}(?:er)? [a-zéûè]+ \d{4})/i.exec(text)?.[1]).find(Boolean);
    return date ? `FRR au ${date}` : "FRR";
  },
};

export const importZrr = (db: Database, filePath: string, options: RuralImportOptions = {}) => importRuralList(db, filePath, ZRR, options);
export const importFrr = (db: Database, filePath: string, options: RuralImportOptions = {}) => importRuralList(db, filePath, FRR, options);

type Row = { code: string } & RuralClassValue;

const importRuralList = (db: Database, filePath: string, spec: ListSpec, options: RuralImportOptions): Promise<RuralImportResult> =>
  runInTransaction(db, async (tx) => {
    await tx.deleteFrom("rural_communes").where("scheme", "=", spec.scheme).execute();
    const preamble: string[] = [];
    let columns: { code: number; class: number; codeName: string; className: string } | null = null;
    const seen = new Set<string>();
    let classified = 0;
    let batch: Row[] = [];
    for await (const { line, cells } of readCsvRecords(filePath, spec.headerLine)) {
      const normalised = cells.map(normaliseLabel);
      const codeColumn = normalised.findIndex((cell) => spec.codeHeaders.includes(cell));
      const classColumn = normalised.findIndex(spec.classHeader);
      if (codeColumn !== -1 && classColumn !== -1 && seen.size === 0) {
        // A header line (the ANCT file has a French one, then a code one: the last wins).
        columns = { code: codeColumn, class: classColumn, codeName: cells[codeColumn]!, className: cells[classColumn]! };
        preamble.push(cells.join(" "));
        continue;
      }
      if (!columns) {
        preamble.push(cells.join(" "));
        continue;
      }
      if (cells.every((cell) => cell === "")) continue; // trailing empty rows
      const code = cells[columns.code] ?? "";
      if (!INSEE_CODE.test(code)) throw geoError("geo.csv_bad_code", { line, column: columns.codeName, value: code });
      const value = spec.parseClass(cells[columns.class] ?? "");
      if (!value) throw geoError("geo.csv_bad_class", { line, column: columns.className, value: cells[columns.class] ?? "" });
      if (seen.has(code)) throw geoError("geo.csv_duplicate", { line, code });
      seen.add(code);
      if (value.classified) classified++;
      batch.push({ code, ...value });
      if (batch.length === BATCH) {
        await insertRows(tx, spec.scheme, batch);
        batch = [];
        options.onProgress?.(seen.size, null);
      }
    }
    if (!columns) throw geoError("geo.csv_no_header", { expected: `${spec.codeHeaders[0]!.toUpperCase()} et le classement` });
    if (seen.size === 0) throw geoError("geo.csv_empty");
    await insertRows(tx, spec.scheme, batch);
    options.onProgress?.(seen.size, seen.size);
    const millesime = options.millesime ?? spec.millesime(preamble);
    await upsertDataset(tx, { kind: spec.scheme, scope: RURAL_SCOPE, millesime, source: basename(filePath), rowCount: seen.size });
    return { scheme: spec.scheme, millesime, rowCount: seen.size, classified };
  });

const insertRows = async (tx: Tx, scheme: "zrr" | "frr", rows: Row[]) => {
  if (rows.length === 0) return;
  await tx
    .insertInto("rural_communes")
    .values(rows.map((row) => ({ scheme, code_insee: row.code, class: row.class, label: row.label, classified: row.classified })))
    .execute();
};
