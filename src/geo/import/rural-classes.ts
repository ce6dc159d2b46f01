// Official ZRR and FRR class labels → class codes. Pure.
import { normaliseLabel } from "./csv-records.ts";

export type RuralClassValue = { class: string; label: string; classified: boolean };

const ZRR_LABELS: Record<string, string> = {
  C: "Classée en ZRR",
  P: "Commune partiellement classée en ZRR",
  NC: "Commune non classée",
};

/** "C - Classée en ZRR", "P - Commune partiellement…", "NC - Commune non classée" (or the bare code). */
export const parseZrrClass = (value: string): RuralClassValue | null => {
  const match = /^\s*(NC|C|P)\s*(?:-\s*(.*))?$/i.exec(value);
  if (!match) return null;
  const code = match[1]!.toUpperCase();
  return { class: code, label: match[2]?.trim() || ZRR_LABELS[code]!, classified: code !== "NC" };
};

const FRR_CLASSES: Record<string, string> = {
  "non classee": "non_classee",
  "frr socle": "frr_socle",
  "frr+": "frr_plus",
  "frr plus": "frr_plus",
  "frr beneficiaire": "frr_beneficiaire",
  "classee frr partiellement": "frr_partiel",
  "frr partiellement": "frr_partiel",
  "frr beneficiaire partiellement": "frr_beneficiaire_partiel",
};

/** "FRR socle", "FRR+", "FRR bénéficiaire", "Classée FRR partiellement", "FRR bénéficiaire partiellement", "Non classée". */
export const parseFrrClass = (value: string): RuralClassValue | null => {
  const key = normaliseLabel(value).replace(/\s*\+\s*$/, "+");
  const code = FRR_CLASSES[key];
  if (!code) return null;
  return { class: code, label: value.trim(), classified: code !== "non_classee" };
};
