// Turns a clean BAN address into what HR exports contain: uppercase, no
// accents, abbreviations, building/flat/floor noise, a one-letter typo now and
// then, missing postcodes, the whole address in one column, "PARIS 11" city
// forms, cedex. Used by the benchmarks and the Score QPV tests (seeded rng).
import type { AddressInput } from "./geocoder.types.ts";

export type CleanAddress = { numero: number | string; rep: string; nom_voie: string; code_postal: string; nom_commune: string };

/** Small deterministic generator (mulberry32) for reproducible noise. */
export const seededRng = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const streetTypeAbbreviations: Record<string, string[]> = {
  rue: ["R", "R.", "RUE"], avenue: ["AV", "AV.", "AVE"], boulevard: ["BD", "BLD", "BD."], place: ["PL", "PL."],
  impasse: ["IMP", "IMP."], passage: ["PASS", "PASS."], square: ["SQ"], allee: ["ALL", "ALL."], quai: ["QU", "QUAI"],
  faubourg: ["FG", "FBG"], chemin: ["CHEM", "CHE"], route: ["RTE"], cours: ["CRS"], cite: ["CITE"], villa: ["VLA"],
};
const wordAbbreviations: Record<string, string> = { faubourg: "FBG", saint: "ST", sainte: "STE", general: "GAL", marechal: "MAL", docteur: "DR", president: "PDT" };

const suffixForms: Record<string, string[]> = { b: ["BIS", "B", "bis", "Bis"], t: ["TER", "T", "ter"], q: ["QUATER", "Q"] };

const pick = <T>(rng: () => number, items: readonly T[]): T => items[Math.floor(rng() * items.length) % items.length];
const stripAccents = (s: string): string => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
const fold = (s: string): string => stripAccents(s).toLowerCase();

/** Abbreviates the street type and a few title words, as HR software does. */
const abbreviate = (street: string, rng: () => number): string =>
  street
    .split(" ")
    .map((word, index) => {
      const key = fold(word);
      if (index === 0 && streetTypeAbbreviations[key] && rng() < 0.6) return pick(rng, streetTypeAbbreviations[key]);
      if (key === "faubourg" && rng() < 0.5) return pick(rng, streetTypeAbbreviations.faubourg);
      const title = wordAbbreviations[key.replace(/-.*/, "")];
      if (title && rng() < 0.5) return word.replace(/^[^-]+/, title);
      return word;
    })
    .join(" ");

/** One letter replaced, dropped or doubled inside the longest word. */
const typo = (street: string, rng: () => number): string => {
  const words = street.split(" ");
  let longest = 0;
  words.forEach((w, i) => { if (w.length > words[longest].length) longest = i; });
  const word = words[longest];
  if (word.length < 5) return street;
  const at = 1 + Math.floor(rng() * (word.length - 2));
  const kind = rng();
  const letter = "abcdefghijklmnopqrstuvwxyz"[Math.floor(rng() * 26)];
  const changed =
    kind < 0.4 ? word.slice(0, at) + letter + word.slice(at + 1)
    : kind < 0.7 ? word.slice(0, at) + word.slice(at + 1)
    : word.slice(0, at) + word[at] + word.slice(at);
  words[longest] = changed;
  return words.join(" ");
};

/** "Paris 11e Arrondissement" → "PARIS", "Paris 11e", "PARIS 11", "Paris 11ème", "PARIS CEDEX 11"… */
const cityForm = (commune: string, rng: () => number): string => {
  const arrondissement = /^(Paris|Lyon|Marseille) (\d{1,2})(?:er|e) Arrondissement$/.exec(commune);
  if (!arrondissement) return commune;
  const [, city, n] = arrondissement;
  const ordinal = n === "1" ? "1er" : `${n}e`;
  return pick(rng, [city, city, `${city} ${ordinal}`, `${city.toUpperCase()} ${n}`, `${city} ${n === "1" ? "1er" : `${n}ème`}`, commune]);
};

const noiseInStreet = ["Bât B", "BAT. 3", "appt 12", "APT 4", "Esc A", "porte 5", "Bat C appt 21"];
const noiseInComplement = ["Bât B", "BAT. 3", "3ème étage", "2e étage", "appt 12", "Esc. 2", "Résidence les Lilas", "chez M. Martin", "BP 123"];

/** What an HR export would hold for that address (deterministic for a given rng). */
export const addRealisticNoise = (address: CleanAddress, rng: () => number): AddressInput => {
  const upper = rng() < 0.6;
  const noAccents = upper || rng() < 0.5;
  let street = abbreviate(address.nom_voie, rng);
  if (rng() < 0.05) street = typo(street, rng);
  if (rng() < 0.2) street = street.replace(/'/g, " ");
  const rep = address.rep ? (suffixForms[address.rep] ? pick(rng, suffixForms[address.rep]) : address.rep.toUpperCase()) : "";
  const number = `${address.numero}${rep ? (rng() < 0.5 ? rep : ` ${rep}`) : ""}`;
  let line = `${number}${rng() < 0.2 ? ", " : " "}${street}`;
  if (rng() < 0.08) line += `, ${pick(rng, noiseInStreet)}`;
  const complement = rng() < 0.2 ? pick(rng, noiseInComplement) : undefined;
  let city = cityForm(address.nom_commune, rng);
  const cedex = rng() < 0.02;
  if (cedex) city = `${city.replace(/ \d.*$/, "")} CEDEX`;
  const postcode = rng() < 0.07 ? undefined : address.code_postal;
  const style = (s: string) => {
    const t = noAccents ? stripAccents(s) : s;
    return upper ? t.toUpperCase() : t;
  };
  if (rng() < 0.15) {
    const full = [line, complement, postcode, city].filter(Boolean).join(rng() < 0.5 ? " " : ", ");
    return { full: style(full) };
  }
  return {
    street: style(line),
    ...(complement ? { complement: style(complement) } : {}),
    ...(postcode ? { postcode } : {}),
    city: style(city),
  };
};
