// The employer's "Mes offres" list: which offers to refresh (from what the API says), in which order. Pure.
import type { EmployerOfferDto } from "../../offers/offers.contract.ts";

const dayMs = 24 * 60 * 60 * 1000;

export type Freshness =
  | { kind: "closed" }
  | { kind: "fresh" }
  /** Not updated for 60 days: to confirm or close before it is closed automatically. */
  | { kind: "stale"; closesOn: string | null; daysLeft: number | null };

/** The state of an offer as the list shows it; `stale` and `autoCloseOn` come from the API. */
export const freshnessOf = (offer: Pick<EmployerOfferDto, "status" | "stale" | "autoCloseOn">, now: Date): Freshness => {
  if (offer.status === "closed") return { kind: "closed" };
  if (!offer.stale) return { kind: "fresh" };
  if (!offer.autoCloseOn) return { kind: "stale", closesOn: null, daysLeft: null };
  const daysLeft = Math.max(0, Math.ceil((new Date(offer.autoCloseOn).getTime() - now.getTime()) / dayMs));
  return { kind: "stale", closesOn: offer.autoCloseOn, daysLeft };
};

/** Open offers first (those to refresh on top, the oldest first), then closed ones, most recently changed first. */
export const sortMyOffers = <T extends Pick<EmployerOfferDto, "status" | "stale" | "updatedAt">>(offers: readonly T[]): T[] =>
  [...offers].sort((a, b) => {
    const rank = (o: T) => (o.status === "closed" ? 2 : o.stale ? 0 : 1);
    if (rank(a) !== rank(b)) return rank(a) - rank(b);
    const ta = Date.parse(a.updatedAt);
    const tb = Date.parse(b.updatedAt);
    return rank(a) === 0 ? ta - tb : tb - ta;
  });

/** How many open offers need refreshing. */
export const staleCount = (offers: readonly Pick<EmployerOfferDto, "status" | "stale">[]): number =>
  offers.filter((o) => o.status === "open" && o.stale).length;
