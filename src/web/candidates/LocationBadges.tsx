// QPV and ZRR/FRR of a candidate's address, with its certainty: said in text, not only by colour.
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import type { CandidateLocationDto } from "../../candidates/candidates.contract.ts";
import { formatDateFr } from "./candidate-form.domain.ts";
import { candidatesText } from "./candidates.fr.ts";

const t = candidatesText.profile;

export const LocationBadges = ({ location, detailed = false }: { location: CandidateLocationDto; detailed?: boolean }) => {
  if (location.status === "no_address") return <p className="fr-mb-1w">{t.noAddress}</p>;
  return (
    <div>
      <ul className="fr-badges-group">
        <li>
          <Badge severity={location.qpv ? "success" : "info"} noIcon as="span">
            {location.qpv ? t.qpv(location.qpv.name, location.qpv.code) : location.status === "not_located" ? t.notLocated : t.outsideQpv}
          </Badge>
        </li>
        <li>
          <Badge severity={location.rural ? "success" : "info"} noIcon as="span">{location.rural ? t.rural(location.rural.label) : t.notRural}</Badge>
        </li>
        <li>
          <Badge severity={location.uncertain ? "warning" : "info"} as="span">{location.uncertain ? t.uncertain : t.certain}</Badge>
        </li>
      </ul>
      {detailed && location.uncertain && location.reasons.length > 0 && (
        <p className="fr-text--sm fr-mb-1w">
          {t.uncertainLead} {location.reasons.map((r) => r.label).join(" ; ")}.
        </p>
      )}
      {detailed && location.locatedAt && <p className="fr-text--sm fr-mb-1w">{t.locatedAt(formatDateFr(location.locatedAt))}</p>}
    </div>
  );
};
