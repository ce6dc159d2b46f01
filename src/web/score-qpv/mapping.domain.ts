// Column mapping and period of a Score QPV run: pure checks before sending the file.
import { type ColumnMapping, type MappedField, mappedFieldLabels } from "../../score-qpv/score-qpv.contract.ts";
import { scoreQpvText } from "./score-qpv.fr.ts";

export const mappedFields = Object.keys(mappedFieldLabels) as MappedField[];

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

/** Keeps only assigned fields (the contract's "absent = not in the file"). */
export const cleanMapping = (mapping: ColumnMapping): ColumnMapping =>
  Object.fromEntries(Object.entries(mapping).filter(([, index]) => typeof index === "number" && index >= 0)) as ColumnMapping;

export const validateMapping = (mapping: ColumnMapping): FieldErrors<MappedField> => {
  const errors: FieldErrors<MappedField> = {};
  const m = scoreQpvText.mapping.errors;
  const has = (field: MappedField) => mapping[field] !== undefined;
  if (has("lat") && !has("lon")) errors.lon = m.latWithoutLon;
  if (has("lon") && !has("lat")) errors.lat = m.lonWithoutLat;
  const locatable = has("address") || has("street") || has("postcode") || has("city") || (has("lat") && has("lon"));
  if (!locatable) errors.address = m.noLocation;
  const seen = new Map<number, MappedField>();
  for (const field of mappedFields) {
    const index = mapping[field];
    if (index === undefined) continue;
    const other = seen.get(index);
    if (other) errors[field] ??= m.duplicate(mappedFieldLabels[other]);
    else seen.set(index, field);
  }
  return errors;
};

export type Period = { from: string; to: string };

const isIsoDate = (raw: string) => /^\d{4}-\d{2}-\d{2}$/.test(raw) && !Number.isNaN(new Date(`${raw}T00:00:00Z`).getTime());

export const validatePeriod = ({ from, to }: Period): FieldErrors<keyof Period> => {
  const errors: FieldErrors<keyof Period> = {};
  const p = scoreQpvText.period.errors;
  if (from && !isIsoDate(from)) errors.from = p.invalid;
  if (to && !isIsoDate(to)) errors.to = p.invalid;
  if (!errors.from && !errors.to && from && to && from > to) errors.to = p.order;
  return errors;
};

/** Which field each column is used for, for the inspection table. */
export const fieldsByColumn = (mapping: ColumnMapping): Map<number, MappedField[]> => {
  const byColumn = new Map<number, MappedField[]>();
  for (const field of mappedFields) {
    const index = mapping[field];
    if (index !== undefined) byColumn.set(index, [...(byColumn.get(index) ?? []), field]);
  }
  return byColumn;
};

/** Accepted uploads, by extension (browsers report CSV MIME types inconsistently). */
export const isAcceptedFileName = (name: string) => /\.(csv|xlsx)$/i.test(name);
