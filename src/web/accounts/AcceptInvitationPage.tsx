// "Accepter une invitation": the token of the e-mailed link (#jeton=…) is kept in this tab's session storage while
// the person signs in or signs up (the return path then needs no token), then the invitation is accepted.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useState } from "react";
import { ApiError, errorMessage } from "../api/client.ts";
import { PageHeading, usePageTitle } from "../layout/page.tsx";
import { Link, navigate } from "../layout/router.tsx";
import { paths } from "../layout/router.domain.ts";
import { acceptInvitation } from "./accounts.api.ts";
import { organisationsText } from "./organisations.fr.ts";
import { tokenFromLink } from "./password-reset.domain.ts";
import { signInUrl, withReturn } from "./session.domain.ts";
import { useSession } from "./SessionProvider.tsx";

const t = organisationsText.accept;
const storageKey = "tremplin.invitation";

const storage = {
  read: () => {
    try {
      return tokenFromLink(`jeton=${window.sessionStorage.getItem(storageKey) ?? ""}`);
    } catch {
      return null;
    }
  },
  write: (token: string) => {
    try {
      window.sessionStorage.setItem(storageKey, token);
    } catch {
      // Private browsing without storage: the token stays in this page only.
    }
  },
  clear: () => {
    try {
      window.sessionStorage.removeItem(storageKey);
    } catch {
      // Nothing kept.
    }
  },
};

/** The invitation token: from the link (then kept, and removed from the address bar) or from an earlier visit of this tab. */
const useInvitationToken = () => {
  const [token] = useState(() => {
    const fromLink = tokenFromLink(window.location.hash, window.location.search);
    if (fromLink) {
      storage.write(fromLink);
      window.history.replaceState(window.history.state, "", window.location.pathname);
      return fromLink;
    }
    return storage.read();
  });
  return token;
};

export const AcceptInvitationPage = () => {
  usePageTitle(t.title);
  const session = useSession();
  const token = useInvitationToken();
  const [failure, setFailure] = useState<{ code: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const accept = async () => {
    if (!token) return;
    setBusy(true);
    setFailure(null);
    try {
      const organisation = await acceptInvitation(token);
      storage.clear();
      await session.refresh();
      session.flash(t.done(organisation.name), paths.myOrganisation);
      navigate(paths.myOrganisation, { replace: true });
    } catch (error) {
      const code = error instanceof ApiError ? error.code : "unknown";
      if (code === "invitation.not_found") storage.clear();
      setFailure({ code, message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  const signOut = async () => {
    await session.signOut();
  };

  const body = () => {
    if (!token) return <Alert as="h2" severity="error" title={t.noTokenTitle} description={t.noToken} />;
    if (session.status === "loading") return <p role="status">{organisationsText.mine.loading}</p>;
    if (session.status === "anonymous" || !session.user) {
      return (
        <>
          <Alert severity="info" small description={t.signedOut} />
          <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-3w">
            <li><Link className="fr-btn" href={signInUrl(paths.acceptInvitation)}>{t.signIn}</Link></li>
            <li><Link className="fr-btn fr-btn--secondary" href={withReturn(paths.signUp, paths.acceptInvitation)}>{t.signUp}</Link></li>
          </ul>
        </>
      );
    }
    if (session.kind !== "professional") {
      return (
        <>
          <Alert severity="warning" small description={t.candidate} />
          <p className="fr-mt-3w"><Button priority="secondary" onClick={() => void signOut()}>{t.signOut}</Button></p>
        </>
      );
    }
    return (
      <>
        <p>{t.asWho(session.user.name, session.user.email)}</p>
        {failure && <Alert className="fr-mb-3w" as="h2" severity="error" title={t.errorTitle} description={failure.message} />}
        <ul className="fr-btns-group fr-btns-group--inline-md">
          {failure?.code !== "invitation.not_found" && (
            <li><Button disabled={busy} onClick={() => void accept()}>{busy ? t.submitting : t.submit}</Button></li>
          )}
          {failure?.code === "invitation.wrong_email" && (
            <li><Button priority="secondary" onClick={() => void signOut()}>{t.signOut}</Button></li>
          )}
        </ul>
      </>
    );
  };

  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <PageHeading>{t.title}</PageHeading>
        <p className="fr-text--lead">{t.lead}</p>
        {body()}
      </div>
    </div>
  );
};
