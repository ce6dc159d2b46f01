// "Déclarer une embauche directe": the employer records a hire made without an application received on Tremplin.
// The person is one its organisation registered (her profile created here first, with her consent, through the
// candidate form, which comes back with her chosen: ?candidat=<id>) or who already applied to it; then, optionally,
// one of its offers (open or closed), and the contract dates. The API creates the application and accepts it at once.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { type FormEvent, useEffect, useState } from "react";
import { addMonths, parisDate } from "../../applications/application-dates.domain.ts";
import type { HireableCandidates } from "../../applications/applications.contract.ts";
import type { EmployerOfferDto } from "../../offers/offers.contract.ts";
import { RequireSession, useSession } from "../accounts/index.ts";
import { withReturn } from "../accounts/session.domain.ts";
import { ApiError, errorMessage } from "../api/client.ts";
import { failureOf } from "../forms/form-submit.domain.ts";
import { ErrorSummary, fieldState } from "../forms/forms.tsx";
import { useFormSubmit } from "../forms/useFormSubmit.ts";
import { PageHeading, usePageTitle } from "../layout/page.tsx";
import { applicationPaths, paths } from "../layout/router.domain.ts";
import { Link, navigate, useLocation } from "../layout/router.tsx";
import { fetchMyOffers } from "../offers/offers.api.ts";
import { fetchHireableCandidates, sendApplication } from "./applications.api.ts";
import { applicationsFr } from "./applications.fr.ts";
import { withParam } from "./offer-apply.domain.ts";

const fr = applicationsFr;
const t = applicationsFr.directHire;
type Person = HireableCandidates["items"][number];

const fields = { candidateId: "hire-candidate", offerId: "hire-offer", hiringStartAt: "hire-start", hiringEndAt: "hire-end" };
/** Errors of the API that belong to one field of this form. */
const fieldOfCode: Record<string, string> = {
  "application.direct_hire_own_candidate": "candidateId",
  "application.candidate_not_found": "candidateId",
  "application.candidate_anonymised": "candidateId",
  "application.offer_not_found": "offerId",
  "application.hiring_start_required": "hiringStartAt",
  "application.hiring_start_in_past": "hiringStartAt",
  "application.hiring_start_too_far": "hiringStartAt",
  "application.hiring_end_before_start": "hiringEndAt",
};

const personName = (p: Person) => [p.firstName, p.lastName].filter(Boolean).join(" ");
const personLabel = (p: Person) => `${personName(p)}${p.postcode ? ` (${p.postcode})` : ""} — ${p.recordedByEmployer ? t.recorded : t.applied}`;

export const DirectHirePage = () => (
  <RequireSession title={fr.titles.directHire} kinds={["professional"]} family="employer" signedOut="explain">
    <DirectHireForm />
  </RequireSession>
);

