// The answer of /geo/locate as text: everything the map shows is said here too.
// Three cases: an address located by the geocoder, coordinates taken as they are (no geocoding, no failure),
// or an address that could not be located.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import type { ReactNode } from "react";
import { type LocateResponse, uncertaintyReasonLabels } from "../../geo/geo.contract.ts";
import { formatCoordinate, formatDate, formatInteger, formatScore } from "../shared-format.ts";
import { geoText, matchTypeLabels, ruralSchemeLabels } from "./geo.fr.ts";

const t = geoText.result;

export type Point = { lat: number; lon: number };

const Row = ({ term, children }: { term: string; children: ReactNode }) => (
  <div className="tremplin-dl__row">
    <dt>{term}</dt>
    <dd>{children}</dd>
  </div>
);

export const LocateResult = ({ result, point }: { result: LocateResponse; point: Point | null }) => {
  const { geocoding } = result;
  if (geocoding) {
    return (
      <Membership result={result} title={geocoding.label} lead={t.uncertainLead}>
        <Row term={t.address}>{geocoding.label}</Row>
        <Row term={t.matchType}>{matchTypeLabels[geocoding.matchType]}</Row>
        <Row term={t.score}>{t.scoreValue(formatScore(geocoding.score), formatInteger(geocoding.precisionM))}</Row>
        <Row term={t.coordinates}>
          {formatCoordinate(geocoding.lat)}, {formatCoordinate(geocoding.lon)}
        </Row>
        <Row term={t.commune}>{geocoding.citycode}</Row>
        {geocoding.postcode && <Row term={t.postcode}>{geocoding.postcode}</Row>}
      </Membership>
    );
  }
  if (point && !result.failure) {
    const coordinates = `${formatCoordinate(point.lat)}, ${formatCoordinate(point.lon)}`;
    return (
      <Membership result={result} title={t.pointTitle(coordinates)} lead={t.uncertainPointLead}>
        <Row term={t.coordinates}>{coordinates}</Row>
      </Membership>
    );
  }
  return <Alert severity="error" as="h3" title={t.notFoundTitle} description={result.failure?.message ?? t.notFoundTitle} />;
};

/** Badges, the rows describing the place (children), then QPV, rural zoning, date and uncertainty. */
const Membership = ({ result, title, lead, children }: { result: LocateResponse; title: string; lead: string; children: ReactNode }) => {
  const { qpv, rural, geography } = result;
  return (
    <div className="tremplin-result">
      <h3 className="fr-h4 fr-mb-0" data-testid="locate-label">{title}</h3>
      <ul className="fr-badges-group fr-mt-2w">
        <li>
          <Badge severity={qpv ? "success" : "info"} noIcon as="span">{qpv ? t.badgeQpv : t.badgeOutsideQpv}</Badge>
        </li>
        {result.uncertain && (
          <li>
            <Badge severity="warning" as="span">{t.badgeUncertain}</Badge>
          </li>
        )}
      </ul>
      <dl className="tremplin-dl fr-mt-2w">
        {children}
        <Row term={t.qpv}>
          <span data-testid="locate-qpv">{qpv ? t.qpvValue(qpv.name, qpv.code, qpv.millesime) : t.outsideQpv(geography.qpv)}</span>
        </Row>
        {result.qpvBoundaryDistanceM !== null && (
          <Row term={t.boundaryDistance}>{t.meters(formatInteger(result.qpvBoundaryDistanceM))}</Row>
        )}
        <Row term={t.rural}>
          {rural ? `${rural.label} — ${ruralSchemeLabels[rural.scheme]}` : t.notClassified(ruralSchemeLabels[geography.rural])}
        </Row>
        <Row term={t.measuredOn}>{formatDate(result.date)}</Row>
      </dl>
      {result.uncertain && (
        <Alert
          className="fr-mt-3w"
          severity="warning"
          as="h4"
          title={t.uncertainTitle}
          description={
            <>
              {lead}
              <ul>
                {result.uncertaintyReasons.map((reason) => (
                  <li key={reason}>{uncertaintyReasonLabels[reason]}</li>
                ))}
              </ul>
            </>
          }
        />
      )}
    </div>
  );
};
