// ROME 4.0 reference: label folding shared by the import and the search, and
// the reading of a search text. Pure.
import { foldText } from "../geocoder/address-normaliser.ts";

/** Lowercase, without accents or punctuation ("Boulanger / Boulangère" → "boulanger boulangere"). */
export const normaliseRomeLabel = (label: string): string => foldText(label);

export type RomeSearch = { kind: "empty" } | { kind: "fiche"; code: string } | { kind: "text"; folded: string; words: string[] };

/** A search text: a fiche code ("d1102"), or folded words (at most 6). */
export const readRomeSearch = (q: string | undefined): RomeSearch => {
  const folded = normaliseRomeLabel(q ?? "");
  if (!folded) return { kind: "empty" };
  if (/^[a-n]\d{4}$/.test(folded)) return { kind: "fiche", code: folded.toUpperCase() };
  return { kind: "text", folded, words: folded.split(" ").slice(0, 6) };
};

/** LIKE pattern of a folded word (folded text has no % nor _, but stay safe). */
export const likeEscape = (word: string): string => word.replace(/[\\%_]/g, (c) => `\\${c}`);
