// The employer's offer form (creation and edition): ROME appellation picker, title prefilled from it,
// contract types allowed for the structure, place by commune or by address, conditions.
// Checked with the contract's schema before sending; the server's errors are shown next to their field.
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { ApiError, errorMessage, fieldErrors } from "../api/client.ts";
import { CodePicker } from "../forms/CodePicker.tsx";
import { ErrorSummary, fieldState, summaryOf } from "../forms/forms.tsx";
import { type OfferFormState, offerFieldIds as ids, serverFieldErrors, titleAfterAppellation, validateOfferForm } from "./offer-form.domain.ts";
import { communeLabel } from "./offer-form.domain.ts";
import { searchAppellations, searchCommunes } from "./offers.api.ts";
import { offersText } from "./offers.fr.ts";

const t = offersText.form;

export type ContractTypeOption = { code: string; label: string };

export const OfferForm = ({
  initial,
  contractTypes,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial: OfferFormState;
  contractTypes: readonly ContractTypeOption[];
  submitLabel: string;
  /** Sends the form (its errors are shown on the fields). */
  onSubmit: (form: OfferFormState) => Promise<void>;
  onCancel: () => void;
}) => {
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof OfferFormState>(key: K, value: OfferFormState[K]) => setForm((f) => ({ ...f, [key]: value }));

  // A contract type the structure may no longer offer is not kept selected.
  useEffect(() => {
    if (form.contractType && contractTypes.length > 0 && !contractTypes.some((c) => c.code === form.contractType)) set("contractType", "");
  }, [contractTypes]);

  const findCommunes = useCallback(
    async (q: string, signal: AbortSignal) => (await searchCommunes(q, signal)).map((c) => ({ code: c.code, label: communeLabel(c) })),
    [],
  );
  const searchJobs = useCallback(async (q: string, signal: AbortSignal) => (await searchAppellations(q, signal)).map((a) => ({ code: a.code, label: a.label })), []);

  const fail = (byField: Record<string, string>, message: string | null) => {
    setErrors(byField);
    setGeneral(message);
    setAttempt((a) => a + 1);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setGeneral(null);
    const local = validateOfferForm(form);
    if (Object.keys(local).length > 0) return fail(local, null);
    setSaving(true);
    try {
      await onSubmit(form);
    } catch (error) {
      const byField = serverFieldErrors(error instanceof ApiError ? error.code : null, errorMessage(error), fieldErrors(error));
      fail(byField, Object.keys(byField).length > 0 ? null : errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  const summary = summaryOf(errors, ids, general);
  return (
    <form onSubmit={submit} noValidate aria-busy={saving}>
      <ErrorSummary errors={summary} attempt={attempt} />

      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend fr-h3">{t.job}</legend>
        <div className="fr-fieldset__element">
          <CodePicker
            id={ids.appellationCode}
            label={t.appellation}
            hint={t.appellationHint}
            error={errors.appellationCode}
            value={form.appellation ? [form.appellation] : []}
            single
            required
            chooseLabel={t.choose}
            search={searchJobs}
            onChange={(value) => {
              const next = value[0] ?? null;
              setForm((f) => ({ ...f, appellation: next, title: titleAfterAppellation(f.title, f.appellation, next) }));
            }}
          />
        </div>
        <div className="fr-fieldset__element">
          <Input
            label={t.title}
            hintText={t.titleHint}
            {...fieldState(errors.title)}
            nativeInputProps={{ id: ids.title, value: form.title, required: true, maxLength: 200, onChange: (e) => set("title", e.target.value) }}
          />
        </div>
        <div className="fr-fieldset__element">
          <Input
            label={t.description}
            hintText={t.descriptionHint}
            textArea
            {...fieldState(errors.description)}
            nativeTextAreaProps={{ id: ids.description, value: form.description, rows: 6, onChange: (e) => set("description", e.target.value) }}
          />
        </div>
      </fieldset>

      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend fr-h3">{t.contract}</legend>
        <div className="fr-fieldset__element">
          <Select
            label={t.contractType}
            hint={t.contractTypeHint}
            {...fieldState(errors.contractType)}
            nativeSelectProps={{ id: ids.contractType, value: form.contractType, required: true, onChange: (e) => set("contractType", e.target.value) }}
          >
            <option value="" disabled>{t.chooseContractType}</option>
            {contractTypes.map((c) => <option key={c.code} value={c.code}>{c.label}</option>)}
          </Select>
        </div>
        <div className="fr-fieldset__element fr-fieldset__element--inline">
          <Input
            label={t.hours}
            hintText={t.hoursHint}
            {...fieldState(errors.hoursPerWeek)}
            nativeInputProps={{ id: ids.hoursPerWeek, value: form.hoursPerWeek, inputMode: "decimal", required: true, onChange: (e) => set("hoursPerWeek", e.target.value) }}
          />
        </div>
        <div className="fr-fieldset__element fr-fieldset__element--inline">
          <Input
            label={t.positions}
            {...fieldState(errors.positions)}
            nativeInputProps={{ id: ids.positions, value: form.positions, inputMode: "numeric", required: true, onChange: (e) => set("positions", e.target.value) }}
          />
        </div>
      </fieldset>

      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend fr-h3">{t.place}</legend>
        <div className="fr-fieldset__element">
          <RadioButtons
            legend={t.placeMode}
            name="offer-place-mode"
            orientation="horizontal"
            options={[
              { label: t.byCommune, nativeInputProps: { value: "commune", checked: form.placeMode === "commune", onChange: () => set("placeMode", "commune") } },
              { label: t.byAddress, nativeInputProps: { value: "address", checked: form.placeMode === "address", onChange: () => set("placeMode", "address") } },
            ]}
          />
        </div>
        {form.placeMode === "commune" ? (
          <div className="fr-fieldset__element">
            <CodePicker
              id={ids.communeInsee}
              label={t.commune}
              hint={t.communeHint}
              error={errors.communeInsee}
              value={form.commune ? [form.commune] : []}
              single
              required
              chooseLabel={t.chooseCommune}
              search={findCommunes}
              onChange={(value) => set("commune", value[0] ?? null)}
            />
          </div>
        ) : (
          <div className="fr-fieldset__element">
            <Input
              label={t.address}
              hintText={t.addressHint}
              {...fieldState(errors.address)}
              nativeInputProps={{ id: ids.address, value: form.address, required: true, autoComplete: "off", onChange: (e) => set("address", e.target.value) }}
            />
          </div>
        )}
      </fieldset>

      <div className="fr-mt-2w">
        <Checkbox
          legend={<span className="fr-h3">{t.conditions}</span>}
          options={[
            { label: t.withoutCv, nativeInputProps: { name: "withoutCv", checked: form.withoutCv, onChange: (e) => set("withoutCv", e.target.checked) } },
            { label: t.openToBeginners, nativeInputProps: { name: "openToBeginners", checked: form.openToBeginners, onChange: (e) => set("openToBeginners", e.target.checked) } },
            { label: t.drivingLicenceRequired, nativeInputProps: { name: "drivingLicenceRequired", checked: form.drivingLicenceRequired, onChange: (e) => set("drivingLicenceRequired", e.target.checked) } },
          ]}
        />
      </div>

      <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-4w">
        <li>
          <Button type="submit" disabled={saving}>{saving ? t.saving : submitLabel}</Button>
        </li>
        <li>
          <Button type="button" priority="secondary" onClick={onCancel}>{t.cancel}</Button>
        </li>
      </ul>
    </form>
  );
};
