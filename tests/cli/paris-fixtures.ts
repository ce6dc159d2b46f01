// HR-like files built from the real Paris BAN addresses shipped in data/ban/.
// The expected answers come from SOURCES.md, computed independently (shapely)
// by the people who prepared the data: of the 158,048 Paris addresses, 6,455
// lie in a QPV 2024 and 7,466 in a QPV 2015.
import { createReadStream, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createGunzip } from "node:zlib";
import { parse } from "csv-parse";
import { packageRoot } from "../../src/reference-data/shipped.ts";

export const PARIS_ADDRESSES = 158_048;
export const PARIS_IN_QPV_2024 = 6_455;
export const PARIS_IN_QPV_2015 = 7_466;

export type BanRow = { numero: string; rep: string; nom_voie: string; code_postal: string; nom_commune: string; lon: string; lat: string };

export const readParisBan = async (): Promise<BanRow[]> => {
  const rows: BanRow[] = [];
  const parser = createReadStream(join(packageRoot, "data/ban/ban_adresses-75_2024-06.csv.gz"))
    .pipe(createGunzip())
    .pipe(parse({ delimiter: ";", columns: true }));
  for await (const r of parser as AsyncIterable<Record<string, string>>) {
    rows.push({ numero: r.numero, rep: r.rep, nom_voie: r.nom_voie, code_postal: r.code_postal, nom_commune: r.nom_commune, lon: r.lon, lat: r.lat });
  }
  return rows;
};

/** A distinct hire date per row within one year, so that no row is a duplicate of another. */
const hireDate = (index: number, year: number) => {
  const day = new Date(Date.UTC(year, 0, 1) + (index % 365) * 86_400_000);
  return `${String(day.getUTCDate()).padStart(2, "0")}/${String(day.getUTCMonth() + 1).padStart(2, "0")}/${year}`;
};

const contracts = ["CDI", "CDD", "Intérim", "Alternance"];

/** `Latitude;Longitude;Date d'embauche;Type de contrat`: coordinates taken as they are. */
export const writeCoordinatesFile = (rows: BanRow[], path: string, year: number) => {
  const lines = ["Latitude;Longitude;Date d'embauche;Type de contrat"];
  rows.forEach((r, i) => lines.push(`${r.lat};${r.lon};${hireDate(i, year)};${contracts[i % 4]}`));
  writeFileSync(path, `${lines.join("\n")}\n`);
};

/** `N° et voie;Code postal;Ville;Date d'embauche;Type de contrat;Établissement` as an HR export writes it. */
export const writeAddressFile = (rows: BanRow[], path: string, year: number) => {
  const lines = ["N° et voie;Code postal;Ville;Date d'embauche;Type de contrat;Établissement"];
  rows.forEach((r, i) => {
    const street = `${r.numero}${r.rep ? ` ${r.rep}` : ""} ${r.nom_voie}`.replaceAll(";", " ");
    lines.push(`${street};${r.code_postal};PARIS;${hireDate(i, year)};${contracts[i % 4]};Site ${1 + (i % 3)}`);
  });
  writeFileSync(path, `${lines.join("\n")}\n`);
};

export const cliPath = join(packageRoot, "bin", "tremplin.js");
