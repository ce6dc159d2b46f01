// "Publier une offre" and "Modifier l'offre": the employer's form pages, for the organisation the person acts for.
// After saving, back to "Mes offres" with a success notice.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { RequireSession, useSession } from "../accounts/index.ts";
import { ApiError } from "../api/client.ts";
import { useLoad } from "../api/use-load.ts";
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
  const { state } = useLoad((signal) => fetchContractTypes(organisationId, signal), [organisationId]);
  const types: ContractTypeOption[] = state.kind === "done" ? state.value : [];
  return { types, error: state.kind === "error" ? state.message : null };
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
  const { state } = useLoad((signal) => fetchOfferHistory(offerId, signal), [offerId]);
  const changes = state.kind === "done" ? state.value : null;
  const error = state.kind === "error" ? state.message : null;
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

const Edit = ({ offerId }: { offerId: string }) => {
  const session = useSession();
  const acting = session.acting!;
  const { state } = useLoad((signal) => fetchOffer(offerId, signal), [offerId]);
  const { types, error } = useContractTypes(acting.id);
  // Another employer's offer, or none (404), is not this employer's to edit.
  const offer = state.kind === "done" && state.value.employer.id === acting.id ? state.value : null;
  const title = offer ? t.editTitle(offer.title) : t.editTitleGeneric;
  usePageTitle(title);

  if (state.kind === "loading") return <p role="status">{t.loading}</p>;
  if (!offer) {
    const notYours = state.kind === "done" || (state.error instanceof ApiError && state.error.status === 404);
    return (
      <>
        <PageHeading>{title}</PageHeading>
        <Alert severity="error" small description={notYours ? t.notYours : state.message} />
      </>
    );
  }
  const initial = formFromOffer(offer);
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p className="fr-text--lead">{t.editLead}</p>
      {error && <Alert severity="error" small className="fr-mb-3w" description={error} />}
      <OfferForm
        initial={initial}
        contractTypes={types.length > 0 ? types : [{ code: offer.contractType, label: offer.contractTypeLabel }]}
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
