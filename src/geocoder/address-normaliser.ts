// Pure normalisation of French postal addresses as they come out of HR files:
// case, accents, punctuation, abbreviations, number suffixes (bis/ter…),
// noise (building, flat, floor, cedex, BP…), postcode and city in one line,
// Paris/Lyon/Marseille arrondissement forms. No I/O: the BAN import and the
// geocoder both key streets with `normaliseStreetName`, so they agree.
import type { AddressInput } from "./geocoder.types.ts";

export type ParsedAddress = {
  number: number | null;
  /** Canonical suffix: "" | "b" (bis) | "t" (ter) | "q" (quater) | "c" (quinquies) | a letter. */
  suffix: string;
  streetNorm: string;
  postcode: string | null;
  /** City name normalised by `normaliseCityName` ("paris 11" for "PARIS 11EME"). */
  cityNorm: string | null;
  /** Normalised complement, when it looks like a lieu-dit rather than noise. */
  localityNorm: string | null;
};

/** Abbreviation (normalised token) → full word, as in the BAN names. */
const abbreviations: Record<string, string> = {
  av: "avenue", ave: "avenue", avn: "avenue", aven: "avenue",
  bd: "boulevard", bld: "boulevard", blvd: "boulevard", bvd: "boulevard", boul: "boulevard", bou: "boulevard", boulev: "boulevard",
  r: "rue", ru: "rue",
  pl: "place", plc: "place",
  imp: "impasse", impas: "impasse",
  ch: "chemin", chem: "chemin", che: "chemin", chmn: "chemin",
  fg: "faubourg", fbg: "faubourg", faub: "faubourg", fb: "faubourg",
  st: "saint", ste: "sainte", sts: "saints", stes: "saintes",
  sq: "square", squ: "square",
  all: "allee", ale: "allee", al: "allee",
  crs: "cours", qu: "quai", qua: "quai", qai: "quai",
  rte: "route", rt: "route",
  pass: "passage", pas: "passage", psg: "passage",
  res: "residence", resid: "residence",
  sent: "sentier", sen: "sentier",
  pte: "porte", prt: "porte",
  cite: "cite", cit: "cite", cte: "cite",
  vla: "villa", vil: "villa",
  ham: "hameau", hle: "halle",
  lot: "lotissement", lotiss: "lotissement",
  prom: "promenade", espl: "esplanade", esp: "esplanade",
  carr: "carrefour", car: "carrefour", crf: "carrefour",
  rpt: "rond point", rdpt: "rond point",
  mte: "montee", tra: "traverse", trav: "traverse", gal: "general", gen: "general", gl: "general",
  mal: "marechal", mar: "marechal", pdt: "president", pres: "president", prof: "professeur",
  dr: "docteur", doct: "docteur", cdt: "commandant", cmdt: "commandant", lt: "lieutenant",
  sgt: "sergent", adj: "adjudant", mgr: "monseigneur", abb: "abbe",
  hab: "habitation", pt: "pont", pont: "pont", grd: "grand", gde: "grande",
  nd: "notre dame", vx: "vieux", vlle: "ville", prv: "parvis", rle: "ruelle",
};

/** Words dropped from street keys so that "R. DE LA ROQUETTE" and "Rue de la Roquette" agree. */
const stopWords = new Set(["de", "du", "des", "la", "le", "les", "l", "d", "et", "a", "au", "aux", "en", "sur", "sous"]);

/** Suffix words and letters → canonical code used by the BAN `rep` column (Paris uses b/t/q). */
const suffixWords: Record<string, string> = {
  bis: "b", b: "b", ter: "t", t: "t", quater: "q", qua: "q", q: "q", quinquies: "c", quinques: "c",
};

