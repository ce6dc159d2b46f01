// Who reads an offer page, and what they may do to apply: pure rules of the "Postuler" section.
import { isActive, type ApplicationState } from "../../applications/application-states.domain.ts";

/** The reader of an offer page, as far as applying goes. */
export type OfferReader = "loading" | "signedOut" | "candidate" | "prescriber" | "other";

/**
 * A visitor is invited to sign in; a candidate applies herself; a counsellor acting for a prescriber applies
 * for a person they follow; anyone else (an employer, an operator, a professional acting for no organisation,
 * an administrator) has nothing to apply with.
 */
export const offerReader = (status: "loading" | "anonymous" | "signed-in", kind: string | null, actingFamily: string | null): OfferReader => {
  if (status === "loading") return "loading";
  if (status === "anonymous") return "signedOut";
  if (kind === "candidate") return "candidate";
  return kind === "professional" && actingFamily === "prescriber" ? "prescriber" : "other";
};

/** What a signed-in candidate is offered: her active application to it, else (open offers only) a profile to create first, else the form. */
export type CandidateChoice = "applied" | "closed" | "needsProfile" | "apply";

export const candidateChoice = (input: { open: boolean; hasProfile: boolean; activeApplicationId: string | null }): CandidateChoice =>
  input.activeApplicationId ? "applied" : !input.open ? "closed" : !input.hasProfile ? "needsProfile" : "apply";

/** Her application still in progress (or accepted) to this offer, among "mes candidatures". */
export const activeApplicationTo = (items: readonly { id: string; state: ApplicationState; offer: { id: string } | null }[], offerId: string): string | null =>
  items.find((item) => item.offer?.id === offerId && isActive(item.state))?.id ?? null;

/** `path` (of this site) with the query parameter `key` set to `value`, replacing it if it was there. */
export const withParam = (path: string, key: string, value: string): string => {
  const url = new URL(path, "http://tremplin.invalid");
  url.searchParams.set(key, value);
  return `${url.pathname}${url.search}${url.hash}`;
};

/** The path part of a return path ("/offres/x?y" → "/offres/x"), where a flash message is shown. */
export const pathnameOf = (path: string): string => path.split(/[?#]/)[0]!;
