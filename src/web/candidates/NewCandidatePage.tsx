// A counsellor (or an employer, for a direct hire) creates a candidate's profile with the person's consent.
import { RequireSession } from "../accounts/index.ts";
import { PageHeading, usePageTitle } from "../layout/page.tsx";
import { navigate } from "../layout/router.tsx";
import { paths } from "../layout/router.domain.ts";
import { emptyCandidateForm } from "./candidate-form.domain.ts";
import { createCandidate } from "./candidates.api.ts";
import { candidatesText } from "./candidates.fr.ts";
import { CandidateForm } from "./CandidateForm.tsx";

const t = candidatesText.form;

const Create = () => {
  usePageTitle(t.createTitle);
  return (
    <>
      <PageHeading>{t.createTitle}</PageHeading>
      <p className="fr-text--lead">{t.createLead}</p>
      <CandidateForm
        mode="create"
        initial={emptyCandidateForm}
        onSubmit={async (body, consent) => {
          const created = await createCandidate({ ...body, consent });
          navigate(paths.candidate(created.id));
        }}
        onCancel={() => navigate(paths.myCandidates)}
      />
    </>
  );
};

export const NewCandidatePage = () => (
  <RequireSession title={t.createTitle} kinds={["professional"]} acting signedOut="explain">
    <Create />
  </RequireSession>
);
