// Sign-up (candidate or professional) and e-mail verification by the 6-digit code received.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { type FormEvent, useState } from "react";
import { errorMessage } from "../api/client.ts";
import { ErrorSummary, PasswordField, fieldState } from "../forms/forms.tsx";
import { useFormSubmit } from "../forms/useFormSubmit.ts";
import { PageHeading, usePageTitle } from "../layout/page.tsx";
import { Link, navigate, useLocation } from "../layout/router.tsx";
import { paths } from "../layout/router.domain.ts";
import { resendCode, signUp, verifyEmail } from "./accounts.api.ts";
import { passwordRuleError } from "./password-reset.domain.ts";
import { landingAfterVerification, returnPathFromSearch, withReturn } from "./session.domain.ts";
import { useSession } from "./SessionProvider.tsx";

const t = {
  signUp: {
    title: "Créer un compte",
    lead: "Un compte Tremplin sert aux candidates et candidats comme aux professionnels (employeurs, prescripteurs, opérateurs).",
    kind: "Vous êtes",
    candidate: "Candidat·e",
    candidateHint: "Vous cherchez un emploi.",
    professional: "Professionnel·le",
    professionalHint: "Vous recrutez, accompagnez ou orientez des personnes.",
    name: "Prénom et nom",
    email: "Adresse électronique",
    emailHint: "Format attendu : nom@domaine.fr. Un code de vérification y sera envoyé.",
    password: "Mot de passe",
    passwordHint: "10 caractères au moins. Une phrase de plusieurs mots est plus facile à retenir.",
    submit: "Créer mon compte",
    submitting: "Création…",
    missingKind: "Indiquez si vous êtes candidat·e ou professionnel·le.",
    missingName: "Indiquez votre nom.",
    missingEmail: "Saisissez votre adresse électronique.",
    haveAccount: "Vous avez déjà un compte ?",
    signIn: "Se connecter",
  },
  verify: {
    title: "Confirmer votre adresse électronique",
    lead: (email: string) => (email ? `Saisissez le code à 6 chiffres envoyé à ${email}. Il est valable 15 minutes.` : "Saisissez votre adresse et le code à 6 chiffres reçu par courriel. Il est valable 15 minutes."),
    email: "Adresse électronique",
    code: "Code de vérification",
    codeHint: "6 chiffres, reçus par courriel",
    submit: "Confirmer",
    submitting: "Vérification…",
    resend: "Recevoir un nouveau code",
    badCode: "Le code comporte 6 chiffres.",
    missingEmail: "Saisissez votre adresse électronique.",
    done: "Votre adresse est confirmée : vous êtes connecté·e.",
  },
} as const;

const signUpFields = { kind: "signup-kind-0", name: "signup-name", email: "signup-email", password: "signup-password" };

