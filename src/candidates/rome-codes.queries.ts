// Target appellations and skills are ROME 4.0 codes, checked against the ROME
// reference (rome_appellations, rome_competences) once it is loaded; while those
// tables are empty (reference not imported yet), codes are only checked by shape.
import type { Executor } from "../server/transaction.ts";

const unknownIn = async (db: Executor, table: "rome_appellations" | "rome_competences", codes: string[]): Promise<string[]> => {
  if (codes.length === 0) return [];
  const loaded = await db.selectFrom(table).select("code").limit(1).executeTakeFirst();
  if (!loaded) return [];
  const known = await db.selectFrom(table).select("code").where("code", "in", codes).execute();
  const found = new Set(known.map((r) => r.code));
  return codes.filter((code) => !found.has(code));
};

export const checkRomeCodes = async (db: Executor, appellations: string[], skills: string[]) => ({
  unknownAppellations: await unknownIn(db, "rome_appellations", appellations),
  unknownSkills: await unknownIn(db, "rome_competences", skills),
});

/** Labels of the codes (a code missing from the reference keeps its code as label). */
export const romeLabels = async (db: Executor, appellations: string[], skills: string[]) => {
  const label = async (table: "rome_appellations" | "rome_competences", codes: string[]) => {
    if (codes.length === 0) return [];
    const rows = await db.selectFrom(table).select(["code", "label"]).where("code", "in", codes).execute();
    const byCode = new Map(rows.map((r) => [r.code, r.label]));
    return codes.map((code) => ({ code, label: byCode.get(code) ?? code }));
  };
  return { appellations: await label("rome_appellations", appellations), skills: await label("rome_competences", skills) };
};
