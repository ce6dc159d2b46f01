// Header quick-access items of the session: sign-in / sign-up links, or the acting-organisation switcher
// and the user menu (disclosure buttons: Escape and a click elsewhere close them).
import type { HeaderProps } from "@codegouvfr/react-dsfr/Header";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { Link, navigate, useLocation } from "../layout/router.tsx";
import { applicationPaths, paths } from "../layout/router.domain.ts";
import { offersText } from "../offers/offers.fr.ts";
import { accountsText } from "./accounts.fr.ts";
import { signInUrl } from "./session.domain.ts";
import { type SessionValue, useSession } from "./SessionProvider.tsx";

const t = accountsText.header;

/** A button that shows or hides a panel below it. The header clones quick-access items with an `id` (desktop and mobile). */
const Disclosure = ({ id = "menu", iconId, label, title, children }: { id?: string; iconId: string; label: ReactNode; title: string; children: (close: () => void) => ReactNode }) => {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = `${id}-panel`;
  const { pathname } = useLocation();

  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  return (
    <div ref={root} className="tremplin-menu">
      <button
        ref={button}
        id={id}
        type="button"
        className={`fr-btn ${iconId}`}
        aria-expanded={open}
        aria-controls={panelId}
        title={title}
        onClick={() => setOpen((o) => !o)}
      >
        {label}
      </button>
      <div id={panelId} className="tremplin-menu__panel" hidden={!open}>
        {children(() => setOpen(false))}
      </div>
    </div>
  );
};

const OrganisationSwitcher = ({ id, session }: { id?: string; session: SessionValue }) => {
  const [error, setError] = useState<string | null>(null);
  const choose = (close: () => void, organisationId: string, name: string) => async () => {
    setError(null);
    try {
      await session.chooseOrganisation(organisationId);
      session.flash(t.switched(name), window.location.pathname);
      close();
    } catch {
      setError(accountsText.guard.chooseOrganisation);
    }
  };
  return (
    <Disclosure
      id={id}
      iconId="fr-icon-building-line"
      label={session.acting ? t.actingFor(session.acting.name) : t.noActing}
      title={t.switcherTitle}
    >
      {(close) => (
        <>
          <p className="fr-text--sm fr-mb-1w">{t.switcherHint}</p>
          <ul className="tremplin-menu__list">
            {session.memberships.map((organisation) => {
              const current = organisation.id === session.acting?.id;
              return (
                <li key={organisation.id}>
                  <button
                    type="button"
                    className="tremplin-menu__item"
                    aria-current={current ? "true" : undefined}
                    onClick={choose(close, organisation.id, organisation.name)}
                  >
                    {organisation.name}
                    <span className="fr-text--xs tremplin-menu__detail">
                      {accountsText.families[organisation.family]} · {accountsText.roles[organisation.role]}
                      {current && <span className="fr-sr-only"> ({t.current})</span>}
                    </span>
                  </button>
                </li>
              );
            })}
            <li>
              <Link className="tremplin-menu__item fr-icon-add-line fr-link--icon-left" href={paths.createOrganisation} onClick={close}>
                {t.createOrganisation}
              </Link>
            </li>
          </ul>
          {error && <p className="fr-error-text" role="alert">{error}</p>}
        </>
      )}
    </Disclosure>
  );
};

const UserMenu = ({ id, session }: { id?: string; session: SessionValue }) => {
  const signOut = (close: () => void) => async () => {
    close();
    await session.signOut();
    session.flash(t.signedOut, paths.home);
    navigate(paths.home);
  };
  const user = session.user!;
  return (
    <Disclosure id={id} iconId="fr-icon-account-circle-line" label={user.name} title={t.userMenu(user.name)}>
      {(close) => (
        <>
          <p className="fr-text--sm fr-mb-1w">{t.signedInAs(user.email)}</p>
          <ul className="tremplin-menu__list">
            <li>
              <Link className="tremplin-menu__item" href={paths.myAccount} onClick={close}>{t.myAccount}</Link>
            </li>
            {user.kind === "professional" && (
              <li>
                <Link className="tremplin-menu__item" href={paths.myOrganisation} onClick={close}>{t.myOrganisation}</Link>
              </li>
            )}
            {user.kind === "candidate" && (
              <>
                <li>
                  <Link className="tremplin-menu__item" href={paths.myProfile} onClick={close}>{t.myProfile}</Link>
                </li>
                <li>
                  <Link className="tremplin-menu__item" href={applicationPaths.mine} onClick={close}>{t.myApplications}</Link>
                </li>
              </>
            )}
            {session.acting?.family === "employer" && (
              <>
                <li>
                  <Link className="tremplin-menu__item" href={paths.myOffers} onClick={close}>{offersText.nav.mine}</Link>
                </li>
                <li>
                  <Link className="tremplin-menu__item" href={paths.scoreQpvHistory} onClick={close}>{t.scoreQpvHistory}</Link>
                </li>
              </>
            )}
            <li>
              <button type="button" className="tremplin-menu__item fr-icon-logout-box-r-line fr-btn--icon-left" onClick={signOut(close)}>
                {t.signOut}
              </button>
            </li>
          </ul>
        </>
      )}
    </Disclosure>
  );
};

/** Quick-access items of the DSFR header for the current session. */
export const useSessionQuickAccess = (): NonNullable<HeaderProps["quickAccessItems"]> => {
  const session = useSession();
  const { pathname, search } = useLocation();
  if (session.status === "loading") return [];
  if (session.status === "anonymous") {
    const here = pathname === paths.signIn || pathname === paths.signUp ? undefined : pathname + search;
    return [
      { iconId: "fr-icon-account-circle-line", text: t.signIn, linkProps: { href: signInUrl(here) } },
      { iconId: "fr-icon-user-add-line", text: t.signUp, linkProps: { href: paths.signUp } },
    ];
  }
  const items: NonNullable<HeaderProps["quickAccessItems"]> = [];
  if (session.kind === "professional" && session.memberships.length > 0) items.push(<OrganisationSwitcher session={session} />);
  if (session.kind === "professional" && session.memberships.length === 0) {
    items.push({ iconId: "fr-icon-building-line", text: t.createOrganisation, linkProps: { href: paths.createOrganisation } });
  }
  items.push(<UserMenu session={session} />);
  return items;
};
