// Public offer page: what the job is, where, which contract, on which conditions; who recruits; how to apply.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useLoad } from "../api/use-load.ts";
import { PageHeading, usePageTitle } from "../layout/page.tsx";
import { Link } from "../layout/router.tsx";
import { paths } from "../layout/router.domain.ts";
import { emptySearch, formatHours, searchToUrl } from "./offer-search.domain.ts";
import { fetchOffer } from "./offers.api.ts";
import { frenchDate, offersText } from "./offers.fr.ts";
import { OfferConditions } from "./OfferSummary.tsx";
import { OfferApplySection } from "../applications/OfferApplySection.tsx";

const t = offersText.offer;

export const OfferPage = ({ offerId }: { offerId: string }) => {
  const { state } = useLoad((signal) => fetchOffer(offerId, signal), [offerId]);
  usePageTitle(state.kind === "done" ? state.value.title : offersText.search.title);

  if (state.kind === "error") {
    return (
      <>
        <PageHeading>{offersText.search.title}</PageHeading>
        <p className="fr-error-text">{state.message}</p>
        <p><Link href={paths.offers}>{t.back}</Link></p>
      </>
    );
  }
  if (state.kind === "loading") return <p role="status">{t.loading}</p>;
  const offer = state.value;

  return (
    <article>
      <PageHeading>{offer.title}</PageHeading>
      <p className="fr-text--lead">
        {offer.employer.name} — {offer.place.communeName}
      </p>
      {offer.status === "closed" && <Alert severity="warning" small description={t.closed} className="fr-mb-3w" />}
      <OfferConditions offer={offer} />
      <dl className="tremplin-offer-facts">
        <dt>{t.job}</dt>
        <dd>{offer.appellation.label} ({offer.appellation.romeCode} — {offer.appellation.romeLabel})</dd>
        <dt>{t.contract}</dt>
        <dd>{offer.contractTypeLabel}</dd>
        <dt>{t.hours}</dt>
        <dd>{formatHours(offer.hoursPerWeek)}</dd>
        <dt>{t.positions}</dt>
        <dd>{offersText.search.positions(offer.positions)}</dd>
        <dt>{t.place}</dt>
        <dd>{offer.place.addressLabel ?? offer.place.communeName}</dd>
        <dt>{t.employer}</dt>
        <dd>{offer.employer.name} ({offer.employer.kindLabel})</dd>
      </dl>
      <h2>{t.description}</h2>
      {offer.description ? <p className="tremplin-preserve-lines">{offer.description}</p> : <p>{t.noDescription}</p>}
      <p className="fr-text--sm">{t.updated(frenchDate(offer.updatedAt))}</p>
      <OfferApplySection offer={offer} />
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Link className="fr-btn fr-btn--secondary" href={searchToUrl(paths.offers, { ...emptySearch, employer: offer.employer.id })}>{t.otherOffers}</Link>
        </li>
        <li>
          <Link className="fr-btn fr-btn--tertiary" href={paths.offers}>{t.back}</Link>
        </li>
      </ul>
    </article>
  );
};
