// String similarity for the in-memory street and city matching (pure):
// pg_trgm-compatible trigrams (each word padded "  w ") and a bounded
// Levenshtein distance that stops as soon as the bound is exceeded.

/** Distinct trigrams of a normalised string, as pg_trgm builds them. */
export const trigrams = (s: string): string[] => {
  const out = new Set<string>();
  for (const word of s.split(" ")) {
    if (!word) continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return [...out];
};

/** pg_trgm similarity: shared trigrams / all trigrams. */
export const trigramSimilarity = (a: string, b: string): number => {
  const ta = trigrams(a);
  const tb = new Set(trigrams(b));
  let common = 0;
  for (const t of ta) if (tb.has(t)) common++;
  const union = ta.length + tb.size - common;
  return union === 0 ? 0 : common / union;
};

/** Levenshtein distance if it is ≤ max, otherwise max + 1. */
export const boundedLevenshtein = (a: string, b: string, max: number): number => {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = current[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (current[j] < rowMin) rowMin = current[j];
    }
    if (rowMin > max) return max + 1;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length], max + 1);
};

/** An inverted trigram index over a list of names, for "closest name" queries. */
export type TrigramIndex = { best(query: string, limit?: number): { id: number; similarity: number }[] };

export const buildTrigramIndex = (names: readonly string[]): TrigramIndex => {
  const postings = new Map<string, number[]>();
  const sizes = new Int32Array(names.length);
  names.forEach((name, id) => {
    const grams = trigrams(name);
    sizes[id] = grams.length;
    for (const g of grams) {
      let list = postings.get(g);
      if (!list) postings.set(g, (list = []));
      list.push(id);
    }
  });
  // Reused between queries: shared-trigram counts per name, and the names touched.
  const counts = new Int32Array(names.length);
  const touched: number[] = [];
  return {
    best(query, limit = 8) {
      const grams = trigrams(query);
      for (const g of grams) {
        const list = postings.get(g);
        if (!list) continue;
        for (let i = 0; i < list.length; i++) {
          const id = list[i];
          if (counts[id]++ === 0) touched.push(id);
        }
      }
      // Top `limit` by similarity, ties in first-touched order (what a stable sort gives), without sorting them all.
      const top: { id: number; similarity: number }[] = [];
      for (const id of touched) {
        const common = counts[id];
        counts[id] = 0;
        const similarity = common / (grams.length + sizes[id] - common);
        if (top.length === limit && similarity <= top[limit - 1].similarity) continue;
        let position = top.length;
        while (position > 0 && top[position - 1].similarity < similarity) position--;
        top.splice(position, 0, { id, similarity });
        if (top.length > limit) top.pop();
      }
      touched.length = 0;
      return top;
    },
  };
};
