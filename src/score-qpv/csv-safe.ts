// CSV cells that Excel or LibreOffice cannot run as formulas, and ";" lines.

const formulaStart = /^[=+\-@\t\r]/;
const plainNumber = /^[-+]?\d+(?:[.,]\d+)?$/;

/** A cell starting with = + - @ tab or CR gets a leading apostrophe, unless it is a plain number (-1.55). */
export const formulaSafe = (cell: string): string => (formulaStart.test(cell) && !plainNumber.test(cell) ? `'${cell}` : cell);

const quote = (cell: string) => (/[;"\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

export const csvLine = (cells: (string | number | null)[]): string =>
  cells.map((cell) => quote(formulaSafe(cell === null ? "" : String(cell)))).join(";") + "\r\n";

export const UTF8_BOM = "\uFEFF";
