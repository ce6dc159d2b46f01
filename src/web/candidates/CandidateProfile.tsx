// A candidate's profile: zoning with its certainty, details, CV, consent, export and erasure.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { barrierLabel } from "../../candidates/barriers.domain.ts";
import type { CandidateDto } from "../../candidates/candidates.contract.ts";
import { availabilityLabels, languageLevelLabels, mobilityMeanLabels, type MobilityMean } from "../../candidates/candidates.domain.ts";
import { errorMessage } from "../api/client.ts";
import { formatBytes, formatDateFr } from "./candidate-form.domain.ts";
import { cvUrl, deleteCv, eraseCandidate, exportUrl, recordConsent, uploadCv } from "./candidates.api.ts";
import { candidatesText } from "./candidates.fr.ts";
import { LocationBadges } from "./LocationBadges.tsx";

const t = candidatesText.profile;

const Row = ({ term, children }: { term: string; children: ReactNode }) => (
  <div className="tremplin-dl__row">
    <dt>{term}</dt>
    <dd>{children}</dd>
  </div>
);
const listOr = (items: string[]) => (items.length ? items.join(", ") : t.none);

type Section = "cv" | "consent" | "rgpd";

/** Where the result of an action is said: in its own section, so that the page does not jump to its top. */
const Status = ({ section, message }: { section: Section; message: { section: Section; severity: "success" | "error"; text: string } | null }) => (
  <div id={`candidate-status-${section}`} tabIndex={-1} aria-live="polite">
    {message?.section === section && <Alert severity={message.severity} small description={message.text} className="fr-mb-2w" />}
  </div>
);

/**
 * A confirmation asked in the page (DSFR warning alert as an alertdialog): the focus moves to it when it opens,
 * Escape or "Annuler" closes it and the caller gives the focus back to the button that opened it.
 */
const Confirmation = ({ id, title, text, confirm, busy, onConfirm, onCancel }: {
  id: string; title: string; text: string; confirm: string; busy: boolean; onConfirm: () => void; onCancel: () => void;
}) => {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      className="fr-alert fr-alert--warning fr-mt-2w"
      role="alertdialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <h3 id={`${id}-title`} className="fr-alert__title">{title}</h3>
      <p id={`${id}-text`}>{text}</p>
      <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-2w">
        <li><Button disabled={busy} onClick={onConfirm}>{confirm}</Button></li>
        <li><Button priority="secondary" onClick={onCancel}>{candidatesText.form.cancel}</Button></li>
      </ul>
    </div>
  );
};

