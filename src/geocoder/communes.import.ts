// Import of the communes (COG) from the official `communes.json` of
// @etalab/decoupage-administratif, or the same data as CSV (gz accepted).
// Replaces the whole table atomically and records the dataset.
import { createReadStream, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename } from "node:path";
import { createGunzip } from "node:zlib";
import { parse } from "csv-parse";
import { sql } from "kysely";
import type { Database } from "../server/db.ts";
import type { CommunesTable } from "../server/db.types.ts";
import { runInTransaction } from "../server/transaction.ts";
import { normaliseCityName } from "./address-normaliser.ts";
import { geocoderError } from "./geocoder.errors.ts";

type CommuneType = CommunesTable["type"];
const communeTypes: readonly CommuneType[] = ["commune-actuelle", "commune-deleguee", "commune-associee", "arrondissement-municipal"];
const codePattern = /^[0-9][0-9AB][0-9]{3}$/;
const csvColumns = ["code_insee", "nom", "type", "departement", "region", "arrondissement", "commune_parente", "codes_postaux", "population", "siren"];

export type CommuneRecord = Omit<CommunesTable, "name_norm">;

const require = createRequire(import.meta.url);
export const defaultCommunesFile = (): string => require.resolve("@etalab/decoupage-administratif/data/communes.json");

/** COG year of the installed package (6.x = COG 2026, 5.x = 2025, 4.x = 2024). */
const packageMillesime = (): string => {
  const version = (require("@etalab/decoupage-administratif/package.json") as { version: string }).version;
  return `COG ${2020 + Number(version.split(".")[0])}`;
};

type JsonCommune = {
  code: string; nom: string; type: string; departement?: string; region?: string;
  commune?: string; chefLieu?: string; codesPostaux?: string[]; population?: number;
};

const validate = (record: CommuneRecord, line: number): CommuneRecord => {
  if (!codePattern.test(record.code_insee)) throw geocoderError("communes.invalid_row", { line, column: "code_insee", value: record.code_insee });
  if (!communeTypes.includes(record.type)) throw geocoderError("communes.invalid_row", { line, column: "type", value: record.type });
  if (!record.nom) throw geocoderError("communes.invalid_row", { line, column: "nom", value: "" });
  return record;
};

const fromJson = (text: string): CommuneRecord[] => {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw geocoderError("communes.unreadable_file", { detail: `JSON invalide (${(error as Error).message})` });
  }
  if (!Array.isArray(data)) throw geocoderError("communes.unreadable_file", { detail: "un tableau de communes est attendu" });
  return (data as JsonCommune[]).map((c, index) =>
    validate(
      {
        code_insee: String(c.code ?? ""),
        type: c.type as CommuneType,
        nom: String(c.nom ?? ""),
        departement: String(c.departement ?? String(c.code ?? "").slice(0, 2)),
        region: c.region ?? null,
        commune_parente: c.commune ?? (c.type === "commune-actuelle" ? null : (c.chefLieu ?? null)),
        codes_postaux: c.codesPostaux ?? [],
        population: typeof c.population === "number" ? c.population : null,
      },
      index + 1,
    ),
  );
};

const fromCsv = async (filePath: string, gz: boolean): Promise<CommuneRecord[]> => {
  const input = createReadStream(filePath);
  const parser = (gz ? input.pipe(createGunzip()) : input).pipe(parse({ columns: false, bom: true, relax_column_count: true }));
  const records: CommuneRecord[] = [];
  let line = 0;
  let header: string[] = [];
  try {
    for await (const row of parser as AsyncIterable<string[]>) {
      line++;
      if (line === 1) {
        header = row.map((h) => h.trim());
        const missing = csvColumns.filter((c) => c !== "siren" && c !== "arrondissement" && !header.includes(c));
        if (missing.length) throw geocoderError("communes.unreadable_file", { line, detail: `colonnes manquantes : ${missing.join(", ")}` });
        continue;
      }
      const get = (column: string) => (row[header.indexOf(column)] ?? "").trim();
      const population = get("population");
      records.push(
        validate(
          {
            code_insee: get("code_insee"),
            type: get("type") as CommuneType,
            nom: get("nom"),
            departement: get("departement"),
            region: get("region") || null,
            commune_parente: get("commune_parente") || null,
            codes_postaux: get("codes_postaux").split(/\s+/).filter(Boolean),
            population: /^\d+$/.test(population) ? Number(population) : null,
          },
          line,
        ),
      );
    }
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith("communes.")) throw error;
    throw geocoderError("communes.unreadable_file", { line: line + 1, detail: (error as Error).message });
  }
  return records;
};

const isGzip = (filePath: string): boolean => {
  const head = readFileSync(filePath).subarray(0, 2);
  return head[0] === 0x1f && head[1] === 0x8b;
};

/** Reads the communes of a JSON or CSV file (pure parsing, no database). */
export const readCommunesFile = async (filePath: string): Promise<CommuneRecord[]> => {
  const gz = isGzip(filePath);
  if (!gz && /\.json$/i.test(filePath)) return fromJson(readFileSync(filePath, "utf8"));
  return fromCsv(filePath, gz);
};

export type ImportCommunesOptions = { millesime?: string; onProgress?: (done: number, total: number | null) => void };

/** Replaces the `communes` table with the file's content in one transaction. */
export const importCommunes = async (db: Database, filePath: string = defaultCommunesFile(), opts: ImportCommunesOptions = {}): Promise<{ rows: number; millesime: string }> => {
  const records = await readCommunesFile(filePath);
  if (!records.length) throw geocoderError("communes.empty_file");
  const unique = new Map<string, CommuneRecord>();
  for (const record of records) unique.set(`${record.code_insee}|${record.type}`, record);
  const rows = [...unique.values()];
  const millesime = opts.millesime ?? /cog[_-]?(\d{4})/i.exec(basename(filePath))?.[0].replace(/[_-]/, " ").toUpperCase() ??
    (/decoupage-administratif[\\/]data[\\/]communes\.json$/.test(filePath) ? packageMillesime() : "COG");
  await runInTransaction(db, async (tx) => {
    await tx.deleteFrom("communes").execute();
    for (let start = 0; start < rows.length; start += 5000) {
      const batch = rows.slice(start, start + 5000);
      await sql`
        insert into communes (code_insee, type, nom, name_norm, departement, region, commune_parente, codes_postaux, population)
        select code, type, nom, name_norm, departement, region, parent, string_to_array(postcodes, ' '), population
        from unnest(${batch.map((r) => r.code_insee)}::text[], ${batch.map((r) => r.type)}::text[], ${batch.map((r) => r.nom)}::text[],
                    ${batch.map((r) => normaliseCityName(r.nom))}::text[], ${batch.map((r) => r.departement)}::text[],
                    ${batch.map((r) => r.region)}::text[], ${batch.map((r) => r.commune_parente)}::text[],
                    ${batch.map((r) => r.codes_postaux.join(" "))}::text[], ${batch.map((r) => r.population)}::int[])
          as t(code, type, nom, name_norm, departement, region, parent, postcodes, population)`.execute(tx);
      opts.onProgress?.(start + batch.length, rows.length);
    }
    await tx
      .insertInto("reference_datasets")
      .values({ kind: "communes", scope: "national", millesime, source: basename(filePath), row_count: rows.length })
      .onConflict((oc) => oc.columns(["kind", "scope"]).doUpdateSet({ millesime, source: basename(filePath), row_count: rows.length, imported_at: new Date() }))
      .execute();
  });
  return { rows: rows.length, millesime };
};
