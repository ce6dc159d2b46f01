// Sign-in page: e-mail + password, ProConnect when the server has it, lockout and rate-limit messages.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { ProConnectButton } from "@codegouvfr/react-dsfr/ProConnectButton";
import { type FormEvent, useEffect, useState } from "react";
import { ApiError } from "../api/client.ts";
import { failureOf } from "../forms/form-submit.domain.ts";
import { ErrorSummary, PasswordField, fieldState } from "../forms/forms.tsx";
import { useFormSubmit } from "../forms/useFormSubmit.ts";
import { PageHeading, usePageTitle } from "../layout/page.tsx";
import { Link, navigate, useLocation } from "../layout/router.tsx";
import { paths } from "../layout/router.domain.ts";
import { fetchSignInMethods, logIn } from "./accounts.api.ts";
import { accountsText } from "./accounts.fr.ts";
import { proConnectUrl, returnPathFromSearch, withReturn } from "./session.domain.ts";
import { useSession } from "./SessionProvider.tsx";

const t = accountsText.signIn;
const fields = { email: "signin-email", password: "signin-password" };

type Blocked = { title: string; message: string } | null;

export const SignInPage = () => {
  usePageTitle(t.title);
  const session = useSession();
  const { search } = useLocation();
  const returnTo = returnPathFromSearch(search);
  const [proConnect, setProConnect] = useState(false);
  const [values, setValues] = useState({ email: new URLSearchParams(search).get("email") ?? "", password: "" });
  const [unverified, setUnverified] = useState(false);
  const [blocked, setBlocked] = useState<Blocked>(null);
  const { errors, busy, attempt, summary, submit: submitForm } = useFormSubmit(fields);

  useEffect(() => {
    const abort = new AbortController();
    fetchSignInMethods(abort.signal).then((methods) => setProConnect(methods.proConnect), () => setProConnect(false));
    return () => abort.abort();
  }, []);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    setUnverified(false);
    setBlocked(null);
    return submitForm(event, {
      validate: () => {
        const local: Record<string, string> = {};
        if (!values.email.trim()) local.email = t.missingEmail;
        if (!values.password) local.password = t.missingPassword;
        return local;
      },
      send: async () => {
        await logIn({ email: values.email.trim(), password: values.password });
        await session.refresh();
        navigate(returnTo, { replace: true });
      },
      failure: (error) => {
        if (error instanceof ApiError && (error.code === "auth.locked" || error.code === "auth.too_many_requests")) {
          setBlocked({ title: t.lockedTitle, message: error.message });
          return { errors: {}, general: null };
        }
        setUnverified(error instanceof ApiError && error.code === "auth.email_not_verified");
        return failureOf(error);
      },
    });
  };

  if (session.status === "signed-in" && session.user && !busy) {
    return (
      <>
        <PageHeading>{t.title}</PageHeading>
        <p>{t.alreadySignedIn(session.user.name)}</p>
        <Link className="fr-btn" href={returnTo}>{t.continue}</Link>
      </>
    );
  }

  const set = (field: "email" | "password") => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <PageHeading>{t.title}</PageHeading>
        <p className="fr-text--lead">{t.lead}</p>
        {proConnect && (
          <section aria-labelledby="signin-proconnect" className="fr-mb-4w">
            <h2 id="signin-proconnect" className="fr-h5">{t.proConnectHeading}</h2>
            <ProConnectButton url={proConnectUrl(returnTo)} />
            <p className="fr-hr-or">{t.or}</p>
          </section>
        )}
        <h2 className="fr-h5">{t.passwordHeading}</h2>
        {blocked && (
          <div tabIndex={-1} ref={(node) => node?.focus()} className="fr-mb-4w">
            <Alert severity="warning" title={blocked.title} description={blocked.message} />
            <p className="fr-mt-2w">
              <Link href={paths.passwordResetRequest}>{t.forgotten}</Link>
            </p>
          </div>
        )}
        <ErrorSummary errors={summary} attempt={attempt} />
        {unverified && (
          <p>
            <Link className="fr-link" href={withReturn(`${paths.verifyEmail}?email=${encodeURIComponent(values.email.trim())}`, returnTo)}>
              {t.notVerified}
            </Link>
          </p>
        )}
        <form onSubmit={submit} noValidate>
          <Input
            label={t.email}
            hintText={t.emailHint}
            {...fieldState(errors.email)}
            nativeInputProps={{ id: fields.email, name: "email", type: "email", autoComplete: "email", required: true, value: values.email, onChange: (e) => set("email")(e.target.value) }}
          />
          <PasswordField id={fields.password} label={t.password} error={errors.password} value={values.password} onChange={set("password")} autoComplete="current-password" />
          <p>
            <Link className="fr-link" href={paths.passwordResetRequest}>{t.forgotten}</Link>
          </p>
          <Button type="submit" disabled={busy}>{busy ? t.submitting : t.submit}</Button>
        </form>
        <hr className="fr-mt-4w" />
        <h2 className="fr-h5">{t.noAccount}</h2>
        <Link className="fr-btn fr-btn--secondary" href={withReturn(paths.signUp, returnTo)}>{t.signUpLink}</Link>
      </div>
    </div>
  );
};
