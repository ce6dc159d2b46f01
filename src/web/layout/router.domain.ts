// Client-side routes of the web app: pure matching, no DOM.

export type RouteMatch =
  | { name: "home" }
  | { name: "verifyAddress" }
  | { name: "scoreQpv" }
  | { name: "scoreQpvReport"; reportId: string }
  | { name: "applicationsReceived" }
  | { name: "applicationsSent" }
  | { name: "applicationsMine" }
  | { name: "applicationNew" }
  | { name: "applicationDirectHire" }
  | { name: "notificationSettings" }
  | { name: "application"; applicationId: string }
  | { name: "signIn" }
  | { name: "signUp" }
  | { name: "verifyEmail" }
  | { name: "passwordResetRequest" }
  | { name: "passwordReset" }
  | { name: "myAccount" }
  | { name: "myOrganisation" }
  | { name: "createOrganisation" }
  | { name: "chooseOrganisation" }
  | { name: "acceptInvitation" }
  | { name: "scoreQpvHistory" }
  | { name: "scoreQpvSavedScore"; scoreId: string }
  | { name: "myCandidates" }
  | { name: "newCandidate" }
  | { name: "candidate"; candidateId: string }
  | { name: "myProfile" }
  | { name: "myProfileErased" }
  | { name: "offers" }
  | { name: "offer"; offerId: string }
  | { name: "employers" }
  | { name: "myOffers" }
  | { name: "newOffer" }
  | { name: "editOffer"; offerId: string }
  | { name: "notFound" };

export const paths = {
  home: "/",
  verifyAddress: "/verifier-une-adresse",
  scoreQpv: "/score-qpv",
  scoreQpvReport: (reportId: string) => `/score-qpv/rapports/${encodeURIComponent(reportId)}`,
  apiDocs: "/api/docs",
  // Accounts (src/web/accounts). /connexion, /mot-de-passe/nouveau and /invitations/accepter are also in the API's e-mails.
  signIn: "/connexion",
  signUp: "/inscription",
  verifyEmail: "/inscription/verification",
  passwordResetRequest: "/mot-de-passe/oubli",
  passwordReset: "/mot-de-passe/nouveau",
  myAccount: "/mon-compte",
  myOrganisation: "/mon-organisation",
  createOrganisation: "/mon-organisation/creer",
  chooseOrganisation: "/mon-organisation/choisir",
  acceptInvitation: "/invitations/accepter",
  scoreQpvHistory: "/score-qpv/historique",
  scoreQpvSavedScore: (scoreId: string) => `/score-qpv/historique/${encodeURIComponent(scoreId)}`,
  // Candidates (src/web/candidates).
  myCandidates: "/candidats",
  newCandidate: "/candidats/nouveau",
  candidate: (candidateId: string) => `/candidats/${encodeURIComponent(candidateId)}`,
  myProfile: "/mon-profil",
  /** Where the person lands once they erased their own data (their account and session are gone). */
  myProfileErased: "/mon-profil/donnees-effacees",
  offers: "/offres",
  offer: (offerId: string) => `/offres/${encodeURIComponent(offerId)}`,
  employers: "/employeurs",
  // The employer's own offers (src/web/offers).
  myOffers: "/mes-offres",
  newOffer: "/mes-offres/nouvelle",
  editOffer: (offerId: string) => `/mes-offres/${encodeURIComponent(offerId)}/modifier`,
} as const;

/** Applications screens (the `detail` path is the one written in notification e-mails). */
export const applicationPaths = {
  received: "/candidatures/recues",
  sent: "/candidatures/envoyees",
  mine: "/mes-candidatures",
  apply: "/candidatures/nouvelle",
  /** The employer records a hire made without an application received on Tremplin. */
  directHire: "/candidatures/embauche-directe",
  settings: "/mes-notifications",
  detail: (id: string) => `/candidatures/${encodeURIComponent(id)}`,
} as const;
const applicationPattern = /^\/candidatures\/([0-9a-fA-F-]{36})$/;

