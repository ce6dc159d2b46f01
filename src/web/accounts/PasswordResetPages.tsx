// "Mot de passe oublié" (e-mail → always the same neutral answer) and "Nouveau mot de passe" (token of the e-mailed link).
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { type FormEvent, type ReactNode, useState } from "react";
import { ApiError, fieldErrors } from "../api/client.ts";
import { failureOf } from "../forms/form-submit.domain.ts";
import { ErrorSummary, PasswordField, fieldState } from "../forms/forms.tsx";
import { useFormSubmit } from "../forms/useFormSubmit.ts";
import { PageHeading, usePageTitle } from "../layout/page.tsx";
import { Link, navigate } from "../layout/router.tsx";
import { paths } from "../layout/router.domain.ts";
import { confirmPasswordReset, requestPasswordReset } from "./accounts.api.ts";
import { emailError, newPasswordErrors, tokenFromLink } from "./password-reset.domain.ts";
import { passwordResetText } from "./password-reset.fr.ts";
import { useSession } from "./SessionProvider.tsx";

const requestFields = { email: "reset-request-email" };

const Narrow = ({ children }: { children: ReactNode }) => (
  <div className="fr-grid-row fr-grid-row--center">
    <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">{children}</div>
  </div>
);

export const PasswordResetRequestPage = () => {
  const t = passwordResetText.request;
  usePageTitle(t.title);
  const [email, setEmail] = useState("");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { errors, busy, attempt, summary, submit: submitForm } = useFormSubmit(requestFields);

  // The API answers the same whether the address has an account or not: only input or service errors are shown.
  const submit = (event: FormEvent<HTMLFormElement>) =>
    submitForm(event, {
      validate: (): Record<string, string> => {
        const local = emailError(email);
        return local ? { email: local } : {};
      },
      send: async () => {
        await requestPasswordReset(email.trim());
        setSentTo(email.trim());
      },
    });

  if (sentTo) {
    return (
      <Narrow>
        <PageHeading>{t.title}</PageHeading>
        <Alert as="h2" severity="success" title={t.sentTitle} description={t.sent(sentTo)} />
        <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-4w">
          <li><Link className="fr-btn" href={paths.signIn}>{t.backToSignIn}</Link></li>
          <li>
            <Button priority="secondary" onClick={() => { setSentTo(null); setEmail(""); }}>{t.again}</Button>
          </li>
        </ul>
      </Narrow>
    );
  }

  return (
    <Narrow>
      <PageHeading>{t.title}</PageHeading>
      <p className="fr-text--lead">{t.lead}</p>
      <ErrorSummary errors={summary} attempt={attempt} />
      <form onSubmit={submit} noValidate>
        <Input
          label={t.email}
          hintText={t.emailHint}
          {...fieldState(errors.email)}
          nativeInputProps={{ id: requestFields.email, name: "email", type: "email", autoComplete: "email", required: true, value: email, onChange: (e) => setEmail(e.target.value) }}
        />
        <Button type="submit" disabled={busy}>{busy ? t.submitting : t.submit}</Button>
      </form>
      <p className="fr-mt-4w">
        <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={paths.signIn}>{t.backToSignIn}</Link>
      </p>
    </Narrow>
  );
};

const resetFields = { password: "reset-password", confirmation: "reset-confirmation" };

/** Reads the token once, then removes it from the address bar (and the history) so it is not shared by mistake. */
const useLinkToken = () => {
  const [token] = useState(() => {
    const found = tokenFromLink(window.location.hash, window.location.search);
    if (found) window.history.replaceState(window.history.state, "", window.location.pathname);
    return found;
  });
  return token;
};

export const PasswordResetPage = () => {
  const t = passwordResetText.reset;
  usePageTitle(t.title);
  const session = useSession();
  const token = useLinkToken();
  const [values, setValues] = useState({ password: "", confirmation: "" });
  const [expired, setExpired] = useState<string | null>(null);
  const { errors, busy, attempt, summary, submit: submitForm } = useFormSubmit(resetFields);

  if (!token || expired) {
    return (
      <Narrow>
        <PageHeading>{t.title}</PageHeading>
        <Alert as="h2" severity="error" title={expired ? t.expiredTitle : t.noTokenTitle} description={expired ?? t.noToken} />
        <p className="fr-mt-4w">
          <Link className="fr-btn" href={paths.passwordResetRequest}>{t.newLink}</Link>
        </p>
      </Narrow>
    );
  }

  const submit = (event: FormEvent<HTMLFormElement>) =>
    submitForm(event, {
      validate: () => newPasswordErrors(values),
      send: async () => {
        await confirmPasswordReset({ token, password: values.password });
        // Every session of the person is closed by the server: read ours again, then sign in afresh.
        await session.refresh();
        session.flash(t.done, paths.signIn);
        navigate(paths.signIn, { replace: true });
      },
      failure: (error) => {
        if (error instanceof ApiError && error.code === "auth.invalid_reset_link") {
          setExpired(error.message);
          return null;
        }
        if (error instanceof ApiError && error.code === "validation" && fieldErrors(error).token) {
          setExpired(fieldErrors(error).token!);
          return null;
        }
        return failureOf(error);
      },
    });

  const set = (field: "password" | "confirmation") => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  return (
    <Narrow>
      <PageHeading>{t.title}</PageHeading>
      <p className="fr-text--lead">{t.lead}</p>
      <ErrorSummary errors={summary} attempt={attempt} />
      <form onSubmit={submit} noValidate>
        <PasswordField id={resetFields.password} label={t.password} hint={t.passwordHint} error={errors.password} value={values.password} onChange={set("password")} autoComplete="new-password" />
        <PasswordField id={resetFields.confirmation} label={t.confirmation} error={errors.confirmation} value={values.confirmation} onChange={set("confirmation")} autoComplete="new-password" />
        <Button type="submit" disabled={busy}>{busy ? t.submitting : t.submit}</Button>
      </form>
    </Narrow>
  );
};
