// Score QPV bench: parse throughput of the HR reader on a generated 100,000-row
// CSV (UTF-8, ";"), against a bare csv-parse pass over the same file. The lead
// extends it end to end with the real geocoder.
import { createReadStream } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse";
import { readHrRows } from "./hr-file.reader.ts";

const ROWS = 100_000;
const streets = ["rue de Belleville", "boulevard Voltaire", "avenue Jean Jaurès", "rue de la Roquette", "place d'Italie", "rue Oberkampf"];

export const generateHrCsv = (rows: number): string => {
  const lines = ["Matricule;Adresse;Complément;Code postal;Ville;Date d'entrée;Type de contrat;Établissement"];
  for (let i = 0; i < rows; i++) {
    const day = String((i % 28) + 1).padStart(2, "0");
    const month = String((i % 12) + 1).padStart(2, "0");
    lines.push(`${i};${i + 1} ${streets[i % streets.length]};${i % 7 === 0 ? "Bât B" : ""};750${String((i % 20) + 1).padStart(2, "0")};Paris;${day}/${month}/2025;${i % 3 ? "CDI" : "CDD"};Site ${i % 5}`);
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
};

const rate = async (work: () => Promise<number>) => {
  const start = performance.now();
  const count = await work();
  return count / ((performance.now() - start) / 1000);
};

export async function run(): Promise<{ name: string; value: number; unit: string; baseline?: { name: string; value: number }; ratio?: number }[]> {
  const dir = await mkdtemp(join(tmpdir(), "tremplin-bench-"));
  try {
    const path = join(dir, "embauches.csv");
    await writeFile(path, generateHrCsv(ROWS));
    const bare = await rate(async () => {
      let n = 0;
      for await (const _ of createReadStream(path).pipe(parse({ delimiter: ";", bom: true, relax_column_count: true }))) n++;
      return n - 1;
    });
    const reader = await rate(async () => {
      let n = 0;
      for await (const _ of readHrRows({ path })) n++;
      return n;
    });
    return [{
      name: `lecture d'un export RH CSV de ${ROWS.toLocaleString("fr-FR")} lignes (détection, en-tête, champs, dates)`,
      value: Math.round(reader),
      unit: "lignes/s",
      baseline: { name: "csv-parse seul", value: Math.round(bare) },
      ratio: reader / bare,
    }];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
