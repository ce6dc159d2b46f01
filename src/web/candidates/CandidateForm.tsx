// The candidate profile form (creation by a counsellor or an employer, by the person, or edition).
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { barriers } from "../../candidates/barriers.domain.ts";
import {
  availabilities,
  availabilityLabels,
  drivingLicences,
  languageLevelLabels,
  languageLevels,
  type LanguageLevel,
  mobilityMeanLabels,
  mobilityMeans,
} from "../../candidates/candidates.domain.ts";
import { actsFor } from "../accounts/session.domain.ts";
import { useSession } from "../accounts/SessionProvider.tsx";
import { errorMessage, fieldErrors } from "../api/client.ts";
import { CodePicker } from "../forms/CodePicker.tsx";
import { ErrorSummary, fieldState, summaryOf } from "../forms/forms.tsx";
import { type CandidateBody, type CandidateFormState, bodyFromForm, errorsForSelf, fieldIds, toggle, topLevelErrors } from "./candidate-form.domain.ts";
import { fetchConsentText, searchAppellations, searchCompetences } from "./candidates.api.ts";
import { candidatesText } from "./candidates.fr.ts";

const t = candidatesText.form;
const consentFieldsetId = fieldIds.consent!.replace(/-0$/, "");

export type FormMode = "create" | "self" | "edit";