/** Lowercase, no accents, ligatures expanded, everything but letters/digits → space. */
export const foldText = (s: string): string => {
  let lower = s.toLowerCase();
  // Hot path: most HR exports are plain ASCII, which needs no Unicode decomposition.
  if (/[^\x00-\x7f]/.test(lower)) {
    lower = lower.replace(/[œ]/g, "oe").replace(/[æ]/g, "ae").replace(/ß/g, "ss").normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  return lower.replace(/[^a-z0-9]+/g, " ").trim();
};

/** Canonical suffix for "bis", "B", "ter"… ("" when none). */
export const canonicalSuffix = (s: string | null | undefined): string => {
  const folded = foldText(s ?? "").replace(/ /g, "");
  if (!folded) return "";
  return suffixWords[folded] ?? folded;
};

const expandTokens = (tokens: string[]): string[] => {
  const out: string[] = [];
  for (const token of tokens) {
    const full = abbreviations[token];
    if (full) out.push(...full.split(" "));
    else out.push(token);
  }
  return out;
};

/** Street key: folded, abbreviations expanded, articles dropped ("Bd de l'Hôpital" → "boulevard hopital"). */
export const normaliseStreetName = (s: string): string => {
  const tokens = expandTokens(foldText(s).split(" ").filter(Boolean));
  // Articles go, except a letter naming a path ("Voie D/12" → "voie d 12").
  return tokens.filter((t, i) => !stopWords.has(t) || (t.length === 1 && /^\d/.test(tokens[i + 1] ?? ""))).join(" ");
};

/** "Paris 11e Arrondissement", "PARIS 11EME", "Paris XI" → "paris 11"; cedex and its number removed. */
export const normaliseCityName = (s: string): string => {
  // An HR file names few distinct cities: memoise (bounded).
  const cached = cityCache.get(s);
  if (cached !== undefined) return cached;
  const result = computeCityName(s);
  if (cityCache.size >= 20_000) cityCache.clear();
  cityCache.set(s, result);
  return result;
};

const cityCache = new Map<string, string>();

const computeCityName = (s: string): string => {
  let folded = ` ${foldText(s)} `;
  folded = folded.replace(/ cedex( \d{1,3})?(?= )/g, " ");
  folded = folded.replace(/ arrondissement /g, " ").replace(/ arr /g, " ");
  // 1er, 2e, 2eme, 2ieme, 11em → bare number
  folded = folded.replace(/ (\d{1,2}) ?(er|ere|e|eme|ieme|em|me)(?= )/g, " $1");
  folded = folded.replace(/ (paris|lyon|marseille) ([ivx]{1,5}) ?(e|eme|er)?(?= )/g, (_m, city: string, roman: string) => {
    const value = romanToInt(roman);
    return value ? ` ${city} ${value}` : ` ${city} ${roman}`;
  });
  const tokens = expandTokens(folded.trim().split(" ").filter(Boolean));
  return tokens.join(" ").replace(/^(paris|lyon|marseille) 0(\d)$/, "$1 $2");
};

const romanToInt = (roman: string): number | null => {
  const values: Record<string, number> = { i: 1, v: 5, x: 10 };
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const current = values[roman[i]];
    const next = values[roman[i + 1]] ?? 0;
    total += current < next ? -current : current;
  }
  return total >= 1 && total <= 20 ? total : null;
};

// Noise inside a street or complement: floor, building, staircase, flat, door, PO boxes, c/o.
const noisePatterns: RegExp[] = [
  / \d{1,2} ?(e|er|eme|ieme|em|me) (etage|etg|et)(?= )/g,
  / (etage|etg) \d{1,2}( ?(e|er|eme))?(?= )/g,
  / (rdc|rez de chaussee|sous sol)(?= )/g,
  // building-like words take a letter or a number: "bat b", "esc 2", "bt a3"
  /(?<!voie) (batiment|bat|bt|bloc|immeuble|imm|escalier|esc|entree|hall) (n )?(\d{1,4}[a-z]?|[a-z]\d{0,3})(?= )/g,
  // door-like words take a number only: "appt 12", "porte 3" (not "porte de clichy")
  / (porte|appartement|appart|appt|apt|app|logement|lgt|chambre|boite|bal) (n )?\d{1,4}[a-z]?(?= )/g,
  /(?<!voie) (bp|cs|tsa|case postale) ?\d{1,6}(?= )/g,
  / cedex( \d{1,3})?(?= )/g,
  / (chez|c o)( (m|mme|mr|mlle|monsieur|madame))? [a-z]+(?= )/g,
];

/** A word that every noise pattern above starts with (a superset: it only decides whether to run them). */
const noiseTrigger =
  / (etage|etg|et|rdc|rez|sous|batiment|bat|bt|bloc|immeuble|imm|escalier|esc|entree|hall|porte|appartement|appart|appt|apt|app|logement|lgt|chambre|boite|bal|bp|cs|tsa|case|cedex|chez|c)(?=[ \d])/;

const careOfPattern = /^(chez|c o|aupres de|a l attention de|mme|mlle|m|mr|monsieur|madame) /;

/** Folds each comma-separated part, drops "chez …" parts and noise words. */
const cleanStreetText = (raw: string): string =>
  raw
    .split(/[,;\n]/)
    .map((part) => foldText(part))
    .filter((part) => part && !careOfPattern.test(`${part} `))
    .map((part) => {
      let s = ` ${part} `;
      // Most parts hold none of the noise words: one test instead of eight replacements.
      if (!noiseTrigger.test(s)) return part;
      for (const pattern of noisePatterns) s = s.replace(pattern, " ");
      return s.replace(/ +/g, " ").trim();
    })
    .filter(Boolean)
    .join(" ");

/** Leading house number with its suffix: "12", "12b", "12 bis", "12V", "12 B", "12-14", "n 12", "12/14". */
const numberPattern = /^(?:n |no |num |numero )?(\d{1,4})(?:(bis|ter|quater|quinquies|[a-z]{1,2})|(?: (bis|ter|quater|quinquies|[a-qs-z]|[a-z]{2}(?= [a-z]{2}))))?(?= |$)/;

