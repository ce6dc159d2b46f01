// Guard of the pages that need a signed-in person: redirects to the sign-in page with the return path
// (or, with signedOut="explain", says so with a sign-in link coming back here), or explains what is
// missing (the right kind of account, an acting organisation, of the right family).
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { type ReactNode, useEffect } from "react";
import { PageHeading, usePageTitle } from "../layout/page.tsx";
import { Link, navigate, useLocation } from "../layout/router.tsx";
import { paths } from "../layout/router.domain.ts";
import { accountsText } from "./accounts.fr.ts";
import { type SessionRequirement, expectedKind, guardVerdict, signInUrl } from "./session.domain.ts";
import { useSession } from "./SessionProvider.tsx";

const t = accountsText.guard;

const Refusal = ({ title, children }: { title: string; children: ReactNode }) => {
  usePageTitle(title);
  return (
    <>
      <PageHeading>{title}</PageHeading>
      {children}
    </>
  );
};

export const RequireSession = ({ title = t.title, children, ...requirement }: SessionRequirement & { title?: string; children: ReactNode }) => {
  const { session, status } = useSession();
  const { pathname, search } = useLocation();
  const verdict = guardVerdict(status === "loading" ? null : session, requirement);

  useEffect(() => {
    if (verdict === "sign_in") navigate(signInUrl(pathname + search), { replace: true });
  }, [verdict, pathname, search]);

  switch (verdict) {
    case "allowed":
      return <>{children}</>;
    case "loading":
      return <p role="status">{t.loading}</p>;
    case "sign_in":
      return <p role="status">{t.redirecting}</p>;
    case "signed_out":
      return (
        <Refusal title={title}>
          <Alert severity="info" small description={t.signedOut} />
          <p className="fr-mt-3w">
            <Link className="fr-btn" href={signInUrl(pathname + search)}>{accountsText.header.signIn}</Link>
          </p>
        </Refusal>
      );
    case "wrong_kind":
      return (
        <Refusal title={title}>
          <Alert severity="info" small description={t.wrongKind[expectedKind(requirement)]} />
        </Refusal>
      );
    case "choose_organisation":
      return (
        <Refusal title={title}>
          <Alert severity="info" small description={t.chooseOrganisation} />
          <p className="fr-mt-3w">
            <Link className="fr-btn" href={`${paths.chooseOrganisation}?retour=${encodeURIComponent(pathname + search)}`}>{t.chooseLink}</Link>
          </p>
        </Refusal>
      );
    case "wrong_family":
      return (
        <Refusal title={title}>
          <Alert severity="info" small description={t.wrongFamily[requirement.family ?? "employer"]} />
          <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-3w">
            <li><Link className="fr-btn" href={paths.chooseOrganisation}>{t.chooseLink}</Link></li>
            <li><Link className="fr-btn fr-btn--secondary" href={paths.createOrganisation}>{t.createLink}</Link></li>
          </ul>
        </Refusal>
      );
  }
};