/** `self`: the person looks at their own profile ("vous"). */
export const CandidateProfile = ({ candidate, self = false, onChanged, onErased }: { candidate: CandidateDto; self?: boolean; onChanged: () => void; onErased: () => void }) => {
  const [message, setMessage] = useState<{ section: Section; severity: "success" | "error"; text: string } | null>(null);
  const [cvError, setCvError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<"cv" | "erase" | null>(null);
  // The button that opened a cancelled confirmation gets the focus back once it is enabled again.
  const cvDeleteRef = useRef<HTMLButtonElement>(null);
  const eraseRef = useRef<HTMLButtonElement>(null);
  const [restoreFocus, setRestoreFocus] = useState<"cv" | "erase" | null>(null);
  useEffect(() => {
    if (!restoreFocus) return;
    (restoreFocus === "cv" ? cvDeleteRef : eraseRef).current?.focus();
    setRestoreFocus(null);
  }, [restoreFocus]);
  const cancel = () => {
    setRestoreFocus(confirming);
    setConfirming(null);
  };
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const cvHintId = useId();
  const cvErrorId = useId();
  // Focus follows the message to its section, once it is shown (again once an erased profile has reloaded).
  const [focusTick, setFocusTick] = useState(0);
  useEffect(() => {
    if (message) document.getElementById(`candidate-status-${message.section}`)?.focus();
  }, [focusTick, candidate.anonymisedAt]);

  const run = async (section: Section, work: () => Promise<unknown>, success: string, after: () => void = onChanged) => {
    setBusy(true);
    setCvError(null);
    try {
      await work();
      setMessage({ section, severity: "success", text: success });
      after();
    } catch (error) {
      setMessage({ section, severity: "error", text: errorMessage(error) });
    } finally {
      setBusy(false);
      setFocusTick((n) => n + 1);
    }
  };

  /** A wrong file is a field error, said next to the file input that keeps the focus. */
  const upload = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setCvError(t.cvChoose);
      fileRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await uploadCv(candidate.id, file);
      setCvError(null);
      setMessage({ section: "cv", severity: "success", text: t.cvUploaded });
      setFocusTick((n) => n + 1);
      onChanged();
      if (fileRef.current) fileRef.current.value = "";
    } catch (error) {
      setCvError(errorMessage(error));
      fileRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const consent = candidate.consent;
  const anonymised = candidate.anonymisedAt !== null;

  return (
    <div>
      {/* Once erased, the sections are gone: the erasure's result is said above the notice. */}
      {anonymised && <Status section="rgpd" message={message} />}
      {anonymised && <Alert severity="info" small description={t.anonymisedLead} className="fr-mb-3w" />}

      <section className="fr-mb-4w" aria-labelledby="candidate-location">
        <h2 id="candidate-location" className="fr-h4">{t.location}</h2>
        {candidate.address && <p className="fr-mb-1w">{candidate.address}</p>}
        {candidate.location.label && candidate.location.label !== candidate.address && <p className="fr-text--sm fr-mb-1w">{t.matchedAddress(candidate.location.label)}</p>}
        <LocationBadges location={candidate.location} detailed />
      </section>

      {!anonymised && (
        <>
          <section className="fr-mb-4w" aria-labelledby="candidate-details">
            <h2 id="candidate-details" className="fr-h4">{t.contact}</h2>
            <dl className="tremplin-dl">
              <Row term={t.email}>{candidate.email ?? t.none}</Row>
              <Row term={t.phone}>{candidate.phone ?? t.none}</Row>
              <Row term={t.birthYear}>{candidate.birthYear ?? t.none}</Row>
            </dl>
          </section>

          <section className="fr-mb-4w" aria-labelledby="candidate-search">
            <h2 id="candidate-search" className="fr-h4">{t.jobSearch}</h2>
            <dl className="tremplin-dl">
              <Row term={t.jobs}>{listOr(candidate.targetAppellationLabels.map((a) => a.label))}</Row>
              <Row term={t.skills}>{listOr(candidate.skillLabels.map((s) => s.label))}</Row>
              <Row term={t.languages}>{listOr(candidate.languages.map((l) => `${l.name} (${languageLevelLabels[l.level].toLowerCase()})`))}</Row>
              <Row term={t.licences}>{listOr(candidate.drivingLicences)}</Row>
              <Row term={t.mobility}>
                {[candidate.mobilityRadiusKm !== null ? t.radius(candidate.mobilityRadiusKm) : null, ...candidate.mobilityMeans.map((m) => mobilityMeanLabels[m as MobilityMean] ?? m)].filter(Boolean).join(", ") || t.none}
              </Row>
              <Row term={t.availability}>
                {candidate.availability ? `${availabilityLabels[candidate.availability]}${candidate.availableFrom ? ` : ${formatDateFr(candidate.availableFrom)}` : ""}` : t.none}
              </Row>
              <Row term={t.followedBy}>{candidate.followedBy.length ? candidate.followedBy.map((f) => f.name).join(", ") : t.noFollower}</Row>
            </dl>
          </section>

          <section className="fr-mb-4w" aria-labelledby="candidate-barriers">
            <h2 id="candidate-barriers" className="fr-h4">{t.barriers}</h2>
            {candidate.barriers.length ? (
              <ul className="fr-tags-group">
                {candidate.barriers.map((code) => <li key={code}><p className="fr-tag">{barrierLabel(code)}</p></li>)}
              </ul>
            ) : (
              <p>{t.none}</p>
            )}
          </section>

          <section className="fr-mb-4w" aria-labelledby="candidate-cv">
            <h2 id="candidate-cv" className="fr-h4">{t.cv}</h2>
            <Status section="cv" message={message} />
            {candidate.cv ? (
              <>
                <p>{t.cvFile(candidate.cv.fileName, formatBytes(candidate.cv.sizeBytes), formatDateFr(candidate.cv.uploadedAt))}</p>
                <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
                  <li><a className="fr-btn fr-btn--secondary" href={cvUrl(candidate.id)} download>{t.cvDownload}</a></li>
                  <li><Button ref={cvDeleteRef} priority="tertiary" disabled={busy || confirming === "cv"} onClick={() => setConfirming("cv")}>{t.cvDelete}</Button></li>
                </ul>
                {confirming === "cv" && (
                  <Confirmation
                    id="cv-delete"
                    title={t.cvDeleteConfirmTitle}
                    text={self ? t.cvDeleteConfirmSelf : t.cvDeleteConfirm}
                    confirm={t.cvDeleteConfirmButton}
                    busy={busy}
                    onConfirm={() => {
                      setConfirming(null);
                      void run("cv", () => deleteCv(candidate.id), t.cvDeleted);
                    }}
                    onCancel={cancel}
                  />
                )}
              </>
            ) : (
              <p>{t.noCv}</p>
            )}
            <form onSubmit={upload} className="fr-mt-2w">
              <div className={`fr-upload-group${cvError ? " fr-upload-group--error" : ""}`}>
                <label className="fr-label" htmlFor="candidate-cv-file">
                  {t.cvLabel}
                  <span className="fr-hint-text" id={cvHintId}>{t.cvHint}</span>
                </label>
                <input
                  ref={fileRef}
                  className="fr-upload"
                  type="file"
                  id="candidate-cv-file"
                  accept="application/pdf,.pdf"
                  aria-describedby={cvError ? `${cvHintId} ${cvErrorId}` : cvHintId}
                  aria-invalid={cvError ? true : undefined}
                />
                {cvError && <p className="fr-error-text" id={cvErrorId}>{cvError}</p>}
              </div>
              <Button type="submit" size="small" className="fr-mt-2w" disabled={busy}>{t.cvUpload}</Button>
            </form>
          </section>

          <section className="fr-mb-4w" aria-labelledby="candidate-consent">
            <h2 id="candidate-consent" className="fr-h4">{t.consent}</h2>
            <Status section="consent" message={message} />
            {consent && (
              <p>
                {consent.decision === "given" ? t.consentGiven(formatDateFr(consent.at), (self ? t.givenBySelf : t.givenBy)[consent.givenBy] ?? consent.givenBy) : t.consentWithdrawn(formatDateFr(consent.at))}
              </p>
            )}
            <Button
              priority="secondary"
              size="small"
              disabled={busy}
              onClick={() => run("consent", () => recordConsent(candidate.id, consent?.decision === "given" ? "withdrawn" : "given"), t.consentRecorded)}
            >
              {consent?.decision === "given" ? t.withdraw : t.giveAgain}
            </Button>
          </section>

          <section className="fr-mb-4w" aria-labelledby="candidate-rgpd">
            <h2 id="candidate-rgpd" className="fr-h4">{t.rgpd}</h2>
            <Status section="rgpd" message={message} />
            <p>{self ? t.rgpdLeadSelf : t.rgpdLead}</p>
            <ul className="fr-btns-group fr-btns-group--inline-md">
              <li><a className="fr-btn fr-btn--secondary" href={exportUrl(candidate.id)} download>{t.export}</a></li>
              <li><Button ref={eraseRef} priority="tertiary" onClick={() => setConfirming("erase")} disabled={confirming === "erase"}>{t.erase}</Button></li>
            </ul>
            {confirming === "erase" && (
              <Confirmation
                id="erase"
                title={t.eraseConfirmTitle}
                text={self ? t.eraseConfirmSelf : t.eraseConfirm}
                confirm={t.eraseConfirmButton}
                busy={busy}
                onConfirm={() => void run("rgpd", () => eraseCandidate(candidate.id), t.erased, onErased)}
                onCancel={cancel}
              />
            )}
          </section>
        </>
      )}
    </div>
  );
};
