// Searches in the ROME 4.0 reference: every word must appear (trigram index),
// ranked exact label, then label prefix, then word prefix, then shorter labels;
// when nothing contains the words (a typo), the closest labels by word similarity.
import { sql } from "kysely";
import type { Executor } from "../server/transaction.ts";
import { likeEscape, readRomeSearch } from "./rome.domain.ts";

export type Appellation = { code: string; label: string; shortLabel: string; romeCode: string; romeLabel: string };
export type Competence = { code: string; label: string; kind: "competence" | "macro_competence"; category: string };

const appellationColumns = sql`a.code, a.label, a.short_label as "shortLabel", a.rome_code as "romeCode", f.label as "romeLabel"`;

const rankOf = (folded: string) => sql`case
    when a.label_norm = ${folded} then 0
    when a.label_norm like ${`${likeEscape(folded)}%`} then 1
    when a.label_norm like ${`% ${likeEscape(folded)}%`} then 2
    else 3 end`;

export const searchAppellations = async (db: Executor, q: string | undefined, limit: number): Promise<Appellation[]> => {
  const search = readRomeSearch(q);
  if (search.kind === "empty") return [];
  if (search.kind === "fiche") {
    const { rows } = await sql<Appellation>`select ${appellationColumns} from rome_appellations a join rome_fiches f on f.code = a.rome_code
      where a.rome_code = ${search.code} order by a.rarely_used, length(a.label), a.label limit ${limit}`.execute(db);
    return rows;
  }
  const contains = sql.join(search.words.map((word) => sql`a.label_norm like ${`%${likeEscape(word)}%`}`), sql` and `);
  const { rows } = await sql<Appellation>`select ${appellationColumns} from rome_appellations a join rome_fiches f on f.code = a.rome_code
    where ${contains}
    order by ${rankOf(search.folded)}, a.rarely_used, length(a.label), a.label limit ${limit}`.execute(db);
  if (rows.length || search.folded.length < 3) return rows;
  const fuzzy = await sql<Appellation>`select ${appellationColumns} from rome_appellations a join rome_fiches f on f.code = a.rome_code
    where word_similarity(${search.folded}, a.label_norm) >= 0.5
    order by word_similarity(${search.folded}, a.label_norm) desc, a.rarely_used, length(a.label) limit ${limit}`.execute(db);
  return fuzzy.rows;
};

export const findAppellation = async (db: Executor, code: string): Promise<Appellation | null> => {
  const { rows } = await sql<Appellation>`select ${appellationColumns} from rome_appellations a join rome_fiches f on f.code = a.rome_code
    where a.code = ${code}`.execute(db);
  return rows[0] ?? null;
};

export const searchCompetences = async (db: Executor, q: string | undefined, limit: number): Promise<Competence[]> => {
  const search = readRomeSearch(q);
  if (search.kind !== "text") return [];
  const contains = sql.join(search.words.map((word) => sql`c.label_norm like ${`%${likeEscape(word)}%`}`), sql` and `);
  const { rows } = await sql<Competence>`select c.code, c.label, c.kind, c.category from rome_competences c
    where ${contains}
    order by case when c.label_norm like ${`${likeEscape(search.folded)}%`} then 0 when c.label_norm like ${`% ${likeEscape(search.folded)}%`} then 1 else 2 end,
      length(c.label), c.label limit ${limit}`.execute(db);
  if (rows.length || search.folded.length < 3) return rows;
  const fuzzy = await sql<Competence>`select c.code, c.label, c.kind, c.category from rome_competences c
    where word_similarity(${search.folded}, c.label_norm) >= 0.5
    order by word_similarity(${search.folded}, c.label_norm) desc, length(c.label) limit ${limit}`.execute(db);
  return fuzzy.rows;
};
