// The session of the web app: who is signed in, for which organisation, and the CSRF token of the API client.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { setCsrfToken } from "../api/client.ts";
import { useLocation } from "../layout/router.tsx";
import { chooseOrganisation as putActingOrganisation, fetchSession, logOut } from "./accounts.api.ts";
import { type Session, type SessionOrganisation, actingOrganisation, anonymousSession } from "./session.domain.ts";

export type SessionStatus = "loading" | "anonymous" | "signed-in";

export type SessionValue = {
  status: SessionStatus;
  /** The raw answer of GET /api/v1/auth/session (anonymous while loading). */
  session: Session;
  user: Session["user"];
  kind: NonNullable<Session["user"]>["kind"] | null;
  memberships: SessionOrganisation[];
  acting: SessionOrganisation | null;
  csrfToken: string | null;
  /** Reads the session again (after sign-in, creating or joining an organisation…). */
  refresh(): Promise<Session>;
  signOut(): Promise<void>;
  /** Changes the organisation the person acts for, then refreshes the session. */
  chooseOrganisation(organisationId: string | null): Promise<void>;
  /** A one-time message shown at the top of the page at `path` (e.g. "Vous êtes déconnecté·e"). */
  flash(message: string, path: string): void;
  notice: string | null;
};

const SessionContext = createContext<SessionValue | null>(null);

export const SessionProvider = ({ children }: { children: ReactNode }) => {
  const [session, setSession] = useState<Session | null>(null);
  const [flashed, setFlashed] = useState<{ message: string; path: string } | null>(null);
  const { pathname } = useLocation();

  const apply = useCallback((next: Session) => {
    setCsrfToken(next.csrfToken);
    setSession(next);
    return next;
  }, []);

  const refresh = useCallback(async () => {
    try {
      return apply(await fetchSession());
    } catch {
      // Unreachable service: behave as signed out; the pages show their own errors.
      return apply(anonymousSession);
    }
  }, [apply]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // A flash message lives on the page it was meant for only.
  useEffect(() => {
    if (flashed && flashed.path !== pathname) setFlashed(null);
  }, [pathname, flashed]);

  const signOut = useCallback(async () => {
    try {
      await logOut();
    } finally {
      apply(anonymousSession);
      void refresh();
    }
  }, [apply, refresh]);

  const chooseOrganisation = useCallback(
    async (organisationId: string | null) => {
      await putActingOrganisation(organisationId);
      await refresh();
    },
    [refresh],
  );

  const value = useMemo<SessionValue>(() => {
    const current = session ?? anonymousSession;
    return {
      status: session === null ? "loading" : current.authenticated && current.user ? "signed-in" : "anonymous",
      session: current,
      user: current.user,
      kind: current.user?.kind ?? null,
      memberships: current.organisations,
      acting: actingOrganisation(current),
      csrfToken: current.csrfToken,
      refresh,
      signOut,
      chooseOrganisation,
      flash: (message, path) => setFlashed({ message, path }),
      notice: flashed && flashed.path === pathname ? flashed.message : null,
    };
  }, [session, refresh, signOut, chooseOrganisation, flashed, pathname]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
};

/** The current session; only inside <SessionProvider> (the whole app is). */
export const useSession = (): SessionValue => {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession() must be used inside <SessionProvider>");
  return value;
};
