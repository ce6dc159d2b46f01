// "Postuler pour ce candidat": a counsellor applies to an offer (or spontaneously
// to an employer) for one of the people their organisation follows.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import type { CandidateList } from "../../candidates/candidates.contract.ts";
import { errorMessage } from "../api/client.ts";
import { PageHeading, usePageTitle } from "../layout/page.tsx";
import { applicationPaths } from "../layout/router.domain.ts";
import { navigate, useLocation } from "../layout/router.tsx";
import { CodePicker } from "../forms/CodePicker.tsx";
import type { CodeLabel } from "../forms/code-picker.domain.ts";
import { fetchOffer, searchOffers } from "../offers/offers.api.ts";
import { fetchMyCandidates, sendApplication } from "./applications.api.ts";
import { applicationsFr as fr } from "./applications.fr.ts";
import { RequireSession } from "../accounts/index.ts";

/** "Jardinier — Jardins de Belleville, Paris 20e Arrondissement": enough to tell offers apart in the picker. */
const offerLabel = (o: { title: string; employer: { name: string }; place: { communeName: string } }) => `${o.title} — ${o.employer.name}, ${o.place.communeName}`;

export const ApplyPage = () => (
  <RequireSession title={fr.titles.apply} kinds={["professional"]} family="prescriber" signedOut="explain">
    <ApplyForm />
  </RequireSession>
);

const ApplyForm = () => {
  usePageTitle(fr.titles.apply);
  const params = new URLSearchParams(useLocation().search);
  const offerId = params.get("offre") ?? "";
  const employerId = params.get("employeur");
  const [candidates, setCandidates] = useState<CandidateList["items"] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [offer, setOffer] = useState<CodeLabel | null>(null);

  // An offer given in the link (from the offer page) is shown by its title.
  useEffect(() => {
    if (!offerId) return;
    const controller = new AbortController();
    fetchOffer(offerId, controller.signal).then(
      (found) => setOffer({ code: found.id, label: offerLabel(found) }),
      () => {
        if (!controller.signal.aborted) setError(fr.apply.offerNotFound);
      },
    );
    return () => controller.abort();
  }, [offerId]);

  const findOffers = useCallback(
    async (q: string, signal: AbortSignal) => (await searchOffers({ q, perPage: 10 }, signal)).results.map((o) => ({ code: o.id, label: offerLabel(o) })),
    [],
  );

  useEffect(() => {
    const controller = new AbortController();
    fetchMyCandidates(controller.signal)
      .then((list) => setCandidates(list.items))
      .catch((e) => {
        if (!controller.signal.aborted) setError(errorMessage(e));
      });
    return () => controller.abort();
  }, []);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (!offer && !employerId) {
      setError(fr.apply.missingOffer);
      document.getElementById("apply-offer")?.focus();
      return;
    }
    try {
      const created = await sendApplication({
        candidateId: String(form.get("candidateId") ?? ""),
        offerId: offer?.code ?? null,
        employerOrganisationId: offer ? null : employerId,
        message: String(form.get("message") ?? ""),
      });
      navigate(applicationPaths.detail(created.id));
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <>
      <PageHeading>{fr.titles.apply}</PageHeading>
      <p>{fr.apply.intro}</p>
      <div aria-live="polite">{error && <Alert severity="error" small description={error} className="fr-mb-2w" />}</div>
      {candidates && candidates.length === 0 && <p>{fr.apply.noCandidates}</p>}
      {candidates && candidates.length > 0 && (
        <form onSubmit={submit}>
          <Select label={fr.apply.candidate} nativeSelectProps={{ name: "candidateId", required: true, defaultValue: params.get("candidat") ?? "" }}>
            <option value="" disabled>
              {fr.apply.chooseCandidate}
            </option>
            {candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {[c.firstName, c.lastName].filter(Boolean).join(" ")}
              </option>
            ))}
          </Select>
          <CodePicker
            id="apply-offer"
            label={fr.apply.offer}
            hint={employerId ? fr.apply.offerHintSpontaneous : fr.apply.offerHint}
            value={offer ? [offer] : []}
            single
            required={!employerId}
            chooseLabel={fr.apply.chooseOffer}
            search={findOffers}
            onChange={(value) => setOffer(value[0] ?? null)}
          />
          <Input label={fr.apply.message} textArea nativeTextAreaProps={{ name: "message", rows: 4, maxLength: 5000 }} />
          <Button type="submit">{fr.apply.submit}</Button>
        </form>
      )}
    </>
  );
};
