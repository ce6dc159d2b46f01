// Recognising the columns of an HR export from its French headers, and turning
// a row of cells into the fields the score needs. Pure: no I/O.
import type { AddressInput } from "../geocoder/geocoder.types.ts";
import type { ColumnMapping, MappedField } from "./score-qpv.contract.ts";
import { type CellValue, type ParsedDate, parseHireDate } from "./dates.domain.ts";

/** Lower case, no accents, punctuation and apostrophes as spaces: "N° et voie" → "n et voie". */
export const normaliseHeader = (header: string): string =>
  header
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

type Kind = MappedField | "address_or_street";

/** Headers about someone else's address (the employer's, a birthplace, an e-mail): never the hire's home. */
const notHomeAddress = /\b(naissance|etablissement|employeur|entreprise|societe|agence|site|travail|mail|courriel|ip|url|web)\b/;

const patterns: [Kind, RegExp][] = [
  ["hireDate", /^(date (d |de l )?(entree|embauche|arrivee)|date (de |du )?debut|debut (de |du )?contrat|(date )?entree|embauche)\b/],
  ["contractType", /^((type|nature|forme)( de| du)? contrat|contrat|type contrat)\b/],
  ["lat", /^(lat|latitude|y wgs84)\b/],
  ["lon", /^(lon|lng|long|longitude|x wgs84)\b/],
  ["postcode", /^(cp|c p|code postal|code post|codepostal)\b/],
  ["city", /^(ville|commune|localite|bureau distributeur)\b/],
  ["complement", /^(complement|adresse 2|adresse ligne 2|adresse 3|ligne 2|adresse complementaire|batiment|residence)\b/],
  ["number", /^(n|no|num|numero)( de)?( (voie|rue))?$/],
  ["street", /^((n|no|num|numero) et (voie|rue)|adresse 1|adresse ligne 1|ligne 1|rue|voie|libelle (de la )?voie|nom (de la )?voie|adresse rue)\b/],
  ["address", /^adresse (complete|entiere)$/],
  ["address_or_street", /^adresse( (postale|domicile|personnelle|du salarie|salarie|de residence|residence|principale))?$/],
];

const addressKinds = new Set<Kind>(["lat", "lon", "postcode", "city", "complement", "number", "street", "address", "address_or_street"]);

export const classifyHeader = (header: string): Kind | null => {
  const norm = normaliseHeader(header);
  if (norm === "") return null;
  for (const [kind, pattern] of patterns) {
    if (!pattern.test(norm)) continue;
    if (addressKinds.has(kind) && notHomeAddress.test(norm)) return null;
    return kind;
  }
  if (/^(etablissement|site|agence|magasin|entite|lieu de travail|lieu d affectation|etablissement d affectation)\b/.test(norm) &&
      !/\b(adresse|cp|code postal|ville|commune)\b/.test(norm)) {
    return "establishment";
  }
  return null;
};

/**
 * Mapping proposed from a header row: the first column of each kind wins. A bare "Adresse" is the street when
 * a postcode or city column exists, else the whole address on one line.
 */
export const proposeMapping = (headers: string[]): ColumnMapping => {
  const mapping: ColumnMapping = {};
  let ambiguous: number | undefined;
  headers.forEach((header, index) => {
    const kind = classifyHeader(header);
    if (kind === null) return;
    if (kind === "address_or_street") {
      ambiguous ??= index;
      return;
    }
    if (mapping[kind] === undefined) mapping[kind] = index;
  });
  if (ambiguous !== undefined) {
    const hasParts = mapping.postcode !== undefined || mapping.city !== undefined;
    if (hasParts && mapping.street === undefined) mapping.street = ambiguous;
    else if (!hasParts && mapping.address === undefined) mapping.address = ambiguous;
  }
  return mapping;
};

/** How well a row looks like the header: number of distinct recognised fields. */
export const headerScore = (cells: string[]): number => Object.keys(proposeMapping(cells)).length;

