// "Publier une offre" and "Modifier l'offre": the employer's form pages, for the organisation the person acts for.
// After saving, back to "Mes offres" with a success notice.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useEffect, useState } from "react";
import type { OfferDto, StatusChangeDto } from "../../offers/offers.contract.ts";
import { RequireSession, useSession } from "../accounts/index.ts";
import { ApiError, errorMessage } from "../api/client.ts";
import { PageHeading, usePageTitle } from "../layout/page.tsx";
import { formatDateTime } from "../shared-format.ts";
import { navigate } from "../layout/router.tsx";
import { paths } from "../layout/router.domain.ts";
import { createBodyFromForm, emptyOfferForm, formFromOffer, updateBodyFromForm } from "./offer-form.domain.ts";
import { type ContractTypeOption, OfferForm } from "./OfferForm.tsx";
import { createOffer, fetchContractTypes, fetchOffer, fetchOfferHistory, updateOffer } from "./offers.api.ts";
import { offersText } from "./offers.fr.ts";

const t = offersText.form;

/** The contract types the acting organisation may offer (empty while loading), or the error's text. */
const useContractTypes = (organisationId: string) => {
  const [types, setTypes] = useState<ContractTypeOption[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    fetchContractTypes(organisationId, abort.signal).then(setTypes, (e) => !abort.signal.aborted && setError(errorMessage(e)));
    return () => abort.abort();
  }, [organisationId]);
  return { types, error };
};

const Create = () => {
  usePageTitle(t.createTitle);
  const session = useSession();
  const acting = session.acting!;
  const { types, error } = useContractTypes(acting.id);
  return (
    <>
      <PageHeading>{t.createTitle}</PageHeading>
      <p className="fr-text--lead">{t.createLead(acting.name)}</p>
      {error && <Alert severity="error" small className="fr-mb-3w" description={error} />}
      <OfferForm
        initial={emptyOfferForm}
        contractTypes={types}
        submitLabel={t.submitCreate}
        onSubmit={async (form) => {
          const created = await createOffer(acting.id, createBodyFromForm(form));
          session.flash(t.created(created.title), paths.myOffers);
          navigate(paths.myOffers);
        }}
        onCancel={() => navigate(paths.myOffers)}
      />
    </>
  );
};


/** Openings and closings of the offer, who did them and why (the offer's status log). */
const OfferHistory = ({ offerId }: { offerId: string }) => {
  const [changes, setChanges] = useState<StatusChangeDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    fetchOfferHistory(offerId, abort.signal).then(setChanges, (e) => !abort.signal.aborted && setError(errorMessage(e)));
    return () => abort.abort();
  }, [offerId]);
  return (
    <section aria-labelledby="offer-history-title" className="fr-mt-6w">
      <h2 id="offer-history-title" className="fr-h4">
        {t.historyTitle}
      </h2>
      {error && <Alert severity="error" small description={error} />}
      {!changes && !error && <p role="status">{t.historyLoading}</p>}
      {changes && (
        <ol>
          {changes.map((change) => (
            <li key={`${change.at}-${change.reason}`}>
              {formatDateTime(change.at)} : {change.reasonLabel} {t.historyBy(change.byName)}
              {change.comment && <blockquote className="fr-mt-1w">{change.comment}</blockquote>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
};

type Loaded = { kind: "loading" } | { kind: "error"; message: string } | { kind: "done"; offer: OfferDto };

const Edit = ({ offerId }: { offerId: string }) => {
  const session = useSession();
  const acting = session.acting!;
  const [state, setState] = useState<Loaded>({ kind: "loading" });
  const { types, error } = useContractTypes(acting.id);
  const title = state.kind === "done" ? t.editTitle(state.offer.title) : t.editTitleGeneric;
  usePageTitle(title);

  useEffect(() => {
    const abort = new AbortController();
    fetchOffer(offerId, abort.signal).then(
      (offer) => setState(offer.employer.id === acting.id ? { kind: "done", offer } : { kind: "error", message: t.notYours }),
      (e) => !abort.signal.aborted && setState({ kind: "error", message: e instanceof ApiError && e.status === 404 ? t.notYours : errorMessage(e) }),
    );
    return () => abort.abort();
  }, [offerId, acting.id]);

  if (state.kind === "loading") return <p role="status">{t.loading}</p>;
  if (state.kind === "error") {
    return (
      <>
        <PageHeading>{title}</PageHeading>
        <Alert severity="error" small description={state.message} />
      </>
    );
  }
  const initial = formFromOffer(state.offer);
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p className="fr-text--lead">{t.editLead}</p>
      {error && <Alert severity="error" small className="fr-mb-3w" description={error} />}
      <OfferForm
        initial={initial}
        contractTypes={types.length > 0 ? types : [{ code: state.offer.contractType, label: state.offer.contractTypeLabel }]}
        submitLabel={t.submitEdit}
        onSubmit={async (form) => {
          const saved = await updateOffer(offerId, updateBodyFromForm(initial, form));
          session.flash(t.saved(saved.title), paths.myOffers);
          navigate(paths.myOffers);
        }}
        onCancel={() => navigate(paths.myOffers)}
      />
      <OfferHistory offerId={offerId} />
    </>
  );
};

export const NewOfferPage = () => (
  <RequireSession title={t.createTitle} kinds={["professional"]} family="employer">
    <Create />
  </RequireSession>
);

export const EditOfferPage = ({ offerId }: { offerId: string }) => (
  <RequireSession title={t.editTitleGeneric} kinds={["professional"]} family="employer">
    <Edit offerId={offerId} />
  </RequireSession>
);
