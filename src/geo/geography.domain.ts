// Commune-level lookups behind the Geography: parents of arrondissements and
// former communes, rural classes with COG fallbacks, QPV presence by commune. Pure.
import type { QpvMillesime, RuralRef, RuralScheme } from "./geography.types.ts";

export type CommuneRow = {
  code: string;
  type: "commune-actuelle" | "commune-deleguee" | "commune-associee" | "arrondissement-municipal";
  nom: string;
  departement: string;
  parent: string | null;
};
export type RuralRow = { scheme: RuralScheme; code: string; class: string; label: string; classified: boolean };
export type PerimeterCommunes = { code: string; millesime: QpvMillesime; communeCodes: string[]; communeNames: string };

export type CommuneLookup = {
  /** The commune an arrondissement, a commune déléguée or associée belongs to (null for a current commune). */
  parentOf(code: string): string | null;
  /** Arrondissements, communes déléguées and associées of a commune. */
  childrenOf(code: string): string[];
  departementOf(code: string): string;
  codesNamed(departement: string, name: string): string[];
};

/** Département of an INSEE code: 3 characters overseas (97x), 2 elsewhere (2A/2B included). */
export const departementOfInsee = (code: string) => (code.startsWith("97") ? code.slice(0, 3) : code.slice(0, 2));

/** Département of a QPV code: QP075019 / QN07501M → "75", QN02A01M → "2A", QP971001 → "971". */
export const departementOfQpv = (code: string) => {
  const part = code.slice(2, 5);
  return part.startsWith("0") ? part.slice(1) : part;
};

/** "Paris 13ème arrondissement" and "Paris 13e Arrondissement" → "paris 13 arrondissement"; St → Saint. */
export const normaliseCommuneName = (name: string) =>
  name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/(\d+)\s*(?:eme|ere|er|e)\b/g, "$1")
    .replace(/[^a-z0-9]+/g, " ")
    .replace(/\bst\b/g, "saint")
    .replace(/\bste\b/g, "sainte")
    .trim();

/**
 * Commune names of a 2015 perimeter: "Les Abymes, Pointe-à-Pitre"; arrondissement lists
 * such as "Paris 20ème, 11ème et 10ème arrondissements" become one name per arrondissement.
 */
export const splitCommuneNames = (text: string): string[] => {
  const arrondissements = /^(Paris|Lyon|Marseille)\s+(.+?)\s+arrondissements?$/i.exec(text.trim());
  if (arrondissements) {
    const numbers = [...arrondissements[2]!.matchAll(/(\d+)\s*(?:er|ère|ere|ème|eme|e)?\b/gi)].map((m) => m[1]!);
    if (numbers.length > 0) return numbers.map((n) => `${arrondissements[1]} ${n} arrondissement`);
  }
  return text.split(/[,;]/).map((name) => name.trim()).filter(Boolean);
};

export const createCommuneLookup = (communes: readonly CommuneRow[]): CommuneLookup => {
  const current = new Map<string, CommuneRow>();
  const parents = new Map<string, string>();
  const children = new Map<string, string[]>();
  const byName = new Map<string, string[]>();
  for (const row of communes) {
    if (row.type === "commune-actuelle") current.set(row.code, row);
    else if (row.parent && row.parent !== row.code) {
      if (!parents.has(row.code)) parents.set(row.code, row.parent);
      children.set(row.parent, [...(children.get(row.parent) ?? []), row.code]);
    }
    const key = `${row.departement}|${normaliseCommuneName(row.nom)}`;
    byName.set(key, [...(byName.get(key) ?? []), row.code]);
  }
  return {
    parentOf: (code) => (current.has(code) ? null : (parents.get(code) ?? null)),
    childrenOf: (code) => children.get(code) ?? [],
    departementOf: (code) => current.get(code)?.departement ?? departementOfInsee(code),
    codesNamed: (departement, name) => byName.get(`${departement}|${normaliseCommuneName(name)}`) ?? [],
  };
};

const PARTIAL: Record<RuralScheme, Omit<RuralRow, "scheme" | "code">> = {
  zrr: { class: "P", label: "Commune partiellement classée en ZRR", classified: true },
  frr: { class: "frr_partiel", label: "Classée FRR partiellement", classified: true },
};

/**
 * Rural class of a commune under a scheme. The lists use an older COG than the addresses:
 * a code missing from the list falls back to its parent commune (arrondissements, communes
 * déléguées/associées), then to the communes it was formed from (mixed classes → partial).
 */
export const createRuralLookup = (rows: readonly RuralRow[], communes: CommuneLookup) => {
  const lists: Record<RuralScheme, Map<string, RuralRow>> = { zrr: new Map(), frr: new Map() };
  for (const row of rows) lists[row.scheme].set(row.code, row);
  const cache: Record<RuralScheme, Map<string, RuralRef | null>> = { zrr: new Map(), frr: new Map() };

  const resolve = (code: string, scheme: RuralScheme): Omit<RuralRow, "scheme" | "code"> | null => {
    const list = lists[scheme];
    const direct = list.get(code);
    if (direct) return direct;
    const parent = communes.parentOf(code);
    const viaParent = parent ? list.get(parent) : undefined;
    if (viaParent) return viaParent;
    const formers = communes.childrenOf(parent ?? code).flatMap((child) => list.get(child) ?? []);
    if (formers.length === 0) return null;
    const classified = formers.filter((row) => row.classified);
    if (classified.length === 0) return formers[0]!;
    if (classified.length === formers.length && classified.every((row) => row.class === classified[0]!.class)) return classified[0]!;
    return PARTIAL[scheme];
  };

  return (code: string, scheme: RuralScheme): RuralRef | null => {
    const cached = cache[scheme].get(code);
    if (cached !== undefined) return cached;
    const row = resolve(code, scheme);
    const ref = row?.classified ? Object.freeze({ scheme, class: row.class, label: row.label }) : null;
    cache[scheme].set(code, ref);
    return ref;
  };
};

/**
 * Whether a commune has (part of) a QPV. Perimeters give INSEE codes (2024 files) or only
 * commune names (2015 files): names are matched within the QPV's département; when a name
 * matches nothing, every commune of that département is answered "may have a QPV" (true).
 */
export const createQpvCommuneLookup = (perimeters: readonly PerimeterCommunes[], communes: CommuneLookup) => {
  const codes: Record<QpvMillesime, Set<string>> = { 2015: new Set(), 2024: new Set() };
  const unsureDepartements: Record<QpvMillesime, Set<string>> = { 2015: new Set(), 2024: new Set() };
  for (const perimeter of perimeters) {
    if (perimeter.communeCodes.length > 0) {
      for (const code of perimeter.communeCodes) codes[perimeter.millesime].add(code);
      continue;
    }
    const departement = departementOfQpv(perimeter.code);
    const names = splitCommuneNames(perimeter.communeNames);
    if (names.length === 0) unsureDepartements[perimeter.millesime].add(departement);
    for (const name of names) {
      const matched = communes.codesNamed(departement, name);
      if (matched.length === 0) unsureDepartements[perimeter.millesime].add(departement);
      for (const code of matched) codes[perimeter.millesime].add(code);
    }
  }
  return (citycode: string, millesime: QpvMillesime): boolean => {
    const known = codes[millesime];
    if (known.has(citycode)) return true;
    const parent = communes.parentOf(citycode);
    if (parent && known.has(parent)) return true;
    if (communes.childrenOf(citycode).some((child) => known.has(child))) return true; // a merged commune
    return unsureDepartements[millesime].has(communes.departementOf(citycode));
  };
};
