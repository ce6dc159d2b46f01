// Home page: what Tremplin is for, and what is available today.
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Link } from "../layout/router.tsx";
import { PageHeading, usePageTitle } from "../layout/page.tsx";
import { paths } from "../layout/router.domain.ts";
import { homeText as t } from "./home.fr.ts";

export const HomePage = () => {
  usePageTitle(t.title);
  return (
    <>
      <PageHeading>{t.heading}</PageHeading>
      <p className="fr-text--lead">{t.lead}</p>
      <h2>{t.missionsHeading}</h2>
      <p>{t.honesty}</p>
      <ul className="fr-grid-row fr-grid-row--gutters tremplin-plain-list">
        {t.missions.map((mission) => (
          <li key={mission.key} className="fr-col-12 fr-col-md-6 fr-col-lg-3">
            <div className={`fr-card fr-card--no-arrow ${mission.available ? "" : "fr-card--grey"}`}>
              <div className="fr-card__body">
                <div className="fr-card__content">
                  <h3 className="fr-card__title">{mission.title}</h3>
                  <p className="fr-card__desc">{mission.desc}</p>
                  <div className="fr-card__start">
                    <Badge severity={mission.available ? "success" : "info"} small noIcon as="span">
                      {mission.available ? t.available : t.upcoming}
                    </Badge>
                  </div>
                </div>
              </div>
            </div>
          </li>
        ))}
      </ul>
      <h2 className="fr-mt-6w">{t.startHeading}</h2>
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Link className="fr-btn" href={paths.scoreQpv}>{t.scoreQpvLink}</Link>
        </li>
        <li>
          <Link className="fr-btn fr-btn--secondary" href={paths.verifyAddress}>{t.verifyLink}</Link>
        </li>
      </ul>
    </>
  );
};