/** Paths of the account and organisation pages → route names. */
const accountRoutes: Record<string, RouteMatch["name"]> = {
  [paths.signIn]: "signIn",
  [paths.signUp]: "signUp",
  [paths.verifyEmail]: "verifyEmail",
  [paths.passwordResetRequest]: "passwordResetRequest",
  [paths.passwordReset]: "passwordReset",
  [paths.myAccount]: "myAccount",
  [paths.myOrganisation]: "myOrganisation",
  [paths.createOrganisation]: "createOrganisation",
  [paths.chooseOrganisation]: "chooseOrganisation",
  [paths.acceptInvitation]: "acceptInvitation",
  [paths.scoreQpvHistory]: "scoreQpvHistory",
};

const candidatePattern = /^\/candidats\/([0-9a-f-]{36})$/;
const reportPattern = /^\/score-qpv\/rapports\/([^/]+)$/;
const savedScorePattern = /^\/score-qpv\/historique\/([0-9a-fA-F-]{36})$/;
const offerPattern = /^\/offres\/([^/]+)$/;
const editOfferPattern = /^\/mes-offres\/([0-9a-fA-F-]{36})\/modifier$/;

/** Maps a pathname (trailing slash tolerated) to a route. */
export const matchRoute = (pathname: string): RouteMatch => {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  if (path === paths.home) return { name: "home" };
  if (path === paths.verifyAddress) return { name: "verifyAddress" };
  if (path === paths.scoreQpv) return { name: "scoreQpv" };
  if (path === applicationPaths.received) return { name: "applicationsReceived" };
  if (path === applicationPaths.sent) return { name: "applicationsSent" };
  if (path === applicationPaths.mine) return { name: "applicationsMine" };
  if (path === applicationPaths.apply) return { name: "applicationNew" };
  if (path === applicationPaths.directHire) return { name: "applicationDirectHire" };
  if (path === applicationPaths.settings) return { name: "notificationSettings" };
  const application = applicationPattern.exec(path);
  if (application) return { name: "application", applicationId: application[1].toLowerCase() };
  if (Object.hasOwn(accountRoutes, path)) return { name: accountRoutes[path] } as RouteMatch;
  const report = reportPattern.exec(path);
  if (report) return { name: "scoreQpvReport", reportId: decodeURIComponent(report[1]) };
  const savedScore = savedScorePattern.exec(path);
  if (savedScore) return { name: "scoreQpvSavedScore", scoreId: savedScore[1]!.toLowerCase() };
  if (path === paths.myCandidates) return { name: "myCandidates" };
  if (path === paths.newCandidate) return { name: "newCandidate" };
  if (path === paths.myProfile) return { name: "myProfile" };
  if (path === paths.myProfileErased) return { name: "myProfileErased" };
  const candidate = candidatePattern.exec(path);
  if (candidate) return { name: "candidate", candidateId: candidate[1]! };
  if (path === paths.offers) return { name: "offers" };
  if (path === paths.employers) return { name: "employers" };
  if (path === paths.myOffers) return { name: "myOffers" };
  if (path === paths.newOffer) return { name: "newOffer" };
  const editOffer = editOfferPattern.exec(path);
  if (editOffer) return { name: "editOffer", offerId: editOffer[1]!.toLowerCase() };
  const offer = offerPattern.exec(path);
  if (offer) return { name: "offer", offerId: decodeURIComponent(offer[1]) };
  return { name: "notFound" };
};

/** True when a link to `href` should be handled by the client router rather than the browser. */
export const isClientRoute = (href: string, origin: string): boolean => {
  let url: URL;
  try {
    url = new URL(href, origin);
  } catch {
    return false;
  }
  if (url.origin !== origin) return false;
  if (url.pathname.startsWith("/api/") || url.pathname === "/api") return false;
  return matchRoute(url.pathname).name !== "notFound";
};
