// A candidate's profile as a professional sees it (every opening is written to the audit log by the server).
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useCallback, useEffect, useState } from "react";
import type { CandidateDto } from "../../candidates/candidates.contract.ts";
import { RequireSession, actsFor, useSession } from "../accounts/index.ts";
import { errorMessage } from "../api/client.ts";
import { PageHeading, usePageTitle } from "../layout/page.tsx";
import { Link } from "../layout/router.tsx";
import { applicationPaths, paths } from "../layout/router.domain.ts";
import { formFromCandidate } from "./candidate-form.domain.ts";
import { fetchCandidate, fetchMyProfile, updateCandidate } from "./candidates.api.ts";
import { candidatesText } from "./candidates.fr.ts";
import { CandidateForm } from "./CandidateForm.tsx";
import { CandidateProfile } from "./CandidateProfile.tsx";

const t = candidatesText.profile;

/** "Profil de Léa Dupont", or "Profil anonymisé" once erased (not "Profil de Profil anonymisé"). */
const profileHeading = (c: CandidateDto) => (c.anonymisedAt ? t.anonymised : t.title(`${c.firstName ?? ""} ${c.lastName ?? ""}`.trim()));

/**
 * Loads a profile (by id, or the signed-in person's own when `id` is null), shows it, and edits it in place.
 * `onErased` replaces the reload after an erasure (the person's own erasure also removes their account).
 */
export const ProfileScreen = ({ id, title, back, onErased }: { id: string | null; title?: string; back?: boolean; onErased?: () => void }) => {
  const [candidate, setCandidate] = useState<CandidateDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const { session } = useSession();
  // A counsellor applies for the person from their profile (the apply page preselects them).
  const canApply = id !== null && actsFor(session, "prescriber");
  const load = useCallback(async () => {
    try {
      setCandidate(await (id ? fetchCandidate(id) : fetchMyProfile()));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  const heading = title ?? (candidate ? profileHeading(candidate) : t.title("…"));
  usePageTitle(heading);
  return (
    <>
      {back && <p><Link href={paths.myCandidates} className="fr-link fr-icon-arrow-left-line fr-link--icon-left">{t.back}</Link></p>}
      <PageHeading>{heading}</PageHeading>
      {error && <Alert severity="error" small description={error} />}
      {candidate && !editing && (
        <>
          {!candidate.anonymisedAt && (
            <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left fr-mb-2w">
              {canApply && (
                <li>
                  <Link className="fr-btn fr-icon-send-plane-line" href={`${applicationPaths.apply}?candidat=${encodeURIComponent(candidate.id)}`}>{t.apply}</Link>
                </li>
              )}
              <li><Button priority="secondary" iconId="fr-icon-edit-line" onClick={() => setEditing(true)}>{t.edit}</Button></li>
            </ul>
          )}
          <CandidateProfile candidate={candidate} self={id === null} onChanged={() => void load()} onErased={onErased ?? (() => void load())} />
        </>
      )}
      {candidate && editing && (
        <CandidateForm
          mode="edit"
          self={id === null}
          initial={formFromCandidate(candidate)}
          onSubmit={async (body) => {
            setCandidate(await updateCandidate(candidate.id, body));
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      )}
    </>
  );
};

export const CandidatePage = ({ candidateId }: { candidateId: string }) => (
  <RequireSession title={candidatesText.list.title} kinds={["professional"]} acting signedOut="explain">
    <ProfileScreen id={candidateId} back />
  </RequireSession>
);
