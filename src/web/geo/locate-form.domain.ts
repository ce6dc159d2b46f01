// Validation of the "Vérifier une adresse" form: raw field values → API query, or errors per field.
import type { LocateInput } from "./geo.api.ts";
import { geoText } from "./geo.fr.ts";

export type LocateMode = "address" | "coordinates";
export type LocateFormValues = { mode: LocateMode; address: string; lat: string; lon: string; date: string };
export type LocateFormErrors = Partial<Record<"address" | "lat" | "lon" | "date", string>>;

/** Accepts "48,8566" as well as "48.8566". */
export const parseDecimal = (raw: string): number | null => {
  const text = raw.trim().replace(/\s/g, "").replace(",", ".");
  if (!/^[-+]?\d+(\.\d+)?$/.test(text)) return null;
  return Number(text);
};

const inRange = (value: number | null, limit: number): value is number => value !== null && Math.abs(value) <= limit;
const isIsoDate = (raw: string) => /^\d{4}-\d{2}-\d{2}$/.test(raw) && !Number.isNaN(new Date(`${raw}T00:00:00Z`).getTime());

export const validateLocateForm = (values: LocateFormValues): { input: LocateInput } | { errors: LocateFormErrors } => {
  const errors: LocateFormErrors = {};
  const messages = geoText.form.errors;
  const date = values.date.trim();
  if (date && !isIsoDate(date)) errors.date = messages.date;
  if (values.mode === "address") {
    const address = values.address.trim();
    if (address.length < 3 || address.length > 300) errors.address = messages.address;
    if (Object.keys(errors).length) return { errors };
    return { input: { address, date: date || undefined } };
  }
  const lat = parseDecimal(values.lat);
  const lon = parseDecimal(values.lon);
  if (!inRange(lat, 90)) errors.lat = messages.lat;
  if (!inRange(lon, 180)) errors.lon = messages.lon;
  if (Object.keys(errors).length || !inRange(lat, 90) || !inRange(lon, 180)) return { errors };
  return { input: { lat, lon, date: date || undefined } };
};
