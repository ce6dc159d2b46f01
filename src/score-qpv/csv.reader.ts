// CSV exports, streamed: encoding (UTF-8 with or without BOM, else Windows-1252;
// UTF-16 when it has a BOM) and delimiter (; , or tab) are detected, then
// csv-parse reads records one at a time from a file stream or a buffer.
import { isUtf8 } from "node:buffer";
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import iconv from "iconv-lite";
import type { CellValue } from "./dates.domain.ts";

export type CsvSource = { path: string } | { buffer: Buffer };
export type CsvEncoding = "utf-8" | "windows-1252" | "utf-16le" | "utf-16be";
export type RawRow = { line: number; cells: CellValue[] };

const openBytes = (source: CsvSource): Readable =>
  "path" in source ? createReadStream(source.path, { highWaterMark: 1 << 20 }) : Readable.from([source.buffer]);

/** Valid UTF-8 over the whole file → UTF-8, else Windows-1252. Checked in chunks cut after a newline byte. */
export const detectEncoding = async (source: CsvSource, head: Buffer): Promise<CsvEncoding> => {
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  if ("buffer" in source) return isUtf8(source.buffer) ? "utf-8" : "windows-1252";
  // Validate up to the last newline of each chunk without copying it; only the short tail is carried over.
  let carry = Buffer.alloc(0);
  for await (const chunk of openBytes(source) as AsyncIterable<Buffer>) {
    const first = chunk.indexOf(0x0a);
    if (first < 0) {
      carry = Buffer.concat([carry, chunk]);
      if (carry.length > 1 << 22) return "windows-1252"; // 4 MB without a newline: not a text table
      continue;
    }
    const last = chunk.lastIndexOf(0x0a);
    if (!isUtf8(Buffer.concat([carry, chunk.subarray(0, first + 1)])) || !isUtf8(chunk.subarray(first + 1, last + 1))) return "windows-1252";
    carry = Buffer.from(chunk.subarray(last + 1));
  }
  return isUtf8(carry) ? "utf-8" : "windows-1252";
};

export const decodeHead = (head: Buffer, encoding: CsvEncoding): string =>
  iconv.decode(head, encoding === "utf-8" ? "utf8" : encoding).replace(/^\uFEFF/, "");

/** Occurrences of `char` outside double quotes on one line. */
const countOutsideQuotes = (line: string, char: string): number => {
  let count = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === char && !quoted) count++;
  }
  return count;
};

/**
 * The delimiter whose count per line is the most regular across the first lines (title rows have fewer);
 * ties go to the larger count. A one-column file gets ";".
 */
export const detectDelimiter = (headText: string): string => {
  const lines = headText.split(/\r?\n/).filter((line) => line.trim() !== "").slice(0, 30);
  if (headText.length >= 65_536 && lines.length > 1) lines.pop(); // last line may be cut
  let best = { delimiter: ";", frequency: 0, count: 0 };
  for (const delimiter of [";", ",", "\t", "|"]) {
    const counts = new Map<number, number>();
    for (const line of lines) {
      const n = countOutsideQuotes(line, delimiter);
      if (n > 0) counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    for (const [count, frequency] of counts) {
      if (frequency > best.frequency || (frequency === best.frequency && count > best.count)) best = { delimiter, frequency, count };
    }
  }
  return best.delimiter;
};

const isBlank = (cells: string[]) => cells.every((cell) => cell.trim() === "");

/** Records with their (1-based) line number in the file; blank lines are skipped. */
export async function* csvRawRows(source: CsvSource, encoding: CsvEncoding, delimiter: string): AsyncGenerator<RawRow> {
  const bytes = openBytes(source);
  const text = encoding === "utf-8" ? bytes : bytes.pipe(iconv.decodeStream(encoding));
  const parser = text.pipe(
    parse({
      delimiter,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
      encoding: "utf8",
    }),
  );
  bytes.on("error", (error) => parser.destroy(error));
  let previousEnd = 0;
  try {
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    // info.lines is the line where the record ends; a record starts on the line after the previous one
    // unless blank lines were skipped, so take the end line minus the record's own line breaks.
    let breaks = 0;
    for (const cell of record) if (cell.includes("\n")) breaks += cell.split("\n").length - 1;
    const line = Math.max(info.lines - breaks, previousEnd + 1);
    previousEnd = info.lines;
    if (!isBlank(record)) yield { line, cells: record };
  }
  } finally {
    bytes.destroy(); // a reader that stops early (header preview) must not leave the file open
  }
}
