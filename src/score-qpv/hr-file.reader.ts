// Reading an HR export (CSV or XLSX) as a stream of rows: format sniffing,
// size limit, header detection below title rows, sheet choice, column mapping.
// Nothing read here is stored or logged.
import { open, stat } from "node:fs/promises";
import type { ColumnMapping, Inspection } from "./score-qpv.contract.ts";
import { type CsvEncoding, csvRawRows, decodeHead, detectDelimiter, detectEncoding, type RawRow } from "./csv.reader.ts";
import { openXlsx, type SheetPreview } from "./xlsx.reader.ts";
import { type CellValue, type ParsedDate, parseHireDate } from "./dates.domain.ts";
import { extractFields, findHeaderRow, hasAnyAddress, hasStreetLevelAddress, headerScore, type HrFields, mappingNeedsUser, proposeMapping } from "./column-mapping.domain.ts";
import { scoreError } from "./score-qpv.errors.ts";

export type HrSource = { path: string } | { buffer: Buffer; fileName: string };
export type HrReadOptions = { sheet?: string; mapping?: ColumnMapping; maxBytes?: number; streamXlsxAboveBytes?: number };
export type HrRow = { line: number; fields: HrFields; raw: string[] };

export type HrLayout = {
  fileName: string;
  format: "csv" | "xlsx";
  encoding: CsvEncoding | null;
  delimiter: string | null;
  sheets: string[];
  sheet: string | null;
  /** 1-based line of the header in the file or sheet. */
  headerLine: number;
  headers: string[];
  mapping: ColumnMapping;
  needsMapping: boolean;
  warnings: string[];
  /** The first data rows (for samples shown back to the uploader; never stored). */
  previewRows: RawRow[];
};

export type HrFile = {
  layout: HrLayout;
  rows(): AsyncGenerator<HrRow>;
  /** Only the hire date of each data row (first pass of a defaulted period). */
  hireDates(): AsyncGenerator<ParsedDate>;
};

const PREVIEW_ROWS = 20;

export const fileNameOf = (source: HrSource) => ("path" in source ? source.path.split(/[\\/]/).pop() ?? source.path : source.fileName);

const readHead = async (source: HrSource): Promise<{ size: number; head: Buffer }> => {
  if ("buffer" in source) return { size: source.buffer.length, head: source.buffer.subarray(0, 65_536) };
  const size = (await stat(source.path)).size;
  const handle = await open(source.path, "r");
  try {
    const head = Buffer.alloc(Math.min(size, 65_536));
    await handle.read(head, 0, head.length, 0);
    return { size, head };
  } finally {
    await handle.close();
  }
};

/** Text tables have no NUL byte (unless UTF-16) and almost no control characters. */
const looksLikeText = (head: Buffer): boolean => {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return true;
  if (head.subarray(0, 5).toString("latin1") === "%PDF-") return false;
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return false;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control++;
  }
  return control <= head.length * 0.005;
};

export const cellText = (cell: CellValue): string =>
  cell === null ? "" : cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell);

const columnName = (index: number): string => {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
};

/** Header texts; an empty header is named after its column letter. */
const headerTexts = (header: CellValue[], width: number) =>
  Array.from({ length: width }, (_, i) => cellText(header[i] ?? null).replace(/\s+/g, " ").trim() || `Colonne ${columnName(i)}`);

const checkMapping = (mapping: ColumnMapping, width: number) => {
  for (const [field, index] of Object.entries(mapping)) {
    if (index !== undefined && index >= width) throw scoreError("score.mapping_out_of_range", { field, index, columns: width });
  }
};

const layoutWarnings = (mapping: ColumnMapping, extra: string[]): string[] => {
  const warnings = [...extra];
  if (mapping.hireDate === undefined) warnings.push("Aucune colonne de date d'embauche reconnue : indiquez-la.");
  if (!hasStreetLevelAddress(mapping) && hasAnyAddress(mapping)) {
    warnings.push("Seuls le code postal ou la commune sont reconnus : les embauches seront localisées à la commune, avec incertitude.");
  }
  if (!hasAnyAddress(mapping)) warnings.push("Aucune colonne d'adresse reconnue : indiquez quelle colonne contient l'adresse.");
  return warnings;
};

type Table = { preview: RawRow[]; all: () => AsyncGenerator<RawRow> };

const buildFile = (base: Omit<HrLayout, "headerLine" | "headers" | "mapping" | "needsMapping" | "previewRows">, table: Table, mappingOption?: ColumnMapping): HrFile => {
  const { preview } = table;
  if (preview.length === 0) throw scoreError("score.empty_file");
  const headerIndex = findHeaderRow(preview.map((row) => row.cells.map(cellText)));
  const header = preview[headerIndex];
  const dataPreview = preview.slice(headerIndex + 1);
  if (dataPreview.length === 0) throw scoreError("score.no_data_rows", { headerLine: header.line });
  const width = Math.max(...preview.slice(headerIndex).map((row) => row.cells.length));
  const headers = headerTexts(header.cells, width);
  const mapping = mappingOption ?? proposeMapping(headers);
  checkMapping(mapping, width);
  const layout: HrLayout = {
    ...base,
    headerLine: header.line,
    headers,
    mapping,
    needsMapping: mappingOption ? !hasAnyAddress(mapping) || mapping.hireDate === undefined : mappingNeedsUser(mapping),
    warnings: layoutWarnings(mapping, base.warnings),
    previewRows: dataPreview,
  };
  return {
    layout,
    async *rows() {
      for await (const row of table.all()) {
        if (row.line <= header.line) continue;
        yield { line: row.line, fields: extractFields(row.cells, mapping), raw: row.cells.map(cellText) };
      }
    },
    async *hireDates() {
      const column = mapping.hireDate;
      for await (const row of table.all()) {
        if (row.line > header.line) yield parseHireDate(column === undefined ? null : (row.cells[column] ?? null));
      }
    },
  };
};

