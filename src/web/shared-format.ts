// French number and date formatting shared by the pages.
const integer = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });
const decimal2 = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percent1 = new Intl.NumberFormat("fr-FR", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
const coordinate = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 5, maximumFractionDigits: 5 });

export const formatInteger = (value: number) => integer.format(value);
export const formatScore = (value: number) => decimal2.format(value);
export const formatCoordinate = (value: number) => coordinate.format(value);

/** A share in [0, 1] as "12,5 %"; null (not computable) as an em dash with its reason given elsewhere. */
export const formatShare = (value: number | null) => (value === null ? "—" : percent1.format(value));

/** A count that may be masked for anonymity ("< 5", or "masqué" so that a small cell cannot be recomputed): shown as given. */
export const formatCount = (value: number | string) => (typeof value === "number" ? formatInteger(value) : value);

/** "2024-03-15" (or an ISO timestamp) as "15 mars 2024"; the first of the month as "1er". */
export const formatDate = (iso: string) => {
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  const text = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" }).format(date);
  return text.replace(/^1 /, "1er ");
};

const dateTime = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "short", timeStyle: "short" });
/** An instant as "02/12/2026 07:35", Paris time (the histories of applications and offers). */
export const formatDateTime = (iso: string) => dateTime.format(new Date(iso));

/** A millésime given as a date ("2025-07-10") becomes "du 10 juillet 2025"; a year stays as it is. */
export const formatMillesime = (millesime: string) => (/^\d{4}-\d{2}-\d{2}$/.test(millesime) ? `du ${formatDate(millesime)}` : millesime);

/** "2024-03" as "mars 2024". */
export const formatMonth = (key: string) => {
  const match = /^(\d{4})-(\d{2})$/.exec(key);
  if (!match) return key;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 15));
  return new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" }).format(date);
};
