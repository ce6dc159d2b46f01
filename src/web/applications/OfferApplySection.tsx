// The "Postuler" section of the public offer page, by who reads it: a visitor is invited to sign in or to create a
// candidate account (coming back here); a candidate applies herself with a short message, once her profile exists;
// a counsellor of a prescriber goes to "Postuler pour un candidat" with the offer chosen; anyone else sees nothing.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from "react";
import type { CandidateDto } from "../../candidates/candidates.contract.ts";
import type { OfferDto } from "../../offers/offers.contract.ts";
import { signInUrl, useSession } from "../accounts/index.ts";
import { withReturn } from "../accounts/session.domain.ts";
import { ApiError, errorMessage } from "../api/client.ts";
import { fetchMyProfile } from "../candidates/candidates.api.ts";
import { failureOf } from "../forms/form-submit.domain.ts";
import { ErrorSummary, fieldState } from "../forms/forms.tsx";
import { useFormSubmit } from "../forms/useFormSubmit.ts";
import { applicationPaths, paths } from "../layout/router.domain.ts";
import { Link, navigate } from "../layout/router.tsx";
import { fetchApplications, sendApplication } from "./applications.api.ts";
import { applicationsFr } from "./applications.fr.ts";
import { activeApplicationTo, candidateChoice, offerReader } from "./offer-apply.domain.ts";

const t = applicationsFr.self;
const unknown = applicationsFr.detail.unknown;
const fields = { message: "apply-message" };

export const OfferApplySection = ({ offer }: { offer: OfferDto }) => {
  const { status, kind, acting } = useSession();
  const reader = offerReader(status, kind, acting?.family ?? null);
  const open = offer.status === "open";
  const here = paths.offer(offer.id);

  if (reader === "loading" || reader === "other") return null;
  if (reader === "candidate") return <CandidateApply offer={offer} />;
  if (!open) return null;
  return (
    <Section>
      {reader === "signedOut" ? (
        <>
          <p>{t.signedOut}</p>
          <ul className="fr-btns-group fr-btns-group--inline-md">
            <li><Link className="fr-btn" href={signInUrl(here)}>{t.signIn}</Link></li>
            <li><Link className="fr-btn fr-btn--secondary" href={withReturn(`${paths.signUp}?compte=candidat`, here)}>{t.signUp}</Link></li>
          </ul>
        </>
      ) : (
        <>
          <p>{t.prescriberLead}</p>
          <Link className="fr-btn fr-icon-send-plane-line fr-btn--icon-left" href={`${applicationPaths.apply}?offre=${encodeURIComponent(offer.id)}`}>{t.prescriber}</Link>
        </>
      )}
    </Section>
  );
};

const Section = ({ title = t.title, children }: { title?: string; children: ReactNode }) => (
  <section aria-labelledby="offer-apply-title" className="fr-mt-4w fr-mb-4w">
    <h2 id="offer-apply-title">{title}</h2>
    {children}
  </section>
);

type Loaded = { profile: CandidateDto | null; activeApplicationId: string | null };

/** Her profile (none yet: the API's candidate.no_profile) and her application in progress to this offer, if any. */
const loadCandidate = async (offerId: string, signal: AbortSignal): Promise<Loaded> => {
  const profile = await fetchMyProfile(signal).catch((e: unknown) => {
    if (e instanceof ApiError && e.code === "candidate.no_profile") return null;
    throw e;
  });
  if (!profile) return { profile, activeApplicationId: null };
  const mine = await fetchApplications("mine", { offerId }, signal);
  return { profile, activeApplicationId: activeApplicationTo(mine.items, offerId) };
};

