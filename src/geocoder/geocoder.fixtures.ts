// Test fixtures written to a temp directory: the first rows of the shipped Paris BAN file.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync, gzipSync } from "node:zlib";

export const parisBanFile = fileURLToPath(new URL("../../data/ban/ban_adresses-75_2024-06.csv.gz", import.meta.url));

let parisLines: string[] | null = null;
/** Lines of the Paris BAN file (header first). */
export const parisBanLines = (): string[] => (parisLines ??= gunzipSync(readFileSync(parisBanFile)).toString("utf8").split("\n").filter(Boolean));

export const tempDir = (): string => mkdtempSync(join(tmpdir(), "tremplin-geocoder-"));

/** Writes the header and the first `rows` addresses (or the given lines) to a temp file, gzipped or not. */
export const writeBanFixture = (dir: string, name: string, rows: number | string[], gz = name.endsWith(".gz")): string => {
  const lines = Array.isArray(rows) ? rows : parisBanLines().slice(0, rows + 1);
  const text = `${lines.join("\n")}\n`;
  const path = join(dir, name);
  writeFileSync(path, gz ? gzipSync(text) : text);
  return path;
};