export const SignUpPage = () => {
  usePageTitle(t.signUp.title);
  const { search } = useLocation();
  const returnTo = returnPathFromSearch(search);
  // A link may choose the kind of account beforehand (the offer page's "Créer un compte candidat": ?compte=candidat).
  const preset = new URLSearchParams(search).get("compte");
  const initialKind = preset === "candidat" ? "candidate" : preset === "professionnel" ? "professional" : "";
  const [values, setValues] = useState({ kind: initialKind as "" | "candidate" | "professional", name: "", email: "", password: "" });
  const { errors, busy, attempt, summary, submit: submitForm } = useFormSubmit(signUpFields);
  const s = t.signUp;

  const submit = (event: FormEvent<HTMLFormElement>) =>
    submitForm(event, {
      validate: () => {
        const local: Record<string, string> = {};
        if (!values.kind) local.kind = s.missingKind;
        if (!values.name.trim()) local.name = s.missingName;
        if (!values.email.trim()) local.email = s.missingEmail;
        const passwordError = passwordRuleError(values.password);
        if (passwordError) local.password = passwordError;
        return local;
      },
      send: async () => {
        if (!values.kind) return; // Checked by validate.
        const email = values.email.trim();
        await signUp({ kind: values.kind, name: values.name.trim(), email, password: values.password });
        navigate(withReturn(`${paths.verifyEmail}?email=${encodeURIComponent(email)}`, returnTo));
      },
    });

  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <PageHeading>{s.title}</PageHeading>
        <p className="fr-text--lead">{s.lead}</p>
        <ErrorSummary errors={summary} attempt={attempt} />
        <form onSubmit={submit} noValidate>
          <RadioButtons
            id="signup-kind"
            legend={s.kind}
            {...fieldState(errors.kind)}
            options={(["candidate", "professional"] as const).map((kind) => ({
              label: s[kind],
              hintText: kind === "candidate" ? s.candidateHint : s.professionalHint,
              nativeInputProps: { name: "kind", value: kind, checked: values.kind === kind, onChange: () => setValues((v) => ({ ...v, kind })) },
            }))}
          />
          <Input label={s.name} {...fieldState(errors.name)} nativeInputProps={{ id: signUpFields.name, name: "name", autoComplete: "name", required: true, value: values.name, onChange: (e) => setValues((v) => ({ ...v, name: e.target.value })) }} />
          <Input label={s.email} hintText={s.emailHint} {...fieldState(errors.email)} nativeInputProps={{ id: signUpFields.email, name: "email", type: "email", autoComplete: "email", required: true, value: values.email, onChange: (e) => setValues((v) => ({ ...v, email: e.target.value })) }} />
          <PasswordField id={signUpFields.password} label={s.password} hint={s.passwordHint} error={errors.password} value={values.password} onChange={(password) => setValues((v) => ({ ...v, password }))} autoComplete="new-password" />
          <Button type="submit" disabled={busy}>{busy ? s.submitting : s.submit}</Button>
        </form>
        <hr className="fr-mt-4w" />
        <h2 className="fr-h5">{s.haveAccount}</h2>
        <Link className="fr-btn fr-btn--secondary" href={withReturn(paths.signIn, returnTo)}>{s.signIn}</Link>
      </div>
    </div>
  );
};

const verifyFields = { email: "verify-email", code: "verify-code" };

export const VerifyEmailPage = () => {
  usePageTitle(t.verify.title);
  const session = useSession();
  const { search } = useLocation();
  const returnTo = returnPathFromSearch(search);
  const initialEmail = new URLSearchParams(search).get("email") ?? "";
  const [values, setValues] = useState({ email: initialEmail, code: "" });
  const [info, setInfo] = useState<string | null>(null);
  const { errors, busy, attempt, summary, submit: submitForm, showGeneral } = useFormSubmit(verifyFields);
  const v = t.verify;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    setInfo(null);
    return submitForm(event, {
      validate: () => {
        const local: Record<string, string> = {};
        if (!values.email.trim()) local.email = v.missingEmail;
        if (!/^\d{6}$/.test(values.code.replace(/\s/g, ""))) local.code = v.badCode;
        return local;
      },
      send: async () => {
        await verifyEmail({ email: values.email.trim(), code: values.code.replace(/\s/g, "") });
        const next = await session.refresh();
        const target = landingAfterVerification(returnTo, next.user?.kind ?? null);
        session.flash(v.done, target.split("?")[0]!);
        navigate(target, { replace: true });
      },
    });
  };

  const resend = async () => {
    showGeneral(null);
    try {
      setInfo((await resendCode(values.email.trim())).message);
    } catch (error) {
      showGeneral(errorMessage(error));
    }
  };

  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <PageHeading>{v.title}</PageHeading>
        <p className="fr-text--lead">{v.lead(initialEmail)}</p>
        <ErrorSummary errors={summary} attempt={attempt} />
        {info && <Alert className="fr-mb-3w" severity="info" small description={info} />}
        <form onSubmit={submit} noValidate>
          <Input label={v.email} {...fieldState(errors.email)} nativeInputProps={{ id: verifyFields.email, name: "email", type: "email", autoComplete: "email", required: true, value: values.email, onChange: (e) => setValues((x) => ({ ...x, email: e.target.value })) }} />
          <Input label={v.code} hintText={v.codeHint} {...fieldState(errors.code)} nativeInputProps={{ id: verifyFields.code, name: "code", inputMode: "numeric", autoComplete: "one-time-code", maxLength: 7, required: true, value: values.code, onChange: (e) => setValues((x) => ({ ...x, code: e.target.value })) }} />
          <ul className="fr-btns-group fr-btns-group--inline-md">
            <li><Button type="submit" disabled={busy}>{busy ? v.submitting : v.submit}</Button></li>
            <li><Button type="button" priority="secondary" disabled={busy || !values.email.trim()} onClick={resend}>{v.resend}</Button></li>
          </ul>
        </form>
      </div>
    </div>
  );
};
