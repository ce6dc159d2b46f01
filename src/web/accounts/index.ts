// The signed-in web shell. How other screens use it:
//
// - The whole app is inside <SessionProvider> (App.tsx). In any component, `useSession()` gives
//   { status: "loading" | "anonymous" | "signed-in", user, kind, memberships, acting, csrfToken,
//     refresh(), signOut(), chooseOrganisation(id), flash(message, path) }.
//   `acting` is the organisation the person acts for ({ id, name, family, kind, role }) or null.
// - Guard a page: <RequireSession title="Mes offres" kinds={["professional"]} family="employer">…</RequireSession>.
//   Signed out → redirect to /connexion?retour=<current path> (signedOut="explain": stay, say so, with a
//   sign-in link carrying that return path); wrong kind or family → an explanation with links to choose or
//   create an organisation; `acting` → any acting organisation will do. Without `kinds`/`family`/`acting`,
//   any signed-in person passes.
// - API calls: use `sendJson` / `sendCommand` / `postForm` of src/web/api/client.ts; the CSRF header
//   (x-csrf-token) is added to every POST/PUT/PATCH/DELETE once the session is loaded. `fieldErrors(error)`
//   turns a 400 answer into { field: message } for the form; `ErrorSummary`, `fieldState`, `PasswordField`
//   are in src/web/forms/forms.tsx.
// - Pages are re-mounted when the user or the acting organisation changes (App.tsx keys them), so a page
//   can read `acting.id` once in its effects.
// - Links: `signInUrl(returnTo)`, `paths.myAccount`, `paths.myOrganisation`, `paths.chooseOrganisation` (router.domain.ts).
export { AcceptInvitationPage } from "./AcceptInvitationPage.tsx";
export { ChooseOrganisationPage } from "./ChooseOrganisationPage.tsx";
export { CreateOrganisationPage } from "./CreateOrganisationPage.tsx";
export { MyAccountPage } from "./MyAccountPage.tsx";
export { MyOrganisationPage } from "./MyOrganisationPage.tsx";
export { PasswordResetPage, PasswordResetRequestPage } from "./PasswordResetPages.tsx";
export { RequireSession } from "./RequireSession.tsx";
export { SessionProvider, type SessionStatus, type SessionValue, useSession } from "./SessionProvider.tsx";
export { SignInPage } from "./SignInPage.tsx";
export { SignUpPage, VerifyEmailPage } from "./SignUpPages.tsx";
export {
  actingOrganisation,
  actsFor,
  isActingAdmin,
  safeReturnPath,
  signInUrl,
  type Session,
  type SessionOrganisation,
} from "./session.domain.ts";
