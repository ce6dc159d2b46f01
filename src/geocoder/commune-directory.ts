// In-memory directory of communes (loaded once from the `communes` table):
// resolves postcode + city to the communes whose BAN addresses to search —
// arrondissements for Paris/Lyon/Marseille (75011 → 75111, "Paris 11e" →
// 75111, "Paris" → the 20 arrondissements), postcodes shared by several
// communes (city name decides, fuzzily), communes déléguées → their commune.
import type { Executor } from "../server/transaction.ts";
import type { CommunesTable } from "../server/db.types.ts";
import { boundedLevenshtein, buildTrigramIndex, type TrigramIndex } from "./fuzzy.domain.ts";
import type { ParsedAddress } from "./address-normaliser.ts";

export type CommuneRef = { code: string; nom: string; nameNorm: string; departement: string; parent: string | null; type: CommunesTable["type"] };

export type CommuneResolution =
  | { ok: true; communes: CommuneRef[]; viaName: boolean; nameSimilarity: number }
  | { ok: false; reason: "empty_address" | "commune_not_found"; departement: string | null };

export type CommuneDirectory = {
  resolve(parsed: ParsedAddress): CommuneResolution;
  isCityName(nameNorm: string): boolean;
  get(code: string): CommuneRef | undefined;
  /** Name to print in labels ("Paris" for an arrondissement). */
  displayName(code: string): string;
  size: number;
};

type Row = Pick<CommunesTable, "code_insee" | "type" | "nom" | "name_norm" | "departement" | "commune_parente" | "codes_postaux">;

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) { if (!list.includes(value)) list.push(value); } else map.set(key, [value]);
};

/** Builds the directory from rows of the `communes` table (pure). */
export const buildCommuneDirectory = (rows: readonly Row[]): CommuneDirectory => {
  const byCode = new Map<string, CommuneRef>();
  const arrondissements = new Map<string, CommuneRef[]>();
  const toRef = (r: Row): CommuneRef => ({ code: r.code_insee, nom: r.nom, nameNorm: r.name_norm, departement: r.departement, parent: r.commune_parente, type: r.type });
  for (const r of rows) if (r.type === "commune-actuelle" || r.type === "arrondissement-municipal") byCode.set(r.code_insee, toRef(r));
  for (const ref of byCode.values()) if (ref.type === "arrondissement-municipal" && ref.parent) push(arrondissements, ref.parent, ref);
  /** The communes whose addresses the BAN holds for this code (arrondissements of a city). */
  const targets = (code: string): CommuneRef[] => {
    const ref = byCode.get(code);
    if (!ref) return [];
    return arrondissements.get(code) ?? [ref];
  };
  const postcodesOf = new Map<string, Set<string>>();
  for (const r of rows) if (r.type === "arrondissement-municipal") postcodesOf.set(r.code_insee, new Set(r.codes_postaux));
  const byPostcode = new Map<string, CommuneRef[]>();
  const byName = new Map<string, CommuneRef[]>();
  for (const r of rows) {
    const own = r.type === "commune-actuelle" || r.type === "arrondissement-municipal" ? r.code_insee : r.commune_parente;
    if (!own) continue;
    const owned = targets(own);
    for (const postcode of r.codes_postaux) {
      // A city with arrondissements: the postcode goes to the arrondissements holding it.
      const holding = owned.length > 1 ? owned.filter((a) => postcodesOf.get(a.code)?.has(postcode)) : owned;
      for (const t of holding.length ? holding : owned) push(byPostcode, postcode, t);
    }
    for (const t of owned) push(byName, r.name_norm, t);
  }
  const names = [...byName.keys()];
  let nameIndex: TrigramIndex | null = null;
  const fuzzyNames = new Map<string, string | null>();

  /** Closest known city name (typo, missing word), cached. */
  const closestName = (cityNorm: string): string | null => {
    if (fuzzyNames.has(cityNorm)) return fuzzyNames.get(cityNorm) ?? null;
    nameIndex ??= buildTrigramIndex(names);
    const best = nameIndex.best(cityNorm, 5).find((c) => c.similarity >= 0.6 || boundedLevenshtein(names[c.id], cityNorm, 1) <= 1);
    const found = best ? names[best.id] : null;
    if (fuzzyNames.size > 50_000) fuzzyNames.clear();
    fuzzyNames.set(cityNorm, found);
    return found;
  };

  const nameScore = (cityNorm: string, ref: CommuneRef): number => {
    if (ref.nameNorm === cityNorm) return 1;
    const parent = ref.parent ? byCode.get(ref.parent) : undefined;
    if (parent && parent.nameNorm === cityNorm) return 0.95;
    if (ref.nameNorm.startsWith(`${cityNorm} `) || cityNorm.startsWith(`${ref.nameNorm} `)) return 0.8;
    return boundedLevenshtein(ref.nameNorm, cityNorm, 2) <= 2 ? 0.7 : 0;
  };

  const resolve = (parsed: ParsedAddress): CommuneResolution => {
    const { postcode, cityNorm } = parsed;
    if (!postcode && !cityNorm && !parsed.streetNorm) return { ok: false, reason: "empty_address", departement: null };
    const fromPostcode = postcode ? byPostcode.get(postcode) : undefined;
    if (fromPostcode) {
      if (fromPostcode.length === 1 || !cityNorm) return { ok: true, communes: fromPostcode, viaName: false, nameSimilarity: 1 };
      const byCity = byName.get(cityNorm) ?? byName.get(closestName(cityNorm) ?? "") ?? [];
      const both = fromPostcode.filter((c) => byCity.includes(c));
      if (both.length) return { ok: true, communes: both, viaName: true, nameSimilarity: 1 };
      const scored = fromPostcode.map((c) => ({ c, s: nameScore(cityNorm, c) })).filter((x) => x.s > 0).sort((a, b) => b.s - a.s);
      if (scored.length) return { ok: true, communes: [scored[0].c], viaName: true, nameSimilarity: scored[0].s };
      return { ok: true, communes: fromPostcode, viaName: false, nameSimilarity: 0.5 };
    }
    const departement = postcode ? (postcode.startsWith("97") ? postcode.slice(0, 3) : postcode.slice(0, 2)) : null;
    if (cityNorm) {
      const exact = byName.get(cityNorm);
      const name = exact ? cityNorm : closestName(cityNorm);
      let found = name ? (byName.get(name) ?? []) : [];
      // An unknown (cedex) postcode still tells the département.
      if (departement && found.length > 1) {
        const inDepartement = found.filter((c) => c.departement === departement || departement.startsWith("20"));
        if (inDepartement.length) found = inDepartement;
      }
      if (found.length) return { ok: true, communes: found, viaName: true, nameSimilarity: exact ? 1 : 0.8 };
    }
    return { ok: false, reason: "commune_not_found", departement };
  };

  return {
    resolve,
    isCityName: (nameNorm) => byName.has(nameNorm),
    get: (code) => byCode.get(code),
    displayName: (code) => {
      const ref = byCode.get(code);
      if (!ref) return code;
      return ref.type === "arrondissement-municipal" && ref.parent ? (byCode.get(ref.parent)?.nom ?? ref.nom) : ref.nom;
    },
    size: byCode.size,
  };
};

export const loadCommuneDirectory = async (db: Executor): Promise<CommuneDirectory> =>
  buildCommuneDirectory(
    await db.selectFrom("communes").select(["code_insee", "type", "nom", "name_norm", "departement", "commune_parente", "codes_postaux"]).execute(),
  );
