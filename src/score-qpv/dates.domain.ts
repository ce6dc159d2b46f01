// Hire dates as HR software writes them: Excel serials, real date cells and the
// usual French formats. Pure: no clock, no I/O.

export type ParsedDate =
  | { ok: true; iso: string; precision: "day" | "month" }
  | { ok: false; reason: "missing" | "unparseable" };

export type CellValue = string | number | Date | null;

const months: Record<string, number> = {
  janvier: 1, janv: 1, jan: 1, fevrier: 2, fevr: 2, fev: 2, mars: 3, mar: 3, avril: 4, avr: 4, mai: 5, juin: 6,
  juillet: 7, juil: 7, aout: 8, septembre: 9, sept: 9, sep: 9, octobre: 10, oct: 10, novembre: 11, nov: 11,
  decembre: 12, dec: 12,
};

const pad = (n: number) => String(n).padStart(2, "0");

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Two-digit years: 00–69 → 20xx, 70–99 → 19xx. */
const fullYear = (year: number, digits: number) => (digits > 2 ? year : year < 70 ? 2000 + year : 1900 + year);

const dayDate = (year: number, month: number, day: number): ParsedDate => {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, reason: "unparseable" };
  }
  return { ok: true, iso: `${year}-${pad(month)}-${pad(day)}`, precision: "day" };
};

const monthDate = (year: number, month: number): ParsedDate =>
  year < 1900 || year > 2100 || month < 1 || month > 12
    ? { ok: false, reason: "unparseable" }
    : { ok: true, iso: `${year}-${pad(month)}-01`, precision: "month" };

/** Excel 1900 date system (with its fictitious 29 Feb 1900): serial 45352 = 2024-03-01. */
export const fromExcelSerial = (serial: number): ParsedDate => {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return { ok: false, reason: "unparseable" };
  const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return dayDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
};

const fromDateObject = (date: Date): ParsedDate =>
  Number.isNaN(date.getTime())
    ? { ok: false, reason: "unparseable" }
    : dayDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());

const normaliseText = (text: string) =>
  text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();

const numericPatterns: [RegExp, (m: RegExpMatchArray) => ParsedDate][] = [
  // AAAA-MM-JJ, AAAA/MM/JJ, optionally followed by a time
  [/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ t].*)?$/, (m) => dayDate(+m[1], +m[2], +m[3])],
  // JJ/MM/AAAA, JJ-MM-AA, JJ.MM.AAAA, optionally followed by a time
  [/^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})(?: .*)?$/, (m) => dayDate(fullYear(+m[3], m[3].length), +m[2], +m[1])],
  // AAAAMMJJ
  [/^(\d{4})(\d{2})(\d{2})$/, (m) => dayDate(+m[1], +m[2], +m[3])],
  // MM/AAAA, AAAA-MM
  [/^(\d{1,2})[-/.](\d{4})$/, (m) => monthDate(+m[2], +m[1])],
  [/^(\d{4})-(\d{1,2})$/, (m) => monthDate(+m[1], +m[2])],
  // Excel serial written as text
  [/^(\d{5})(?:[.,]\d+)?$/, (m) => fromExcelSerial(+m[1])],
];

/** "1er mars 2025", "lundi 3 mars 2025", "3 mars. 25", "mars 2025". */
const fromFrenchWords = (text: string): ParsedDate | null => {
  const m = /^(?:[a-z]+\.? )?(?:(\d{1,2})(?:er)? )?([a-z]+)\.? (\d{2}|\d{4})$/.exec(text.replace(/,/g, ""));
  if (!m) return null;
  const month = months[m[2]];
  if (!month) return null;
  const year = fullYear(+m[3], m[3].length);
  return m[1] ? dayDate(year, month, +m[1]) : monthDate(year, month);
};

export const parseHireDate = (value: CellValue): ParsedDate => {
  if (value === null) return { ok: false, reason: "missing" };
  if (value instanceof Date) return fromDateObject(value);
  if (typeof value === "number") return fromExcelSerial(value);
  const text = normaliseText(value);
  if (text === "") return { ok: false, reason: "missing" };
  for (const [pattern, build] of numericPatterns) {
    const m = pattern.exec(text);
    if (m) return build(m);
  }
  return fromFrenchWords(text) ?? { ok: false, reason: "unparseable" };
};

/** ISO date plus or minus whole months, clamped to the month's last day (2024-02-29 − 12 months = 2023-02-28). */
export const addMonths = (iso: string, delta: number): string => {
  const [y, m, d] = iso.split("-").map(Number);
  const index = y * 12 + (m - 1) + delta;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`;
};

export const addDays = (iso: string, delta: number): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + delta * 86_400_000).toISOString().slice(0, 10);

/** The 12 months ending at `to` (inclusive): from = to − 12 months + 1 day. */
export const twelveMonthsEndingAt = (to: string): { from: string; to: string } => ({ from: addDays(addMonths(to, -12), 1), to });
