// Pure rules of the signed-in web shell: who is signed in, for which organisation, where to go back after sign-in.
import type { SessionResponse } from "../../accounts/accounts.contract.ts";
import { paths } from "../layout/router.domain.ts";

export type Session = SessionResponse;
export type SessionOrganisation = Session["organisations"][number];
export type OrganisationFamily = SessionOrganisation["family"];

export const anonymousSession: Session = {
  authenticated: false,
  user: null,
  organisations: [],
  actingOrganisationId: null,
  role: "anonymous",
  csrfToken: null,
};

/** The organisation the person acts for, when it is still one of theirs. */
export const actingOrganisation = (session: Session): SessionOrganisation | null =>
  session.organisations.find((o) => o.id === session.actingOrganisationId) ?? null;

/** True when the person is signed in and acts for an organisation of this family (e.g. "employer"). */
export const actsFor = (session: Session, family: OrganisationFamily): boolean => actingOrganisation(session)?.family === family;

/** True when the person acts for an organisation as one of its administrators. */
export const isActingAdmin = (session: Session): boolean => actingOrganisation(session)?.role === "admin";

/**
 * A path of this site to come back to after sign-in: starts with one "/", no scheme, no backslash, no
 * line break, and not a page of the sign-in flow itself; anything else gives the home page.
 */
export const safeReturnPath = (raw: string | null | undefined): string => {
  if (!raw || raw.length > 500) return paths.home;
  if (!raw.startsWith("/") || raw.startsWith("//") || /[\\\s]/.test(raw)) return paths.home;
  const pathname = raw.split(/[?#]/)[0];
  const flow: string[] = [paths.signIn, paths.signUp, paths.verifyEmail, paths.passwordResetRequest, paths.passwordReset];
  if (flow.includes(pathname.replace(/\/+$/, ""))) return paths.home;
  return raw;
};

/** Query parameter carrying the return path through the sign-in and sign-up pages. */
export const returnParam = "retour";

/** The sign-in page's URL, remembering where to come back (the home page needs no parameter). */
export const signInUrl = (returnTo?: string): string => {
  const target = safeReturnPath(returnTo);
  return target === paths.home ? paths.signIn : `${paths.signIn}?${returnParam}=${encodeURIComponent(target)}`;
};

/** The return path read from a page's query string (`?retour=/…`). */
export const returnPathFromSearch = (search: string): string => safeReturnPath(new URLSearchParams(search).get(returnParam));

/** Keeps the return path when going from one page of the sign-in flow to another. */
export const withReturn = (path: string, returnTo: string): string =>
  returnTo === paths.home ? path : `${path}${path.includes("?") ? "&" : "?"}${returnParam}=${encodeURIComponent(returnTo)}`;

/** The ProConnect (OpenID Connect) start URL of the API, with the page to come back to. */
export const proConnectUrl = (returnTo: string): string => `/api/v1/auth/oidc/start?returnTo=${encodeURIComponent(safeReturnPath(returnTo))}`;

export type AccountKind = NonNullable<Session["user"]>["kind"];

/**
 * Where a new account lands once its e-mail is confirmed: the page it came for, or else, for a candidate,
 * "Mon profil" (the first thing to do); the home page for the others.
 */
export const landingAfterVerification = (returnTo: string, kind: AccountKind | null): string =>
  returnTo === paths.home && kind === "candidate" ? paths.myProfile : returnTo;

export type SessionRequirement = {
  /** Only these kinds of account may see the page (others get an explanation, not a redirect). */
  kinds?: readonly AccountKind[];
  /** The person must act for an organisation of this family. */
  family?: OrganisationFamily;
  /** The person must act for an organisation, of any family (e.g. a candidate's profile, seen by a counsellor or an employer). */
  acting?: boolean;
  /** Signed out: go to the sign-in page (default), or stay and explain, with a link to sign in that comes back here. */
  signedOut?: "redirect" | "explain";
};

export type GuardVerdict = "loading" | "sign_in" | "signed_out" | "wrong_kind" | "choose_organisation" | "wrong_family" | "allowed";

/** What a guarded page should do with the current session. */
export const guardVerdict = (session: Session | null, requirement: SessionRequirement = {}): GuardVerdict => {
  if (!session) return "loading";
  if (!session.authenticated || !session.user) return requirement.signedOut === "explain" ? "signed_out" : "sign_in";
  if (requirement.kinds && !requirement.kinds.includes(session.user.kind)) return "wrong_kind";
  if (requirement.family) {
    const acting = actingOrganisation(session);
    if (!acting) return session.organisations.some((o) => o.family === requirement.family) ? "choose_organisation" : "wrong_family";
    if (acting.family !== requirement.family) return "wrong_family";
  } else if (requirement.acting && !actingOrganisation(session)) {
    return "choose_organisation";
  }
  return "allowed";
};

/** The kind of account a refused page is meant for, to explain it (professional when several are allowed). */
export const expectedKind = (requirement: SessionRequirement): AccountKind => {
  const kinds = requirement.kinds ?? [];
  return kinds.includes("professional") || kinds.length === 0 ? "professional" : kinds[0];
};