const CandidateApply = ({ offer }: { offer: OfferDto }) => {
  const session = useSession();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [message, setMessage] = useState("");
  const { errors, busy, attempt, summary, submit } = useFormSubmit(fields);
  const openerRef = useRef<HTMLButtonElement>(null);
  const here = paths.offer(offer.id);

  useEffect(() => {
    const controller = new AbortController();
    loadCandidate(offer.id, controller.signal).then(setLoaded, (e: unknown) => {
      if (!controller.signal.aborted) setError(errorMessage(e));
    });
    return () => controller.abort();
  }, [offer.id]);

  // The form opens on the message field; cancelling it brings the focus back to the button that opened it.
  const toggled = useRef(false);
  useEffect(() => {
    if (!toggled.current) return;
    if (formOpen) document.getElementById(fields.message)?.focus();
    else openerRef.current?.focus();
  }, [formOpen]);
  const toggle = (value: boolean) => {
    toggled.current = true;
    setFormOpen(value);
  };

  if (error) return <Section><Alert severity="error" small description={error} /></Section>;
  if (!loaded) return <Section><p role="status">{t.loading}</p></Section>;
  const choice = candidateChoice({ open: offer.status === "open", hasProfile: loaded.profile !== null, activeApplicationId: loaded.activeApplicationId });
  if (choice === "closed") return null;

  if (choice === "applied") {
    return (
      <Section title={t.appliedTitle}>
        <Alert severity="info" small description={t.applied} className="fr-mb-2w" />
        <Link className="fr-btn fr-btn--secondary" href={applicationPaths.detail(loaded.activeApplicationId!)}>{t.seeApplication}</Link>
      </Section>
    );
  }
  if (choice === "needsProfile") {
    return (
      <Section>
        <p>{t.needsProfile}</p>
        <Link className="fr-btn" href={withReturn(paths.myProfile, here)}>{t.createProfile}</Link>
      </Section>
    );
  }

  const profile = loaded.profile!;
  const send = (event: FormEvent<HTMLFormElement>) =>
    submit(event, {
      send: async () => {
        const created = await sendApplication({ offerId: offer.id, message });
        session.flash(t.sent(offer.employer.name), applicationPaths.detail(created.id));
        navigate(applicationPaths.detail(created.id));
      },
      failure: (e) => {
        // Sent meanwhile (another tab), or the profile erased meanwhile: the section says what is left to do.
        if (e instanceof ApiError && (e.code === "application.already_active" || e.code === "application.no_candidate_profile")) {
          void loadCandidate(offer.id, new AbortController().signal).then(setLoaded, () => {});
          return null;
        }
        return failureOf(e);
      },
    });

  return (
    <Section>
      {!formOpen ? (
        <Button ref={openerRef} iconId="fr-icon-send-plane-line" iconPosition="left" onClick={() => toggle(true)}>
          {t.open}
        </Button>
      ) : (
        <form onSubmit={send} noValidate aria-labelledby="offer-apply-title">
          <ErrorSummary errors={summary} attempt={attempt} title={t.errorsTitle(summary.length)} />
          <Input
            label={t.message}
            hintText={t.messageHint}
            textArea
            {...fieldState(errors.message)}
            nativeTextAreaProps={{ id: fields.message, "aria-invalid": errors.message ? true : undefined, name: "message", rows: 6, maxLength: 5000, value: message, onChange: (e) => setMessage(e.target.value) }}
          />
          <div className="fr-callout fr-mb-3w">
            <h3 className="fr-callout__title fr-h6">{t.shared}</h3>
            <p className="fr-callout__text fr-text--md">{t.sharedLead}</p>
            <dl className="tremplin-offer-facts">
              <dt>{t.name}</dt>
              <dd>{[profile.firstName, profile.lastName].filter(Boolean).join(" ") || unknown}</dd>
              <dt>{applicationsFr.detail.email}</dt>
              <dd>{profile.email ?? unknown}</dd>
              <dt>{applicationsFr.detail.phone}</dt>
              <dd>{profile.phone ?? unknown}</dd>
              <dt>{applicationsFr.detail.birthYear}</dt>
              <dd>{profile.birthYear ?? unknown}</dd>
              <dt>{applicationsFr.detail.commune}</dt>
              <dd>{profile.location.postcode ?? unknown}</dd>
              <dt>{t.cv}</dt>
              <dd>{profile.cv?.fileName ?? t.noCv}</dd>
            </dl>
            <p className="fr-text--sm">
              {t.notShared} {profile.cv ? t.cvShared : t.cvNone}
              {offer.withoutCv && ` ${t.cvNotRequired}`}
            </p>
            <Link className="fr-link fr-icon-edit-line fr-link--icon-left" href={paths.myProfile}>{t.editProfile}</Link>
          </div>
          <ul className="fr-btns-group fr-btns-group--inline-md">
            <li><Button type="submit" disabled={busy}>{busy ? t.sending : t.submit}</Button></li>
            <li>
              <Button type="button" priority="secondary" onClick={() => toggle(false)}>{t.cancel}</Button>
            </li>
          </ul>
        </form>
      )}
    </Section>
  );
};