const DirectHireForm = () => {
  usePageTitle(fr.titles.directHire);
  const session = useSession();
  const acting = session.acting!;
  const params = new URLSearchParams(useLocation().search);
  const preselected = params.get("candidat") ?? "";
  const [people, setPeople] = useState<Person[] | null>(null);
  const [total, setTotal] = useState(0);
  const [query, setQuery] = useState("");
  const [chosen, setChosen] = useState<Person | null>(null);
  const [candidateId, setCandidateId] = useState(preselected);
  const [offers, setOffers] = useState<EmployerOfferDto[] | null>(null);
  const [offerId, setOfferId] = useState(params.get("offre") ?? "");
  const [start, setStart] = useState("");
  const [end, setEnd] = useState("");
  const [loadError, setLoadError] = useState<string | null>(null);
  const { errors, busy, attempt, summary, submit } = useFormSubmit(fields);
  const today = parisDate(new Date());
  const invalid = (field: string) => (errors[field] ? true : undefined);

  // The people, by name when the employer searches; the one chosen (e.g. just created) stays in the list.
  useEffect(() => {
    const controller = new AbortController();
    const q = query.trim();
    const timer = setTimeout(async () => {
      try {
        const list = await fetchHireableCandidates({ q: q || undefined }, controller.signal);
        let items = list.items;
        if (preselected && !chosen && !items.some((p) => p.id === preselected)) {
          items = [...(await fetchHireableCandidates({ candidateId: preselected }, controller.signal)).items, ...items];
        }
        if (!q) setTotal(list.total);
        setPeople(items);
        setChosen((current) => current ?? items.find((p) => p.id === candidateId) ?? null);
      } catch (e) {
        if (!controller.signal.aborted) setLoadError(errorMessage(e));
      }
    }, q ? 250 : 0);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  useEffect(() => {
    const controller = new AbortController();
    fetchMyOffers(acting.id, controller.signal).then(setOffers, (e: unknown) => {
      if (!controller.signal.aborted) setLoadError(errorMessage(e));
    });
    return () => controller.abort();
  }, [acting.id]);

  const options = people ? [...(chosen && !people.some((p) => p.id === chosen.id) ? [chosen] : []), ...people] : [];
  const choose = (id: string) => {
    setCandidateId(id);
    setChosen(options.find((p) => p.id === id) ?? null);
  };
  const openOffers = (offers ?? []).filter((o) => o.status === "open");
  const closedOffers = (offers ?? []).filter((o) => o.status !== "open");
  // Coming back from the candidate form: here again, with the offer already chosen.
  const here = offerId ? withParam(applicationPaths.directHire, "offre", offerId) : applicationPaths.directHire;

  const send = (event: FormEvent<HTMLFormElement>) =>
    submit(event, {
      validate: () => {
        const local: Record<string, string> = {};
        if (!candidateId) local.candidateId = t.missingPerson;
        if (!start) local.hiringStartAt = t.missingStart;
        if (start && end && end < start) local.hiringEndAt = t.endBeforeStart;
        return local;
      },
      send: async () => {
        const created = await sendApplication({ candidateId, offerId: offerId || null, hiringStartAt: start, hiringEndAt: end || null });
        session.flash(t.done(chosen ? personName(chosen) : ""), applicationPaths.detail(created.id));
        navigate(applicationPaths.detail(created.id));
      },
      failure: (e) => (e instanceof ApiError && e.code === "application.already_active" ? { errors: {}, general: t.alreadyActive } : failureOf(e, fieldOfCode)),
    });

  const createLink = (
    <Link className="fr-btn fr-btn--secondary fr-icon-user-add-line fr-btn--icon-left" href={withReturn(paths.newCandidate, here)}>
      {t.createProfile}
    </Link>
  );

  return (
    <>
      <PageHeading>{fr.titles.directHire}</PageHeading>
      <p className="fr-text--lead">{t.lead}</p>
      <p className="fr-text--sm">{t.required}</p>
      {loadError && <Alert severity="error" small description={loadError} className="fr-mb-3w" />}
      <ErrorSummary errors={summary} attempt={attempt} title={t.errorsTitle(summary.length)} />
      <form onSubmit={send} noValidate>
        <fieldset className="fr-fieldset" aria-labelledby="hire-person-legend">
          <legend id="hire-person-legend" className="fr-fieldset__legend fr-h4">{t.person}</legend>
          {people === null ? (
            <div className="fr-fieldset__element"><p role="status">{t.loading}</p></div>
          ) : total === 0 && options.length === 0 ? (
            <div className="fr-fieldset__element">
              <p id={fields.candidateId} tabIndex={-1}>{t.nobody}</p>
              {errors.candidateId && <p className="fr-error-text fr-mb-2w">{errors.candidateId}</p>}
              {createLink}
            </div>
          ) : (
            <>
              {total > 100 && (
                <div className="fr-fieldset__element">
                  <Input
                    label={t.search}
                    hintText={t.searchHint(total)}
                    nativeInputProps={{ type: "search", value: query, onChange: (e) => setQuery(e.target.value), autoComplete: "off" }}
                  />
                  {query.trim() && people.length === 0 && <p className="fr-text--sm" role="status">{t.noMatch}</p>}
                </div>
              )}
              <div className="fr-fieldset__element">
                <Select
                  label={t.personLabel}
                  hint={t.personHint}
                  {...fieldState(errors.candidateId)}
                  nativeSelectProps={{ id: fields.candidateId, name: "candidateId", required: true, "aria-invalid": invalid("candidateId"), value: candidateId, onChange: (e) => choose(e.target.value) }}
                >
                  <option value="" disabled>{t.choosePerson}</option>
                  {options.map((p) => <option key={p.id} value={p.id}>{personLabel(p)}</option>)}
                </Select>
              </div>
              <div className="fr-fieldset__element">
                <p className="fr-mb-1w">{t.notListed}</p>
                {createLink}
              </div>
            </>
          )}
        </fieldset>

        <fieldset className="fr-fieldset" aria-labelledby="hire-job-legend">
          <legend id="hire-job-legend" className="fr-fieldset__legend fr-h4">{t.job}</legend>
          <div className="fr-fieldset__element">
            <Select label={t.offer} hint={t.offerHint} {...fieldState(errors.offerId)} nativeSelectProps={{ id: fields.offerId, name: "offerId", "aria-invalid": invalid("offerId"), value: offerId, onChange: (e) => setOfferId(e.target.value) }}>
              <option value="">{t.noOffer}</option>
              {openOffers.length > 0 && (
                <optgroup label={t.openOffers}>
                  {openOffers.map((o) => <option key={o.id} value={o.id}>{`${o.title} — ${o.place.communeName}`}</option>)}
                </optgroup>
              )}
              {closedOffers.length > 0 && (
                <optgroup label={t.closedOffers}>
                  {closedOffers.map((o) => <option key={o.id} value={o.id}>{`${o.title} — ${o.place.communeName}`}</option>)}
                </optgroup>
              )}
            </Select>
          </div>
        </fieldset>

        <fieldset className="fr-fieldset" aria-labelledby="hire-contract-legend">
          <legend id="hire-contract-legend" className="fr-fieldset__legend fr-h4">{t.contract}</legend>
          <div className="fr-fieldset__element">
            <Input
              className="tremplin-field-narrow"
              label={t.start}
              hintText={t.startHint}
              {...fieldState(errors.hiringStartAt)}
              nativeInputProps={{
                id: fields.hiringStartAt,
                "aria-invalid": invalid("hiringStartAt"),
                type: "date",
                name: "hiringStartAt",
                required: true,
                // A GEIQ may record a contract that has already started (its prior-to-hire actions).
                min: acting.kind === "GEIQ" ? undefined : today,
                max: addMonths(today, 6),
                value: start,
                onChange: (e) => setStart(e.target.value),
              }}
            />
          </div>
          <div className="fr-fieldset__element">
            <Input
              className="tremplin-field-narrow"
              label={t.end}
              hintText={t.endHint}
              {...fieldState(errors.hiringEndAt)}
              nativeInputProps={{ id: fields.hiringEndAt, "aria-invalid": invalid("hiringEndAt"), type: "date", name: "hiringEndAt", min: start || today, value: end, onChange: (e) => setEnd(e.target.value) }}
            />
          </div>
        </fieldset>

        <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-2w">
          <li><Button type="submit" disabled={busy}>{busy ? t.sending : t.submit}</Button></li>
          <li><Link className="fr-btn fr-btn--secondary" href={applicationPaths.received}>{t.cancel}</Link></li>
        </ul>
      </form>
    </>
  );
};
