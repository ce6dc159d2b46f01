// "Mon organisation": the organisation the person acts for — details, members, and for admins the pending
// invitations and the invitation form. Without an acting organisation: links to choose or create one.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useCallback, useEffect, useState } from "react";
import type { organisationSchema } from "../../organisations/organisations.contract.ts";
import type { z } from "../../shared/zod.ts";
import { errorMessage } from "../api/client.ts";
import { PageHeading, usePageTitle } from "../layout/page.tsx";
import { Link, navigate } from "../layout/router.tsx";
import { paths } from "../layout/router.domain.ts";
import { fetchInvitations, fetchMembers, fetchOrganisation } from "./accounts.api.ts";
import { type Invitation, InvitationsSection } from "./InvitationsSection.tsx";
import { type Member, MembersSection } from "./MembersSection.tsx";
import { formatSiret } from "./organisation-form.domain.ts";
import { organisationsText } from "./organisations.fr.ts";
import { RequireSession } from "./RequireSession.tsx";
import { type SessionOrganisation } from "./session.domain.ts";
import { useSession } from "./SessionProvider.tsx";

type Organisation = z.infer<typeof organisationSchema>;
const t = organisationsText.mine;

const Details = ({ organisation, role }: { organisation: Organisation; role: "member" | "admin" }) => (
  <section aria-labelledby="organisation-details">
    <h2 id="organisation-details" className="fr-h4">{t.details}</h2>
    <dl className="tremplin-dl">
      <div className="tremplin-dl__row"><dt>{t.family}</dt><dd>{organisationsText.familyOne[organisation.family]}</dd></div>
      <div className="tremplin-dl__row"><dt>{t.kind}</dt><dd>{organisation.kindLabel}</dd></div>
      <div className="tremplin-dl__row"><dt>{t.siret}</dt><dd>{formatSiret(organisation.siret)}</dd></div>
      {organisation.family === "prescriber" && organisation.authorizationStatus && (
        <div className="tremplin-dl__row"><dt>{t.authorization}</dt><dd>{t.authorizations[organisation.authorizationStatus]}</dd></div>
      )}
      <div className="tremplin-dl__row"><dt>{t.yourRole}</dt><dd>{organisationsText.roles[role]}</dd></div>
    </dl>
  </section>
);

const OrganisationView = ({ acting }: { acting: SessionOrganisation }) => {
  const session = useSession();
  const admin = acting.role === "admin";
  const [organisation, setOrganisation] = useState<Organisation | null>(null);
  const [members, setMembers] = useState<Member[]>([]);
  const [invitations, setInvitations] = useState<Invitation[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const [org, people, pending] = await Promise.all([
          fetchOrganisation(acting.id, signal),
          fetchMembers(acting.id, signal),
          admin ? fetchInvitations(acting.id, signal) : Promise.resolve([]),
        ]);
        setOrganisation(org);
        setMembers(people);
        setInvitations(pending);
        setError(null);
      } catch (e) {
        if (!signal?.aborted) setError(errorMessage(e));
      }
    },
    [acting.id, admin],
  );

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  // A change of one's own role changes what the session allows: read it again as well.
  const afterChange = async () => {
    await session.refresh();
    await load();
  };
  const afterLeaving = async () => {
    session.flash(t.left(acting.name), paths.myOrganisation);
    await session.refresh();
    navigate(paths.myOrganisation, { replace: true });
  };

  return (
    <>
      <PageHeading>{acting.name}</PageHeading>
      <p className="fr-text--lead">{t.title}</p>
      {session.memberships.length > 1 && (
        <p>
          <Link className="fr-link fr-icon-arrow-left-right-line fr-link--icon-left" href={`${paths.chooseOrganisation}?retour=${encodeURIComponent(paths.myOrganisation)}`}>{t.otherOrganisation}</Link>
        </p>
      )}
      {error && <Alert severity="error" small description={error} />}
      {!organisation && !error && <p role="status">{t.loading}</p>}
      {organisation && (
        <>
          <Details organisation={organisation} role={acting.role} />
          <MembersSection organisation={organisation} members={members} me={{ userId: session.user!.id, admin }} onChanged={afterChange} onLeft={afterLeaving} />
          {admin && <InvitationsSection organisationId={organisation.id} invitations={invitations} setInvitations={setInvitations} />}
        </>
      )}
    </>
  );
};

const NoActingOrganisation = () => {
  const { memberships } = useSession();
  return (
    <>
      <PageHeading>{t.title}</PageHeading>
      <Alert severity="info" small description={memberships.length > 0 ? t.noActing : t.noOrganisation} />
      <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-3w">
        {memberships.length > 0 && (
          <li><Link className="fr-btn" href={`${paths.chooseOrganisation}?retour=${encodeURIComponent(paths.myOrganisation)}`}>{organisationsText.choose.title}</Link></li>
        )}
        <li>
          <Link className={`fr-btn${memberships.length > 0 ? " fr-btn--secondary" : ""}`} href={paths.createOrganisation}>{organisationsText.create.title}</Link>
        </li>
      </ul>
    </>
  );
};

export const MyOrganisationPage = () => {
  const { acting } = useSession();
  usePageTitle(acting ? `${t.title} : ${acting.name}` : t.title);
  return (
    <RequireSession title={t.title} kinds={["professional"]}>
      {acting ? <OrganisationView acting={acting} /> : <NoActingOrganisation />}
    </RequireSession>
  );
};