const splitNumber = (folded: string): { number: number | null; suffix: string; rest: string } => {
  let match = numberPattern.exec(folded);
  // "12bd voltaire": letters glued to the number that are a street abbreviation, not a suffix.
  const letters = match?.[2] ?? match?.[3];
  if (letters && ((abbreviations[letters] && !suffixWords[letters]) || (letters.length === 2 && stopWords.has(letters)))) match = null;
  if (!match) {
    const glued = /^(\d{1,4})([a-z]{2,})/.exec(folded);
    if (glued && abbreviations[glued[2]]) return { number: Number(glued[1]), suffix: "", rest: folded.slice(glued[1].length) };
    if (!/^\d{1,4}( |$)/.test(folded)) return { number: null, suffix: "", rest: folded };
    match = /^(\d{1,4})/.exec(folded) as RegExpExecArray;
  }
  let rest = folded.slice(match[0].length).trim();
  // "12-14 rue …" leaves the second number: drop it when a street word follows.
  rest = rest.replace(/^\d{1,4} (?=[a-z])/, "");
  return { number: Number(match[1]), suffix: canonicalSuffix(match[2] ?? match[3]), rest };
};

/** A 5-digit postcode and what follows it (the city) in a one-line address. */
const splitPostcode = (folded: string): { before: string; postcode: string | null; after: string } => {
  const matches = [...` ${folded} `.matchAll(/ (\d{5}|\d{2} \d{3})(?= )/g)];
  const last = matches.at(-1);
  if (!last || last.index === undefined) return { before: folded, postcode: null, after: "" };
  const padded = ` ${folded} `;
  return {
    before: padded.slice(0, last.index).trim(),
    postcode: last[1].replace(" ", ""),
    after: padded.slice(last.index + last[0].length).trim(),
  };
};

export type ParseOptions = {
  /** Recognises a normalised city name (to split "12 rue x paris" without a postcode). */
  isCityName?: (cityNorm: string) => boolean;
};

/** Takes the trailing words that form a known city name off a one-line address. */
const splitTrailingCity = (folded: string, isCityName: ParseOptions["isCityName"]): { street: string; city: string | null } => {
  if (!isCityName) return { street: folded, city: null };
  const tokens = folded.split(" ");
  for (let take = Math.min(5, tokens.length - 1); take >= 1; take--) {
    const candidate = normaliseCityName(tokens.slice(-take).join(" "));
    const street = tokens.slice(0, -take).join(" ");
    // "8 rue de la roquette" is not "8 rue de" in La Roquette: the street keeps two words.
    const streetWords = normaliseStreetName(street.replace(/^\d+\w* /, "")).split(" ").filter(Boolean).length;
    if (isCityName(candidate) && streetWords >= 2) return { street, city: candidate };
  }
  return { street: folded, city: null };
};

const looksLikeLocality = (complementFolded: string): boolean => /[a-z]{3,}/.test(complementFolded) && !/^\d/.test(complementFolded);

/** Drops a city written again at the end of the street text ("12 rue x paris"). */
const dropTrailingCity = (folded: string, cityNorm: string): string => {
  for (const city of [cityNorm, cityNorm.split(" ")[0]]) {
    if (folded.endsWith(` ${city}`) && folded.length > city.length + 3) return folded.slice(0, -city.length - 1);
  }
  return folded;
};

/** Parses an HR address (parts or one line) into what the geocoder matches on. */
export const parseAddress = (input: AddressInput, options: ParseOptions = {}): ParsedAddress => {
  let postcode = cleanPostcode(input.postcode);
  let cityNorm = input.city ? normaliseCityName(input.city) || null : null;
  let folded = cleanStreetText(input.street || input.full || "");
  const complement = cleanStreetText(input.complement ?? "");

  // Postcode (and city after it) inside the street text.
  const split = splitPostcode(folded);
  if (split.postcode && split.before) {
    postcode ??= split.postcode;
    if (split.after && !cityNorm) cityNorm = normaliseCityName(split.after) || null;
    folded = split.before;
  } else if (!cityNorm && !postcode) {
    const trailing = splitTrailingCity(folded, options.isCityName);
    folded = trailing.street;
    cityNorm = trailing.city;
  }
  if (cityNorm) folded = dropTrailingCity(folded, cityNorm);

  let { number, suffix, rest } = splitNumber(folded);
  // Number alone in the complement column ("Complément : 12").
  if (number === null && /^\d{1,4}( [a-z]+)?$/.test(complement)) {
    const fromComplement = splitNumber(complement);
    if (fromComplement.rest === "" || fromComplement.suffix) ({ number, suffix } = fromComplement);
  }
  const streetNorm = normaliseStreetName(rest);
  const localityNorm = complement && looksLikeLocality(complement) ? normaliseStreetName(complement) : null;
  return { number, suffix, streetNorm, postcode, cityNorm, localityNorm };
};

/** "75011", "75 011", "7501" (leading zero lost by a spreadsheet: "1000" → "01000"). */
export const cleanPostcode = (value: string | null | undefined): string | null => {
  if (!value) return null;
  const digits = value.replace(/\D/g, "");
  if (digits.length === 5) return digits;
  if (digits.length === 4) return `0${digits}`;
  return null;
};
