// Calendar dates as les emplois de l'inclusion computes them: a day is a
// calendar `date` in Europe/Paris; "N months" is calendar arithmetic with the
// day clamped to the month's last day (31/08 + 6 months = 28/02, 29/02 in leap
// years); "N days" is plain day arithmetic. Dates are "YYYY-MM-DD" strings.
export type LocalDate = string;

const localDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

const parisFormat = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" });

/** The calendar day in Europe/Paris at instant `now` (`timezone.localdate()`). */
export const parisDate = (now: Date): LocalDate => parisFormat.format(now);

/** True for an existing calendar day written YYYY-MM-DD. */
export const isLocalDate = (value: string): boolean => {
  const match = localDatePattern.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
};

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

const parts = (date: LocalDate): [number, number, number] => {
  const match = localDatePattern.exec(date);
  if (!match) throw new Error(`not a date: ${date}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
};

const format = (year: number, month: number, day: number): LocalDate =>
  `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

/** `date + relativedelta(months=n)`: the day is clamped to the target month's last day. */
export const addMonths = (date: LocalDate, months: number): LocalDate => {
  const [year, month, day] = parts(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return format(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
};

/** `date + timedelta(days=n)`. */
export const addDays = (date: LocalDate, days: number): LocalDate => {
  const [year, month, day] = parts(date);
  const moved = new Date(Date.UTC(year, month - 1, day + days));
  return format(moved.getUTCFullYear(), moved.getUTCMonth() + 1, moved.getUTCDate());
};

/** Days from `a` to `b` (negative when `b` is before `a`). */
export const daysBetween = (a: LocalDate, b: LocalDate): number => {
  const [ya, ma, da] = parts(a);
  const [yb, mb, db] = parts(b);
  return Math.round((Date.UTC(yb, mb - 1, db) - Date.UTC(ya, ma - 1, da)) / 86_400_000);
};

/** French display: 01/03/2027. */
export const frenchDate = (date: LocalDate): string => {
  const [year, month, day] = parts(date);
  return `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;
};
