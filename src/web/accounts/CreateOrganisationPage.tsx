// "Créer une organisation": kind (grouped by family, labels of the API), name, SIRET checked as the server does.
// The creator becomes its admin and acts for it (the API sets the session's acting organisation).
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { type FormEvent, useState } from "react";
import { failureOf } from "../forms/form-submit.domain.ts";
import { ErrorSummary, fieldState } from "../forms/forms.tsx";
import { useFormSubmit } from "../forms/useFormSubmit.ts";
import { PageHeading, usePageTitle } from "../layout/page.tsx";
import { navigate } from "../layout/router.tsx";
import { paths } from "../layout/router.domain.ts";
import { createOrganisation } from "./accounts.api.ts";
import { kindGroups, organisationErrors, type OrganisationValues, siretError } from "./organisation-form.domain.ts";
import { organisationsText } from "./organisations.fr.ts";
import { RequireSession } from "./RequireSession.tsx";
import { useSession } from "./SessionProvider.tsx";

const t = organisationsText.create;
const fields = { kind: "organisation-kind", name: "organisation-name", siret: "organisation-siret" };

/** Server error codes that belong to one field of the form. */
const fieldOfCode: Record<string, keyof typeof fields> = {
  "organisation.bad_siret": "siret",
  "organisation.already_exists": "siret",
  "organisation.kind_reserved": "kind",
};

const CreateOrganisationForm = () => {
  const session = useSession();
  const [values, setValues] = useState<OrganisationValues>({ kind: "", name: "", siret: "" });
  const { errors, setErrors, busy, attempt, summary, submit: submitForm } = useFormSubmit(fields);

  const set = (field: keyof OrganisationValues) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: event.target.value }));

  const submit = (event: FormEvent<HTMLFormElement>) =>
    submitForm(event, {
      validate: () => organisationErrors(values),
      send: async () => {
        const created = await createOrganisation({ kind: values.kind, name: values.name.trim(), siret: values.siret.trim() });
        await session.refresh();
        session.flash(t.done(created.name), paths.myOrganisation);
        navigate(paths.myOrganisation);
      },
      failure: (error) => failureOf(error, fieldOfCode),
    });

  return (
    <>
      <ErrorSummary errors={summary} attempt={attempt} />
      <form onSubmit={submit} noValidate>
        <Select label={t.kind} hint={t.kindHint} {...fieldState(errors.kind)} nativeSelectProps={{ id: fields.kind, name: "kind", required: true, value: values.kind, onChange: set("kind") }}>
          <option value="" disabled>{t.kindPlaceholder}</option>
          {kindGroups().map((group) => (
            <optgroup key={group.family} label={group.label}>
              {group.options.map((option) => (
                <option key={option.value} value={option.value}>{option.label}</option>
              ))}
            </optgroup>
          ))}
        </Select>
        <Input label={t.name} hintText={t.nameHint} {...fieldState(errors.name)} nativeInputProps={{ id: fields.name, name: "name", autoComplete: "organization", required: true, maxLength: 200, value: values.name, onChange: set("name") }} />
        <Input
          label={t.siret}
          hintText={t.siretHint}
          {...fieldState(errors.siret)}
          nativeInputProps={{
            id: fields.siret,
            name: "siret",
            inputMode: "numeric",
            autoComplete: "off",
            required: true,
            maxLength: 20,
            value: values.siret,
            onChange: set("siret"),
            // Checked when leaving the field once it holds 14 digits or more, so typing is not interrupted.
            onBlur: () => {
              if (values.siret.replace(/\s+/g, "").length < 14) return;
              const message = siretError(values.siret);
              setErrors((e) => {
                const { siret: _previous, ...rest } = e;
                return message ? { ...rest, siret: message } : rest;
              });
            },
          }}
        />
        <Button type="submit" disabled={busy}>{busy ? t.submitting : t.submit}</Button>
      </form>
    </>
  );
};

export const CreateOrganisationPage = () => {
  usePageTitle(t.title);
  return (
    <RequireSession title={t.title} kinds={["professional"]}>
      <div className="fr-grid-row fr-grid-row--center">
        <div className="fr-col-12 fr-col-md-8 fr-col-lg-7">
          <PageHeading>{t.title}</PageHeading>
          <p className="fr-text--lead">{t.lead}</p>
          <CreateOrganisationForm />
        </div>
      </div>
    </RequireSession>
  );
};
