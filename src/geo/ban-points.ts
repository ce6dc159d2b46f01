// Longitude/latitude of every address of a BAN departmental CSV (gz accepted):
// real points for the benchmark and the reference-answer tests.
import { parse } from "csv-parse";
import { Readable } from "node:stream";
import { readTextChunks } from "./import/text-input.ts";

export type Points = { lon: Float64Array; lat: Float64Array; count: number };

export const loadBanPoints = async (filePath: string): Promise<Points> => {
  const lon: number[] = [];
  const lat: number[] = [];
  const parser = Readable.from(readTextChunks(filePath)).pipe(parse({ delimiter: ";", columns: true, relax_quotes: true }));
  for await (const record of parser as AsyncIterable<Record<string, string>>) {
    const x = Number(record.lon);
    const y = Number(record.lat);
    if (record.lon === "" || record.lat === "" || !Number.isFinite(x) || !Number.isFinite(y)) continue;
    lon.push(x);
    lat.push(y);
  }
  return { lon: Float64Array.from(lon), lat: Float64Array.from(lat), count: lon.length };
};
