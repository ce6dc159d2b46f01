// The demo territory: who is in it, described as data, and the pure helpers
// that make it deterministic (seeded PRNG, SIRETs with a valid Luhn key).
// No I/O: src/demo/demo.seed.ts writes it through the capabilities' use cases.
import { luhnValid, type OrganisationKind } from "../organisations/organisations.domain.ts";

/** The password of every demo account (documented in README.md, demo mode only). */
export const demoPassword = "tremplin-demo-2026";
/** Every demo account's e-mail ends with this (the .test top-level domain is reserved: no mail can leave). */
export const demoEmailDomain = "demo.tremplin.test";

export type DemoMode = { seed: true } | { seed: false; reason: "disabled" | "production" };

/**
 * Whether `npm start` seeds the demo territory: on by default, off with
 * TREMPLIN_DEMO=0, and never when NODE_ENV=production (asking for it there is an error).
 */
export const demoModeFromEnv = (env: NodeJS.ProcessEnv): DemoMode => {
  const flag = (env.TREMPLIN_DEMO ?? "").trim().toLowerCase();
  const off = ["0", "false", "non", "no", "off"].includes(flag);
  const on = ["1", "true", "oui", "yes", "on"].includes(flag);
  if (env.NODE_ENV === "production") {
    if (on) throw new DemoRefusedInProduction();
    return { seed: false, reason: "production" };
  }
  return off ? { seed: false, reason: "disabled" } : { seed: true };
};

export const productionRefusalMessage =
  "Le territoire de démonstration (comptes au mot de passe public) est refusé quand NODE_ENV=production : retirez TREMPLIN_DEMO ou mettez TREMPLIN_DEMO=0.";

export class DemoRefusedInProduction extends Error {
  constructor() {
    super(productionRefusalMessage);
    this.name = "DemoRefusedInProduction";
  }
}

/** mulberry32: a small, fast, seeded PRNG (same seed, same territory, on every machine). */
export const createRandom = (seed: number) => {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const chance = (p: number): boolean => next() < p;
  /** k distinct items, in a deterministic order. */
  const sample = <T>(items: readonly T[], k: number): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, k);
  };
  return { next, int, pick, chance, sample };
};
export type Random = ReturnType<typeof createRandom>;

/** The digit that makes `digits + key` pass Luhn. */
export const luhnKey = (digits: string): string => {
  for (let key = 0; key <= 9; key += 1) if (luhnValid(`${digits}${key}`)) return String(key);
  throw new Error("unreachable: one Luhn key always exists");
};

/**
 * A fictitious but valid SIRET: SIREN (8 digits + key) then establishment 0001x.
 * The demo SIRENs start with 99 so that they are easy to spot.
 */
export const demoSiret = (index: number): string => {
  const sirenBody = `99${String(20_260_000 + index * 7919).slice(-6)}`;
  const siren = `${sirenBody}${luhnKey(sirenBody)}`;
  const nicBody = `${siren}0001`;
  return `${nicBody}${luhnKey(nicBody)}`;
};

export const demoEmail = (local: string): string => `${local}@${demoEmailDomain}`;

export type DemoAddress = { street: string; postcode: string; citycode: string; lon: number; lat: number };

export type DemoOrganisation = {
  key: string;
  kind: OrganisationKind;
  name: string;
  siret: string;
  /** Prescribers: validated by the platform admin ("habilité"), or left waiting (acts as orienteur). */
  authorised?: boolean;
  site: DemoAddress;
};

export type DemoAccount = {
  email: string;
  name: string;
  kind: "professional" | "admin" | "candidate";
  /** The organisation (key) the person belongs to, with their role. */
  membership?: { organisation: string; role: "admin" | "member" };
  /** What the account shows in the demo (README). */
  role: string;
};
