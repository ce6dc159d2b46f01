// The signed-in person as the candidate screens need it: GET /api/v1/auth/session, read once,
// and a guard explaining what is missing. (The shared signed-in shell, src/web/accounts, will replace it.)
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { type ReactNode, useEffect, useState } from "react";
import { type SessionResponse, sessionResponseSchema } from "../../accounts/accounts.contract.ts";
import { getJson } from "../api/client.ts";
import { signInUrl } from "../accounts/index.ts";
import { PageHeading, usePageTitle } from "../layout/page.tsx";
import { Link } from "../layout/router.tsx";

let pending: Promise<SessionResponse> | null = null;
export const loadSession = (): Promise<SessionResponse> => {
  pending ??= getJson("/api/v1/auth/session", sessionResponseSchema).catch((error) => {
    pending = null;
    throw error;
  });
  return pending;
};
/** After a 403 on the CSRF token, read the session again. */
export const forgetSession = () => {
  pending = null;
};

export const useSession = () => {
  const [session, setSession] = useState<SessionResponse | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    loadSession().then(setSession, () => setFailed(true));
  }, []);
  return { session, failed };
};

const Refusal = ({ title, message, signIn = false }: { title: string; message: string; signIn?: boolean }) => {
  usePageTitle(title);
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <Alert severity="info" small description={message} />
      {signIn && (
        <p className="fr-mt-3w">
          <Link className="fr-btn" href={signInUrl(window.location.pathname + window.location.search)}>Se connecter</Link>
        </p>
      )}
    </>
  );
};

export const RequireSession = ({
  title,
  kinds,
  family,
  children,
}: {
  title: string;
  kinds: ("candidate" | "professional")[];
  family?: "prescriber";
  children: (session: SessionResponse) => ReactNode;
}) => {
  const { session, failed } = useSession();
  if (failed) return <Refusal title={title} message="Le service ne répond pas. Rechargez la page." />;
  if (!session) return <p role="status">Chargement…</p>;
  if (!session.authenticated || !session.user) return <Refusal title={title} message="Connectez-vous pour accéder à cette page." signIn />;
  if (!kinds.includes(session.user.kind as "candidate" | "professional")) {
    return <Refusal title={title} message={kinds.includes("candidate") ? "Cette page est réservée aux personnes qui ont un compte candidat." : "Cette page est réservée aux professionnels."} />;
  }
  if (kinds.includes("professional") && session.user.kind === "professional") {
    const acting = session.organisations.find((o) => o.id === session.actingOrganisationId);
    if (!acting) return <Refusal title={title} message="Choisissez d'abord l'organisation pour laquelle vous agissez." />;
    if (family && acting.family !== family) return <Refusal title={title} message="Cette page est réservée aux organisations prescriptrices (conseillers)." />;
  }
  return <>{children(session)}</>;
};
