// Page frame: skip links, DSFR header with navigation, main content, DSFR footer.
import { Footer } from "@codegouvfr/react-dsfr/Footer";
import { Header } from "@codegouvfr/react-dsfr/Header";
import { MainNavigation } from "@codegouvfr/react-dsfr/MainNavigation";
import { SkipLinks } from "@codegouvfr/react-dsfr/SkipLinks";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { type ReactNode, useEffect, useRef } from "react";
import { useSessionQuickAccess } from "../accounts/HeaderMenus.tsx";
import { useSession } from "../accounts/SessionProvider.tsx";
import { layoutText as t } from "./layout.fr.ts";
import { takeKeptPosition } from "./router.tsx";
import { applicationPaths, type RouteMatch, paths } from "./router.domain.ts";

const applicationRoutes: readonly RouteMatch["name"][] = ["applicationsReceived", "applicationsSent", "applicationsMine", "applicationNew", "applicationDirectHire", "application", "notificationSettings"];
import { offersText } from "../offers/offers.fr.ts";

const candidateRoutes: readonly RouteMatch["name"][] = ["myCandidates", "newCandidate", "candidate", "myProfile", "myProfileErased"];

const navigationItems = (route: RouteMatch["name"]) => [
  { text: t.nav.home, linkProps: { href: paths.home }, isActive: route === "home" },
  { text: t.nav.verifyAddress, linkProps: { href: paths.verifyAddress }, isActive: route === "verifyAddress" },
  { text: t.nav.scoreQpv, linkProps: { href: paths.scoreQpv }, isActive: route === "scoreQpv" || route === "scoreQpvReport" || route === "scoreQpvHistory" || route === "scoreQpvSavedScore" },
  {
    text: "Candidatures",
    isActive: applicationRoutes.includes(route),
    menuLinks: [
      { text: "Candidatures reçues (employeur)", linkProps: { href: applicationPaths.received } },
      { text: "Candidatures envoyées (prescripteur)", linkProps: { href: applicationPaths.sent } },
      { text: "Mes candidatures (candidat)", linkProps: { href: applicationPaths.mine } },
      { text: "Mes notifications", linkProps: { href: applicationPaths.settings } },
    ],
  },
  {
    text: "Candidats",
    isActive: candidateRoutes.includes(route),
    menuLinks: [
      { text: "Mes candidats (conseiller)", linkProps: { href: paths.myCandidates } },
      { text: "Créer un profil candidat", linkProps: { href: paths.newCandidate } },
      { text: "Mon profil (candidat)", linkProps: { href: paths.myProfile } },
    ],
  },
  { text: offersText.nav.offers, linkProps: { href: paths.offers }, isActive: route === "offers" || route === "offer" },
  { text: offersText.nav.employers, linkProps: { href: paths.employers }, isActive: route === "employers" },
  { text: t.nav.api, linkProps: { href: paths.apiDocs, title: t.apiLinkTitle } },
];

/**
 * Moves focus to the new page's <h1> after a client-side navigation (not on first load, nor after a
 * navigation that keeps the position: a filter applied in place).
 */
const useFocusOnNavigation = (locationKey: string) => {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (takeKeptPosition()) return;
    document.querySelector<HTMLElement>("main h1")?.focus();
  }, [locationKey]);
};

export const Layout = ({ route, locationKey, children }: { route: RouteMatch["name"]; locationKey: string; children: ReactNode }) => {
  useFocusOnNavigation(locationKey);
  const quickAccessItems = useSessionQuickAccess();
  const { notice } = useSession();
  return (
    <>
      <SkipLinks
        links={[
          { label: t.skipLinks.content, anchor: "#contenu" },
          { label: t.skipLinks.menu, anchor: "#navigation-principale" },
          { label: t.skipLinks.footer, anchor: "#pied-de-page" },
        ]}
      />
      <Header
        brandTop={<>{t.brandTop[0]}<br />{t.brandTop[1]}</>}
        serviceTitle={t.serviceTitle}
        serviceTagline={t.serviceTagline}
        homeLinkProps={{ href: paths.home, title: t.homeLinkTitle }}
        quickAccessItems={quickAccessItems}
        navigation={<MainNavigation id="navigation-principale" items={navigationItems(route)} />}
      />
      <main id="contenu" tabIndex={-1} className="fr-container fr-py-6w tremplin-main">
        {notice && <Alert className="fr-mb-4w" severity="success" small description={notice} />}
        {children}
      </main>
      <Footer id="pied-de-page" accessibility="non compliant" contentDescription={t.footerDescription} license={t.license} />
    </>
  );
};
