// "Mon compte": who is signed in (name, e-mail, kind of account) and the change of password, which signs out
// the person's other sessions. Accounts made through ProConnect have no password: an explanation replaces the form.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { ApiError } from "../api/client.ts";
import { failureOf } from "../forms/form-submit.domain.ts";
import { ErrorSummary, PasswordField } from "../forms/forms.tsx";
import { useFormSubmit } from "../forms/useFormSubmit.ts";
import { PageHeading, usePageTitle } from "../layout/page.tsx";
import { Link } from "../layout/router.tsx";
import { paths } from "../layout/router.domain.ts";
import { changePassword } from "./accounts.api.ts";
import { accountsText } from "./accounts.fr.ts";
import { type ChangePasswordValues, changePasswordErrors } from "./my-account.domain.ts";
import { RequireSession } from "./RequireSession.tsx";
import { useSession } from "./SessionProvider.tsx";

const t = accountsText.myAccount;
const fields = { currentPassword: "account-current-password", newPassword: "account-new-password", confirmation: "account-confirmation" };
const empty: ChangePasswordValues = { currentPassword: "", newPassword: "", confirmation: "" };

const ChangePasswordForm = () => {
  const session = useSession();
  const [values, setValues] = useState(empty);
  const [changed, setChanged] = useState(false);
  const notice = useRef<HTMLDivElement>(null);
  const { errors, busy, attempt, summary, submit: submitForm } = useFormSubmit(fields);

  useEffect(() => {
    if (changed) notice.current?.focus();
  }, [changed]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    setChanged(false);
    return submitForm(event, {
      validate: () => changePasswordErrors(values),
      send: async () => {
        await changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword });
        setValues(empty);
        setChanged(true);
      },
      failure: (error) => {
        // The API's message speaks of sign-in ("adresse ou mot de passe"): here only the current password can be wrong.
        if (error instanceof ApiError && error.code === "auth.invalid_credentials") return { errors: { currentPassword: t.wrongCurrent }, general: null };
        // A session that ended meanwhile: read it again, the guard then sends to the sign-in page.
        if (error instanceof ApiError && error.code === "auth.unauthenticated") void session.refresh();
        return failureOf(error);
      },
    });
  };

  const set = (field: keyof ChangePasswordValues) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  return (
    <>
      <p>{t.passwordLead}</p>
      {changed && (
        <div ref={notice} tabIndex={-1} className="fr-mb-4w">
          <Alert as="h3" severity="success" title={t.changedTitle} description={t.changed} />
        </div>
      )}
      <ErrorSummary errors={summary} attempt={attempt} />
      <form onSubmit={submit} noValidate>
        <PasswordField id={fields.currentPassword} label={t.currentPassword} error={errors.currentPassword} value={values.currentPassword} onChange={set("currentPassword")} autoComplete="current-password" />
        <PasswordField id={fields.newPassword} label={t.newPassword} hint={t.newPasswordHint} error={errors.newPassword} value={values.newPassword} onChange={set("newPassword")} autoComplete="new-password" />
        <PasswordField id={fields.confirmation} label={t.confirmation} error={errors.confirmation} value={values.confirmation} onChange={set("confirmation")} autoComplete="new-password" />
        <Button type="submit" disabled={busy}>{busy ? t.submitting : t.submit}</Button>
      </form>
    </>
  );
};

const MyAccount = () => {
  const user = useSession().user!;
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-10 fr-col-lg-8">
        <PageHeading>{t.title}</PageHeading>
        <section aria-labelledby="account-details" className="fr-mb-6w">
          <h2 id="account-details" className="fr-h4">{t.details}</h2>
          <dl className="tremplin-dl">
            <div className="tremplin-dl__row"><dt>{t.name}</dt><dd>{user.name}</dd></div>
            <div className="tremplin-dl__row"><dt>{t.email}</dt><dd>{user.email}</dd></div>
            <div className="tremplin-dl__row"><dt>{t.kind}</dt><dd>{accountsText.kinds[user.kind]}</dd></div>
          </dl>
        </section>
        <section aria-labelledby="account-password">
          <h2 id="account-password" className="fr-h4">{t.passwordHeading}</h2>
          {user.hasPassword ? (
            <ChangePasswordForm />
          ) : (
            <>
              <Alert as="h3" severity="info" title={t.noPasswordTitle} description={t.noPassword} />
              <p className="fr-mt-3w">
                <Link className="fr-btn fr-btn--secondary" href={paths.passwordResetRequest}>{t.noPasswordLink}</Link>
              </p>
            </>
          )}
        </section>
      </div>
    </div>
  );
};

export const MyAccountPage = () => {
  usePageTitle(t.title);
  return (
    <RequireSession title={t.title}>
      <MyAccount />
    </RequireSession>
  );
};
