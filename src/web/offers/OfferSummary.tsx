// One offer in a results list: title (link), employer, place, contract, distance, conditions.
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import type { OfferDto } from "../../offers/offers.contract.ts";
import { Link } from "../layout/router.tsx";
import { paths } from "../layout/router.domain.ts";
import { formatDistance, formatHours } from "./offer-search.domain.ts";
import { offersText } from "./offers.fr.ts";

const t = offersText.search;

export const OfferConditions = ({ offer }: { offer: Pick<OfferDto, "withoutCv" | "openToBeginners" | "drivingLicenceRequired"> }) => (
  <ul className="fr-badges-group">
    {offer.withoutCv && <li><Badge severity="success" small noIcon as="span">{t.withoutCv}</Badge></li>}
    {offer.openToBeginners && <li><Badge severity="info" small noIcon as="span">{t.beginners}</Badge></li>}
    {offer.drivingLicenceRequired && <li><Badge severity="warning" small noIcon as="span">{t.licence}</Badge></li>}
  </ul>
);

export const OfferSummary = ({ offer, headingLevel = 3 }: { offer: OfferDto; headingLevel?: 2 | 3 }) => {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const distance = formatDistance(offer.distanceKm);
  return (
    <article className="fr-card fr-card--horizontal fr-enlarge-link fr-mb-2w" data-testid="offer-result">
      <div className="fr-card__body">
        <div className="fr-card__content">
          <Heading className="fr-card__title">
            <Link href={paths.offer(offer.id)}>{offer.title}</Link>
          </Heading>
          <p className="fr-card__desc">
            {offer.employer.name} ({offer.employer.kindLabel}) — {offer.place.communeName}
            {distance ? `, ${distance}` : ""}
          </p>
          <div className="fr-card__start">
            <p className="fr-card__detail">
              {offer.contractTypeLabel} · {formatHours(offer.hoursPerWeek)} · {t.positions(offer.positions)}
            </p>
          </div>
          <div className="fr-card__end">
            <OfferConditions offer={offer} />
          </div>
        </div>
      </div>
    </article>
  );
};