/** Index (0-based) of the best header among the first rows; the first non-empty row when none is recognised. */
export const findHeaderRow = (rows: string[][]): number => {
  let best = -1;
  let bestScore = 0;
  rows.forEach((row, index) => {
    const score = headerScore(row);
    if (score > bestScore) [best, bestScore] = [index, score];
  });
  if (best >= 0) return best;
  const firstFilled = rows.findIndex((row) => row.some((cell) => cell.trim() !== ""));
  return Math.max(firstFilled, 0);
};

export const hasCoordinates = (m: ColumnMapping) => m.lat !== undefined && m.lon !== undefined;

/** Enough to locate a hire at street level at least (else the user is asked to map the columns). */
export const hasStreetLevelAddress = (m: ColumnMapping) => m.address !== undefined || m.street !== undefined || hasCoordinates(m);

/** Enough to locate a hire at all (a postcode or a city alone gives the commune). */
export const hasAnyAddress = (m: ColumnMapping) => hasStreetLevelAddress(m) || m.postcode !== undefined || m.city !== undefined;

export const mappingNeedsUser = (m: ColumnMapping) => !hasStreetLevelAddress(m) || m.hireDate === undefined;

/** Fields of one data row, as the pipeline uses them. */
export type HrFields = {
  address: AddressInput;
  /** From lat/lon columns, taken as they are (null when absent or unreadable). */
  coordinates: { lat: number; lon: number } | null;
  /** True when lat/lon columns exist and this row's values are not valid coordinates. */
  coordinatesInvalid: boolean;
  hireDate: ParsedDate;
  contractType: string | null;
  establishment: string | null;
};

const text = (cells: CellValue[], index: number | undefined): string | undefined => {
  if (index === undefined) return undefined;
  const value = cells[index];
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  let s = String(value).trim();
  if (/\s\s|[\t\n\r]/.test(s)) s = s.replace(/\s+/g, " ");
  return s === "" ? undefined : s;
};

const coordinate = (cells: CellValue[], index: number | undefined, limit: number): number | null => {
  const value = cells[index ?? -1];
  const n = typeof value === "number" ? value : typeof value === "string" ? Number(value.trim().replace(",", ".")) : NaN;
  return value !== "" && Number.isFinite(n) && Math.abs(n) <= limit ? n : null;
};

/** Postcodes lose their leading zero in spreadsheets (1000 for 01000). */
const postcodeText = (value: string | undefined) => (value && /^\d{4}$/.test(value) ? `0${value}` : value);

export const extractFields = (cells: CellValue[], m: ColumnMapping): HrFields => {
  const number = text(cells, m.number);
  const street = text(cells, m.street);
  const address: AddressInput = {};
  const full = text(cells, m.address);
  if (full) address.full = full;
  const joined = number && street ? `${number} ${street}` : (street ?? number);
  if (joined) address.street = joined;
  const complement = text(cells, m.complement);
  if (complement) address.complement = complement;
  const postcode = postcodeText(text(cells, m.postcode));
  if (postcode) address.postcode = postcode;
  const city = text(cells, m.city);
  if (city) address.city = city;

  const lat = coordinate(cells, m.lat, 90);
  const lon = coordinate(cells, m.lon, 180);
  const bothGiven = text(cells, m.lat) !== undefined || text(cells, m.lon) !== undefined;
  const hireCell = m.hireDate === undefined ? null : (cells[m.hireDate] ?? null);
  return {
    address,
    coordinates: lat !== null && lon !== null ? { lat, lon } : null,
    coordinatesInvalid: hasCoordinates(m) && bothGiven && (lat === null || lon === null),
    hireDate: parseHireDate(hireCell),
    contractType: text(cells, m.contractType) ?? null,
    establishment: text(cells, m.establishment) ?? null,
  };
};

export const hasAddressText = (a: AddressInput) => Boolean(a.full || a.street || a.postcode || a.city);
