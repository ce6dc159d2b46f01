// CSV records of an official list (gz accepted, UTF-8 with/without BOM or
// Windows-1252), with their line numbers. The delimiter (";" or ",") is read on
// the header line, found by content.
import { parse } from "csv-parse";
import { Readable } from "node:stream";
import { readTextChunks } from "./text-input.ts";

export type CsvRecord = { line: number; cells: string[] };

const HEAD_CHARS = 64 * 1024;

export const sniffDelimiter = (head: string, headerLine: RegExp): ";" | "," => {
  const line = head.split(/\r?\n/).find((candidate) => headerLine.test(candidate)) ?? head.split(/\r?\n/)[0] ?? "";
  const count = (char: string) => line.split(char).length - 1;
  return count(";") > count(",") ? ";" : ",";
};

export async function* readCsvRecords(filePath: string, headerLine: RegExp): AsyncGenerator<CsvRecord> {
  const chunks = readTextChunks(filePath);
  let head = "";
  let next = await chunks.next();
  while (!next.done && head.length < HEAD_CHARS) {
    head += next.value;
    next = await chunks.next();
  }
  const pendingFirst = next;
  async function* text() {
    yield head;
    if (pendingFirst.done) return;
    yield pendingFirst.value;
    for await (const chunk of chunks) yield chunk;
  }
  const parser = Readable.from(text()).pipe(
    parse({ delimiter: sniffDelimiter(head, headerLine), relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: true, info: true }),
  );
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    yield { line: info.lines, cells: record };
  }
}

/** Lower case, no accents, single spaces: to compare header cells and labels. */
export const normaliseLabel = (value: string): string =>
  value.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[\s_]+/g, " ").trim();
