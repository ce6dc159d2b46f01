// "Choisir une organisation": for a person who belongs to several, the one they act for; then back to `?retour=`.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { type FormEvent, useState } from "react";
import { errorMessage } from "../api/client.ts";
import { ErrorSummary, fieldState } from "../forms/forms.tsx";
import { useFormSubmit } from "../forms/useFormSubmit.ts";
import { PageHeading, usePageTitle } from "../layout/page.tsx";
import { Link, navigate, useLocation } from "../layout/router.tsx";
import { paths } from "../layout/router.domain.ts";
import { accountsText } from "./accounts.fr.ts";
import { organisationsText } from "./organisations.fr.ts";
import { RequireSession } from "./RequireSession.tsx";
import { returnPathFromSearch } from "./session.domain.ts";
import { useSession } from "./SessionProvider.tsx";

const t = organisationsText.choose;
const fields = { organisation: "choose-organisation-0" };

const ChooseForm = () => {
  const session = useSession();
  const { search } = useLocation();
  const fromQuery = returnPathFromSearch(search);
  const returnTo = fromQuery === paths.home ? paths.myOrganisation : fromQuery;
  const [chosen, setChosen] = useState(session.acting?.id ?? "");
  const { errors, busy, attempt, summary, submit: submitForm } = useFormSubmit(fields);

  if (session.memberships.length === 0) {
    return (
      <>
        <Alert severity="info" small description={t.none} />
        <p className="fr-mt-3w"><Link className="fr-btn" href={paths.createOrganisation}>{organisationsText.create.title}</Link></p>
      </>
    );
  }

  const organisation = session.memberships.find((o) => o.id === chosen);
  const submit = (event: FormEvent<HTMLFormElement>) =>
    submitForm(event, {
      validate: (): Record<string, string> => (organisation ? {} : { organisation: t.missing }),
      send: async () => {
        if (!organisation) return; // Checked by validate.
        await session.chooseOrganisation(organisation.id);
        session.flash(t.done(organisation.name), returnTo.split(/[?#]/)[0]!);
        navigate(returnTo, { replace: true });
      },
      // Any error of the API is a general message: the only field is the choice.
      failure: (error) => ({ errors: {}, general: errorMessage(error) }),
    });

  return (
    <>
      <ErrorSummary errors={summary} attempt={attempt} />
      <form onSubmit={submit} noValidate>
        <RadioButtons
          id="choose-organisation"
          legend={t.legend}
          {...fieldState(errors.organisation)}
          options={session.memberships.map((organisation) => ({
            label: organisation.name,
            hintText: `${accountsText.families[organisation.family]} · ${organisationsText.roles[organisation.role]}${organisation.id === session.acting?.id ? ` · ${t.current}` : ""}`,
            nativeInputProps: { name: "organisation", value: organisation.id, checked: chosen === organisation.id, onChange: () => setChosen(organisation.id) },
          }))}
        />
        <Button type="submit" disabled={busy}>{busy ? t.submitting : t.submit}</Button>
      </form>
      <p className="fr-mt-4w">
        <Link className="fr-link fr-icon-add-line fr-link--icon-left" href={paths.createOrganisation}>{t.create}</Link>
      </p>
    </>
  );
};

export const ChooseOrganisationPage = () => {
  usePageTitle(t.title);
  return (
    <RequireSession title={t.title} kinds={["professional"]}>
      <div className="fr-grid-row fr-grid-row--center">
        <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
          <PageHeading>{t.title}</PageHeading>
          <p className="fr-text--lead">{t.lead}</p>
          <ChooseForm />
        </div>
      </div>
    </RequireSession>
  );
};