export const CandidateForm = ({
  mode,
  self = mode === "self",
  initial,
  onSubmit,
  onCancel,
}: {
  mode: FormMode;
  /** The person fills in their own profile (creation or edition): hints speak to them ("vous"). */
  self?: boolean;
  initial: CandidateFormState;
  onSubmit: (body: CandidateBody, consent: boolean) => Promise<void>;
  onCancel?: () => void;
}) => {
  const [form, setForm] = useState(initial);
  const [consent, setConsent] = useState(false);
  const [consentText, setConsentText] = useState<string | null>(null);
  // The text shown is the one the server records: an employer (direct hire) has its own wording.
  const byEmployer = actsFor(useSession().session, "employer");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof CandidateFormState>(key: K, value: CandidateFormState[K]) => setForm((f) => ({ ...f, [key]: value }));

  useEffect(() => {
    if (mode === "edit") return;
    const controller = new AbortController();
    fetchConsentText(controller.signal).then((c) => setConsentText(mode === "self" ? c.text : byEmployer ? c.textOnBehalfEmployer : c.textOnBehalf), () => {});
    return () => controller.abort();
  }, [mode, byEmployer]);

  const searchJobs = useCallback(async (q: string, signal: AbortSignal) => (await searchAppellations(q, signal)).map((a) => ({ code: a.code, label: a.label })), []);
  const searchSkills = useCallback(async (q: string, signal: AbortSignal) => (await searchCompetences(q, signal)).map((c) => ({ code: c.code, label: c.label })), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setGeneral(null);
    try {
      await onSubmit(bodyFromForm(form), consent);
      setErrors({});
    } catch (error) {
      const byField = self ? errorsForSelf(topLevelErrors(fieldErrors(error))) : topLevelErrors(fieldErrors(error));
      setErrors(byField);
      setGeneral(Object.keys(byField).length ? null : errorMessage(error));
      setAttempt((a) => a + 1);
    } finally {
      setSaving(false);
    }
  };

  const text = (key: "firstName" | "lastName" | "email" | "phone" | "birthYear" | "address", label: string, extra: { hint?: string; type?: string; autoComplete?: string; inputMode?: "numeric" | "tel" | "email" } = {}) => (
    <Input
      label={label}
      hintText={extra.hint}
      {...fieldState(errors[key])}
      nativeInputProps={{
        id: fieldIds[key],
        value: form[key],
        onChange: (e) => set(key, e.target.value),
        type: extra.type ?? "text",
        autoComplete: extra.autoComplete,
        inputMode: extra.inputMode,
        required: key === "firstName" || key === "lastName",
      }}
    />
  );

  const summary = summaryOf(errors, fieldIds, general);
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={summary} attempt={attempt} title={t.errorsTitle(summary.length)} />
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend fr-h3">{t.identity}</legend>
        <div className="fr-fieldset__element">{text("firstName", t.firstName, { autoComplete: self ? "given-name" : "off" })}</div>
        <div className="fr-fieldset__element">{text("lastName", t.lastName, { autoComplete: self ? "family-name" : "off" })}</div>
        <div className="fr-fieldset__element">{text("email", t.email, { type: "email", inputMode: "email", autoComplete: self ? "email" : "off" })}</div>
        <div className="fr-fieldset__element">{text("phone", t.phone, { type: "tel", inputMode: "tel", autoComplete: self ? "tel" : "off" })}</div>
        <div className="fr-fieldset__element">{text("birthYear", t.birthYear, { hint: t.birthYearHint, inputMode: "numeric" })}</div>
        <div className="fr-fieldset__element">{text("address", t.address, { hint: self ? t.addressHintSelf : t.addressHint, autoComplete: self ? "street-address" : "off" })}</div>
      </fieldset>

      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend fr-h3">{t.search}</legend>
        <div className="fr-fieldset__element">
          <CodePicker id={fieldIds.targetAppellations!} label={t.appellations} hint={t.appellationsHint} error={errors.targetAppellations} value={form.targetAppellations} onChange={(v) => set("targetAppellations", v)} search={searchJobs} />
        </div>
        <div className="fr-fieldset__element">
          <CodePicker id={fieldIds.skills!} label={t.skills} hint={t.skillsHint} error={errors.skills} value={form.skills} onChange={(v) => set("skills", v)} search={searchSkills} />
        </div>
        <div className="fr-fieldset__element" id={fieldIds.languages} tabIndex={-1}>
          <p className="fr-text--bold fr-mb-1w">{t.languages}</p>
          {errors.languages && <p className="fr-error-text">{errors.languages}</p>}
          {form.languages.map((language, index) => (
            <div className="tremplin-language-row" key={index}>
              <Input
                label={`${t.languageName} ${index + 1}`}
                nativeInputProps={{
                  value: language.name,
                  onChange: (e) => set("languages", form.languages.map((l, i) => (i === index ? { ...l, name: e.target.value } : l))),
                }}
              />
              <Select
                label={`${t.languageLevel} ${index + 1}`}
                nativeSelectProps={{
                  value: language.level,
                  onChange: (e) => set("languages", form.languages.map((l, i) => (i === index ? { ...l, level: e.target.value as LanguageLevel } : l))),
                }}
              >
                {languageLevels.map((level) => <option key={level} value={level}>{languageLevelLabels[level]}</option>)}
              </Select>
              <Button type="button" priority="tertiary" size="small" onClick={() => set("languages", form.languages.filter((_, i) => i !== index))}>
                {t.removeLanguage(language.name)}
              </Button>
            </div>
          ))}
          <Button type="button" priority="secondary" size="small" onClick={() => set("languages", [...form.languages, { name: "", level: "intermediate" }])}>
            {t.addLanguage}
          </Button>
        </div>
        <div className="fr-fieldset__element">
          <Checkbox
            legend={t.licences}
            orientation="horizontal"
            small
            options={drivingLicences.map((licence) => ({
              label: licence,
              nativeInputProps: { name: "licences", value: licence, checked: form.drivingLicences.includes(licence), onChange: () => set("drivingLicences", toggle(form.drivingLicences, licence)) },
            }))}
          />
        </div>
      </fieldset>

      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend fr-h3">{t.mobility}</legend>
        <div className="fr-fieldset__element">
          <Input label={t.radius} {...fieldState(errors.mobilityRadiusKm)} nativeInputProps={{ id: fieldIds.mobilityRadiusKm, value: form.mobilityRadiusKm, inputMode: "numeric", onChange: (e) => set("mobilityRadiusKm", e.target.value) }} />
        </div>
        <div className="fr-fieldset__element">
          <Checkbox
            legend={t.means}
            small
            options={mobilityMeans.map((mean) => ({
              label: mobilityMeanLabels[mean],
              nativeInputProps: { name: "means", value: mean, checked: form.mobilityMeans.includes(mean), onChange: () => set("mobilityMeans", toggle(form.mobilityMeans, mean)) },
            }))}
          />
        </div>
        <div className="fr-fieldset__element">
          <Select label={t.availability} {...fieldState(errors.availability)} nativeSelectProps={{ id: fieldIds.availability, value: form.availability, onChange: (e) => set("availability", e.target.value as CandidateFormState["availability"]) }}>
            <option value="">—</option>
            {availabilities.map((a) => <option key={a} value={a}>{availabilityLabels[a]}</option>)}
          </Select>
        </div>
        {form.availability === "from_date" && (
          <div className="fr-fieldset__element">
            <Input label={t.availableFrom} {...fieldState(errors.availableFrom)} nativeInputProps={{ id: fieldIds.availableFrom, type: "date", value: form.availableFrom, onChange: (e) => set("availableFrom", e.target.value) }} />
          </div>
        )}
      </fieldset>

      <div id={fieldIds.barriers} tabIndex={-1}>
        <Checkbox
          legend={<span className="fr-h3">{t.barriers}</span>}
          hintText={self ? t.barriersHintSelf : t.barriersHint}
          {...fieldState(errors.barriers)}
          options={barriers.map((barrier) => ({
            label: barrier.label,
            nativeInputProps: { name: "barriers", value: barrier.code, checked: form.barriers.includes(barrier.code), onChange: () => set("barriers", toggle(form.barriers, barrier.code)) },
          }))}
        />
      </div>

      {mode !== "edit" && (
        <fieldset className="fr-fieldset" aria-describedby="candidate-consent-text">
          <legend className="fr-fieldset__legend fr-h3">{self ? t.consentLegendSelf : t.consentLegend}</legend>
          <blockquote id="candidate-consent-text" className="fr-callout fr-mb-2w">
            <p className="fr-callout__text fr-text--md">{consentText ?? "…"}</p>
          </blockquote>
          <div className="fr-fieldset__element">
            {/* The component names its input `${id}-0` and labels that id: an id in nativeInputProps would unlink the label. */}
            <Checkbox
              id={consentFieldsetId}
              {...fieldState(errors.consent)}
              options={[{ label: mode === "self" ? t.consentSelf : t.consentOnBehalf, nativeInputProps: { checked: consent, onChange: (e) => setConsent(e.target.checked) } }]}
            />
          </div>
        </fieldset>
      )}

      <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-4w">
        <li>
          <Button type="submit" disabled={saving}>{saving ? t.saving : mode === "create" ? t.submitCreate : mode === "self" ? t.submitSelf : t.submitEdit}</Button>
        </li>
        {onCancel && (
          <li>
            <Button type="button" priority="secondary" onClick={onCancel}>{t.cancel}</Button>
          </li>
        )}
      </ul>
    </form>
  );
};