const takeFirst = async (rows: AsyncGenerator<RawRow>, count: number): Promise<RawRow[]> => {
  const taken: RawRow[] = [];
  for await (const row of rows) {
    taken.push(row);
    if (taken.length >= count) break;
  }
  return taken;
};

const chooseSheet = (previews: SheetPreview[], wanted: string | undefined): SheetPreview => {
  if (wanted !== undefined) {
    const found = previews.find((sheet) => sheet.name === wanted);
    if (!found) throw scoreError("score.sheet_not_found", { sheet: wanted, sheets: previews.map((s) => `« ${s.name} »`).join(", ") });
    return found;
  }
  const score = (sheet: SheetPreview) => Math.max(0, ...sheet.rows.map((row) => headerScore(row.cells.map(cellText))));
  return previews.reduce((best, sheet) => (score(sheet) > score(best) ? sheet : best));
};

export const openHrFile = async (source: HrSource, options: HrReadOptions = {}): Promise<HrFile> => {
  const { size, head } = await readHead(source);
  if (options.maxBytes !== undefined && size > options.maxBytes) throw scoreError("score.file_too_large", { maxBytes: options.maxBytes });
  if (size === 0) throw scoreError("score.empty_file");
  const fileName = fileNameOf(source);
  const bytes = "path" in source ? { path: source.path } : { buffer: source.buffer };

  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    const book = await openXlsx(bytes, size, options.streamXlsxAboveBytes).catch(() => {
      throw scoreError("score.unreadable_file");
    });
    const previews = await book.preview(PREVIEW_ROWS).catch(() => {
      throw scoreError("score.unreadable_file");
    });
    if (previews.length === 0) throw scoreError("score.empty_file");
    const chosen = chooseSheet(previews, options.sheet);
    const warnings: string[] = [];
    if (previews.length > 1 && options.sheet === undefined) warnings.push(`Feuille « ${chosen.name} » retenue parmi ${previews.length}.`);
    if (book.streamed) warnings.push("Classeur volumineux lu en flux : une cellule fusionnée n'est lue que dans sa première case.");
    const base = { fileName, format: "xlsx" as const, encoding: null, delimiter: null, sheets: previews.map((s) => s.name), sheet: chosen.name, warnings };
    return buildFile(base, { preview: chosen.rows, all: () => book.rows(chosen.name) }, options.mapping);
  }
  if (head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) throw scoreError("score.xls_not_supported");
  if (!looksLikeText(head)) throw scoreError("score.unreadable_file");

  const encoding = await detectEncoding(bytes, head);
  const delimiter = detectDelimiter(decodeHead(head, encoding));
  const all = () => csvRawRows(bytes, encoding, delimiter);
  const preview = await takeFirst(all(), PREVIEW_ROWS).catch(() => {
    throw scoreError("score.unreadable_file");
  });
  const base = { fileName, format: "csv" as const, encoding, delimiter, sheets: [], sheet: null, warnings: [] };
  return buildFile(base, { preview, all }, options.mapping);
};

/** Throws when the file cannot be scored as mapped (no address column at all, or no hire date). */
export const assertScorable = (layout: HrLayout) => {
  const context = { headerLine: layout.headerLine, sheet: layout.sheet };
  if (!hasAnyAddress(layout.mapping)) throw scoreError("score.no_usable_column", context);
  if (layout.mapping.hireDate === undefined) throw scoreError("score.no_hire_date_column", context);
};

/** The data rows of a scorable file, streamed. */
export async function* readHrRows(source: HrSource, options: HrReadOptions = {}): AsyncGenerator<HrRow> {
  const file = await openHrFile(source, options);
  assertScorable(file.layout);
  yield* file.rows();
}

export const inspectHrFile = async (source: HrSource, options: Omit<HrReadOptions, "mapping"> = {}): Promise<Inspection> => {
  const { layout } = await openHrFile(source, options);
  return {
    fileName: layout.fileName,
    format: layout.format,
    encoding: layout.encoding,
    delimiter: layout.delimiter,
    sheets: layout.sheets,
    sheet: layout.sheet,
    headerLine: layout.headerLine,
    columns: layout.headers.map((header, index) => ({
      index,
      header,
      samples: layout.previewRows.map((row) => cellText(row.cells[index] ?? null).trim()).filter((v) => v !== "").slice(0, 3),
    })),
    mapping: layout.mapping,
    needsMapping: layout.needsMapping,
    warnings: layout.warnings,
  };
};
