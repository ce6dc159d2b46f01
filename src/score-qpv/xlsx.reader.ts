// XLSX workbooks through exceljs. Up to STREAM_ABOVE_BYTES the workbook is
// loaded whole, which resolves merged cells (each cell of a merged range reads
// as its top-left value); above, the streaming WorkbookReader keeps memory
// bounded (merged ranges then read only in their first cell). Formula cells give
// their cached result, rich text its plain text, date cells a Date.
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { CellValue } from "./dates.domain.ts";
import type { RawRow } from "./csv.reader.ts";

export type XlsxSource = { path: string } | { buffer: Buffer };
export type SheetPreview = { name: string; rows: RawRow[] };

export const STREAM_ABOVE_BYTES = 20 * 1024 * 1024;

/** One exceljs cell value as a plain value. */
export const toCellValue = (value: unknown): CellValue => {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number") return value;
  if (typeof value === "boolean") return value ? "VRAI" : "FAUX";
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return (v.richText as { text: string }[]).map((run) => run.text).join("");
    if ("formula" in v || "sharedFormula" in v) return toCellValue(v.result);
    if ("error" in v) return null;
    if ("text" in v) return toCellValue(v.text);
  }
  return String(value);
};

/** exceljs row values are 1-based and sparse. */
const rowCells = (values: unknown): CellValue[] => {
  const list = Array.isArray(values) ? values : [];
  const cells: CellValue[] = [];
  for (let i = 1; i < list.length; i++) cells.push(toCellValue(list[i]));
  return cells;
};

const isBlank = (cells: CellValue[]) => cells.every((cell) => cell === null || (typeof cell === "string" && cell.trim() === ""));

const loadWorkbook = async (source: XlsxSource): Promise<ExcelJS.Workbook> => {
  const workbook = new ExcelJS.Workbook();
  if ("path" in source) await workbook.xlsx.readFile(source.path);
  else await workbook.xlsx.load(source.buffer as unknown as ArrayBuffer);
  return workbook;
};

const streamReader = (source: XlsxSource) =>
  new ExcelJS.stream.xlsx.WorkbookReader("path" in source ? source.path : Readable.from([source.buffer]), {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });

export type XlsxBook = {
  streamed: boolean;
  /** Sheet names with their first `previewRows` non-blank rows. */
  preview(previewRows: number): Promise<SheetPreview[]>;
  rows(sheet: string): AsyncGenerator<RawRow>;
};

export const openXlsx = async (source: XlsxSource, size: number, streamAboveBytes = STREAM_ABOVE_BYTES): Promise<XlsxBook> => {
  if (size > streamAboveBytes) return streamedBook(source);
  const workbook = await loadWorkbook(source);
  const sheetRows = function* (worksheet: ExcelJS.Worksheet): Generator<RawRow> {
    const rows = worksheet.getRows(1, worksheet.rowCount) ?? [];
    for (const row of rows) {
      const cells = rowCells(row.values);
      if (!isBlank(cells)) yield { line: row.number, cells };
    }
  };
  return {
    streamed: false,
    async preview(previewRows) {
      return workbook.worksheets.map((worksheet) => ({ name: worksheet.name, rows: [...sheetRows(worksheet)].slice(0, previewRows) }));
    },
    async *rows(sheet) {
      const worksheet = workbook.worksheets.find((w) => w.name === sheet);
      if (worksheet) yield* sheetRows(worksheet);
    },
  };
};

const streamedBook = (source: XlsxSource): XlsxBook => ({
  streamed: true,
  async preview(previewRows) {
    const previews: SheetPreview[] = [];
    for await (const worksheet of streamReader(source)) {
      const preview: SheetPreview = { name: (worksheet as unknown as { name: string }).name, rows: [] };
      for await (const row of worksheet) {
        const cells = rowCells(row.values);
        if (preview.rows.length < previewRows && !isBlank(cells)) preview.rows.push({ line: row.number, cells });
      }
      previews.push(preview);
    }
    return previews;
  },
  async *rows(sheet) {
    for await (const worksheet of streamReader(source)) {
      const matches = (worksheet as unknown as { name: string }).name === sheet;
      for await (const row of worksheet) {
        if (!matches) continue;
        const cells = rowCells(row.values);
        if (!isBlank(cells)) yield { line: row.number, cells };
      }
    }
  },
});
