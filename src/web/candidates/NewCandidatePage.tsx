// A counsellor (or an employer, for a direct hire) creates a candidate's profile with the person's consent.
// With ?retour=<path> (the employer's direct hire), the new profile is taken back there (?candidat=<id>).
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { RequireSession, useSession } from "../accounts/index.ts";
import { returnPathFromSearch } from "../accounts/session.domain.ts";
import { pathnameOf, withParam } from "../applications/offer-apply.domain.ts";
import { PageHeading, usePageTitle } from "../layout/page.tsx";
import { navigate, useLocation } from "../layout/router.tsx";
import { applicationPaths, paths } from "../layout/router.domain.ts";
import { emptyCandidateForm } from "./candidate-form.domain.ts";
import { createCandidate } from "./candidates.api.ts";
import { candidatesText } from "./candidates.fr.ts";
import { CandidateForm } from "./CandidateForm.tsx";

const t = candidatesText.form;

const Create = () => {
  usePageTitle(t.createTitle);
  const session = useSession();
  const returnTo = returnPathFromSearch(useLocation().search);
  const goesBack = returnTo !== paths.home;
  const forHire = pathnameOf(returnTo) === applicationPaths.directHire;
  return (
    <>
      <PageHeading>{t.createTitle}</PageHeading>
      <p className="fr-text--lead">{forHire ? t.createLeadForHire : t.createLead}</p>
      {goesBack && <Alert severity="info" small description={forHire ? t.backToHire : t.backAfter} className="fr-mb-3w" />}
      <CandidateForm
        mode="create"
        initial={emptyCandidateForm}
        onSubmit={async (body, consent) => {
          const created = await createCandidate({ ...body, consent });
          if (!goesBack) return navigate(paths.candidate(created.id));
          session.flash(t.createdNotice([created.firstName, created.lastName].filter(Boolean).join(" ")), pathnameOf(returnTo));
          navigate(withParam(returnTo, "candidat", created.id));
        }}
        onCancel={() => navigate(goesBack ? returnTo : paths.myCandidates)}
      />
    </>
  );
};

export const NewCandidatePage = () => (
  <RequireSession title={t.createTitle} kinds={["professional"]} acting signedOut="explain">
    <Create />
  </RequireSession>
);
