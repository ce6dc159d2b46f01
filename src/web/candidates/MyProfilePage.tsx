// "Mon profil": the candidate's own profile, created by themselves if it does not exist yet.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useEffect, useState } from "react";
import { RequireSession, useSession } from "../accounts/index.ts";
import { ApiError, errorMessage } from "../api/client.ts";
import { PageHeading, usePageTitle } from "../layout/page.tsx";
import { emptyCandidateForm } from "./candidate-form.domain.ts";
import { createCandidate, fetchMyProfile } from "./candidates.api.ts";
import { candidatesText } from "./candidates.fr.ts";
import { CandidateForm } from "./CandidateForm.tsx";
import { ProfileScreen } from "./CandidatePage.tsx";

const t = candidatesText.mine;

const Mine = () => {
  const { user } = useSession();
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
  if (state === "exists") return <ProfileScreen id={null} title={t.title} />;
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
      <CandidateForm
        mode="self"
        initial={{ ...emptyCandidateForm, firstName: firstName ?? "", lastName: rest.join(" "), email: user?.email ?? "" }}
        onSubmit={async (body, consent) => {
          await createCandidate({ ...body, consent });
          setState("exists");
        }}
      />
    </>
  );
};

export const MyProfilePage = () => (
  <RequireSession title={t.title} kinds={["candidate"]} signedOut="explain">
    <Mine />
  </RequireSession>
);
