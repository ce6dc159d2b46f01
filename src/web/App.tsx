// The web app: layout plus the page of the current route.
import "@codegouvfr/react-dsfr/main.css";
import "./app.css";
import { ApplicationDetailPage } from "./applications/ApplicationDetailPage.tsx";
import { ApplicationsListPage } from "./applications/ApplicationsListPage.tsx";
import { ApplyPage } from "./applications/ApplyPage.tsx";
import { DirectHirePage } from "./applications/DirectHirePage.tsx";
import { NotificationSettingsPage } from "./applications/NotificationSettingsPage.tsx";
import {
  AcceptInvitationPage,
  ChooseOrganisationPage,
  CreateOrganisationPage,
  MyAccountPage,
  MyOrganisationPage,
  PasswordResetPage,
  PasswordResetRequestPage,
  SessionProvider,
  SignInPage,
  SignUpPage,
  useSession,
  VerifyEmailPage,
} from "./accounts/index.ts";
import { CandidatePage } from "./candidates/CandidatePage.tsx";
import { MyCandidatesPage } from "./candidates/MyCandidatesPage.tsx";
import { MyProfileErasedPage, MyProfilePage } from "./candidates/MyProfilePage.tsx";
import { NewCandidatePage } from "./candidates/NewCandidatePage.tsx";
import { VerifyAddressPage } from "./geo/VerifyAddressPage.tsx";
import { HomePage } from "./home/HomePage.tsx";
import { Layout } from "./layout/Layout.tsx";
import { NotFoundPage } from "./layout/NotFoundPage.tsx";
import { type RouteMatch, matchRoute } from "./layout/router.domain.ts";
import { useLocation } from "./layout/router.tsx";
import { EmployersPage } from "./offers/EmployersPage.tsx";
import { MyOffersPage } from "./offers/MyOffersPage.tsx";
import { EditOfferPage, NewOfferPage } from "./offers/OfferFormPages.tsx";
import { OfferPage } from "./offers/OfferPage.tsx";
import { OfferSearchPage } from "./offers/OfferSearchPage.tsx";
import { ReportPage } from "./score-qpv/ReportPage.tsx";
import { SavedScorePage } from "./score-qpv/SavedScorePage.tsx";
import { ScoreHistoryPage } from "./score-qpv/ScoreHistoryPage.tsx";
import { ScoreQpvPage } from "./score-qpv/ScoreQpvPage.tsx";

const Page = ({ route }: { route: RouteMatch }) => {
  switch (route.name) {
    case "myCandidates":
      return <MyCandidatesPage />;
    case "newCandidate":
      return <NewCandidatePage />;
    case "candidate":
      return <CandidatePage key={route.candidateId} candidateId={route.candidateId} />;
    case "myProfile":
      return <MyProfilePage />;
    case "myProfileErased":
      return <MyProfileErasedPage />;
    case "home":
      return <HomePage />;
    case "verifyAddress":
      return <VerifyAddressPage />;
    case "scoreQpv":
      return <ScoreQpvPage />;
    case "scoreQpvReport":
      return <ReportPage key={route.reportId} reportId={route.reportId} />;
    case "scoreQpvHistory":
      return <ScoreHistoryPage />;
    case "scoreQpvSavedScore":
      return <SavedScorePage key={route.scoreId} scoreId={route.scoreId} />;
    case "applicationsReceived":
      return <ApplicationsListPage view="received" />;
    case "applicationsSent":
      return <ApplicationsListPage view="sent" />;
    case "applicationsMine":
      return <ApplicationsListPage view="mine" />;
    case "applicationNew":
      return <ApplyPage />;
    case "applicationDirectHire":
      return <DirectHirePage />;
    case "notificationSettings":
      return <NotificationSettingsPage />;
    case "application":
      return <ApplicationDetailPage key={route.applicationId} id={route.applicationId} />;
    case "signIn":
      return <SignInPage />;
    case "signUp":
      return <SignUpPage />;
    case "verifyEmail":
      return <VerifyEmailPage />;
    case "passwordResetRequest":
      return <PasswordResetRequestPage />;
    case "passwordReset":
      return <PasswordResetPage />;
    case "myAccount":
      return <MyAccountPage />;
    case "myOrganisation":
      return <MyOrganisationPage />;
    case "createOrganisation":
      return <CreateOrganisationPage />;
    case "chooseOrganisation":
      return <ChooseOrganisationPage />;
    case "acceptInvitation":
      return <AcceptInvitationPage />;
    case "offers":
      return <OfferSearchPage />;
    case "offer":
      return <OfferPage key={route.offerId} offerId={route.offerId} />;
    case "employers":
      return <EmployersPage />;
    case "myOffers":
      return <MyOffersPage />;
    case "newOffer":
      return <NewOfferPage />;
    case "editOffer":
      return <EditOfferPage key={route.offerId} offerId={route.offerId} />;
    case "notFound":
      return <NotFoundPage />;
  }
};

const Routed = () => {
  const { pathname, search } = useLocation();
  const { user, acting } = useSession();
  const route = matchRoute(pathname);
  // Pages start afresh when the person or the acting organisation changes: what they show depends on it.
  return (
    <Layout route={route.name} locationKey={pathname + search}>
      <Page key={`${pathname}|${user?.id ?? ""}|${acting?.id ?? ""}`} route={route} />
    </Layout>
  );
};

export const App = () => (
  <SessionProvider>
    <Routed />
  </SessionProvider>
);
