// "Mon profil": the candidate's own profile, created by themselves if it does not exist yet.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useEffect, useState } from "react";
import { paths } from "../layout/router.domain.ts";
import { Link, navigate, useLocation } from "../layout/router.tsx";
import { RequireSession, useSession } from "../accounts/index.ts";
import { returnPathFromSearch } from "../accounts/session.domain.ts";
import { pathnameOf } from "../applications/offer-apply.domain.ts";
import { ApiError, errorMessage } from "../api/client.ts";
import { PageHeading, usePageTitle } from "../layout/page.tsx";
import { emptyCandidateForm } from "./candidate-form.domain.ts";
import { createCandidate, fetchMyProfile } from "./candidates.api.ts";
import { candidatesText } from "./candidates.fr.ts";
import { CandidateForm } from "./CandidateForm.tsx";
import { ProfileScreen } from "./CandidatePage.tsx";

const t = candidatesText.mine;

const Mine = ({ onErased }: { onErased: () => void }) => {
  const session = useSession();
  const { user } = session;
  // Coming from an offer (?retour=/offres/…): once the profile is created, back there to apply.
  const returnTo = returnPathFromSearch(useLocation().search);
  const goesBack = returnTo !== paths.home;
  const [state, setState] = useState<"loading" | "none" | "exists" | { error: string }>("loading");
  useEffect(() => {
    const controller = new AbortController();
    fetchMyProfile(controller.signal).then(
      () => setState("exists"),
      (e) => {
        if (controller.signal.aborted) return;
        setState(e instanceof ApiError && e.code === "candidate.no_profile" ? "none" : { error: errorMessage(e) });
      },
    );
    return () => controller.abort();
  }, []);
  usePageTitle(t.title);
  if (state === "loading") return <p role="status">…</p>;
  if (state === "exists") return <ProfileScreen id={null} title={t.title} onErased={onErased} />;
  if (typeof state === "object") {
    return (
      <>
        <PageHeading>{t.title}</PageHeading>
        <Alert severity="error" small description={state.error} />
      </>
    );
  }
  const [firstName, ...rest] = (user?.name ?? "").split(" ");
  return (
    <>
      <PageHeading>{candidatesText.form.selfTitle}</PageHeading>
      <p className="fr-text--lead">{candidatesText.form.selfLead}</p>
      {goesBack && <Alert severity="info" small description={t.backAfter} className="fr-mb-3w" />}
      <CandidateForm
        mode="self"
        initial={{ ...emptyCandidateForm, firstName: firstName ?? "", lastName: rest.join(" "), email: user?.email ?? "" }}
        onSubmit={async (body, consent) => {
          await createCandidate({ ...body, consent });
          if (goesBack) {
            session.flash(t.created, pathnameOf(returnTo));
            navigate(returnTo);
          } else setState("exists");
        }}
      />
    </>
  );
};

/**
 * After the person's own erasure: their account and session are gone too, so a page of its own (not guarded)
 * says what happened, rather than "Mon profil" asking to sign in.
 */
export const MyProfileErasedPage = () => {
  usePageTitle(t.erasedTitle);
  return (
    <>
      <PageHeading>{t.erasedTitle}</PageHeading>
      <Alert severity="success" small description={t.erasedLead} className="fr-mb-3w" />
      <p>{t.erasedAgain}</p>
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li><Link className="fr-btn" href={paths.home}>{t.home}</Link></li>
        <li><Link className="fr-btn fr-btn--secondary" href={paths.signUp}>{t.signUp}</Link></li>
      </ul>
    </>
  );
};

export const MyProfilePage = () => {
  const session = useSession();
  return (
    <RequireSession title={t.title} kinds={["candidate"]} signedOut="explain">
      <Mine
        onErased={() => {
          navigate(paths.myProfileErased, { replace: true });
          // The server ended the session with the account: the header shows it signed out.
          void session.refresh();
        }}
      />
    </RequireSession>
  );
};
