// Target appellations and skills are ROME 4.0 codes, checked against the ROME
// tables of the offers capability (rome_appellations, rome_competences) when they
// are installed. Raw SQL on purpose: this module does not depend on their types.
import { sql } from "kysely";
import type { Executor } from "../server/transaction.ts";

const unknownIn = async (db: Executor, table: "rome_appellations" | "rome_competences", codes: string[]): Promise<string[]> => {
  if (codes.length === 0) return [];
  const exists = await sql<{ present: boolean }>`select to_regclass(${`public.${table}`}) is not null as present`.execute(db);
  if (!exists.rows[0]?.present) return [];
  const known = await sql<{ code: string }>`select code::text as code from ${sql.table(table)} where code::text = any(${codes}::text[])`.execute(db);
  const found = new Set(known.rows.map((r) => r.code));
  return codes.filter((code) => !found.has(code));
};

export const checkRomeCodes = async (db: Executor, appellations: string[], skills: string[]) => ({
  unknownAppellations: await unknownIn(db, "rome_appellations", appellations),
  unknownSkills: await unknownIn(db, "rome_competences", skills),
});
