// One application: the person (as shared through it, with her current CV), the history, the
// employer's answers (accept with a start date, refuse with a reason and two
// messages, postpone with a message, others in one click) and the messages
// between the employer and the counsellor.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { frenchDate } from "../../applications/application-dates.domain.ts";
import { choosableRefusalReasons, refusalReasons, transitionLabels, type TransitionName } from "../../applications/application-states.domain.ts";
import type { ApplicationDetail, TransitionBody } from "../../applications/applications.contract.ts";
import { ApiError, errorMessage } from "../api/client.ts";
import { PageHeading, usePageTitle } from "../layout/page.tsx";
import { formatDateTime } from "../shared-format.ts";
import { applicationPaths, paths } from "../layout/router.domain.ts";
import { Link } from "../layout/router.tsx";
import { applicationCvUrl, fetchApplication, moveHiringDates, runTransition, sendMessage } from "./applications.api.ts";
import { applicationsFr as fr } from "./applications.fr.ts";
import { stateSeverity } from "./ApplicationsListPage.tsx";
import { RequireSession } from "../accounts/index.ts";

const fieldErrors = (error: unknown): Record<string, string> =>
  error instanceof ApiError && Array.isArray(error.details)
    ? Object.fromEntries((error.details as { field: string; message: string }[]).map((d) => [d.field.replace(/^body\./, ""), d.message]))
    : {};

const withForm = ["accept", "refuse", "postpone"] as const;

export const ApplicationDetailPage = ({ id }: { id: string }) => (
  <RequireSession title={fr.titles.detail} signedOut="explain">
    <ApplicationDetail id={id} />
  </RequireSession>
);

const ApplicationDetail = ({ id }: { id: string }) => {
  usePageTitle(fr.titles.detail);
  const [detail, setDetail] = useState<ApplicationDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [open, setOpen] = useState<TransitionName | "moveDates" | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const statusRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    fetchApplication(id, controller.signal)
      .then(setDetail)
      .catch((e) => {
        if (!controller.signal.aborted) setError(errorMessage(e));
      });
    return () => controller.abort();
  }, [id]);

  /** Runs an employer's answer; the page shows the updated application, or the errors next to their fields. */
  const answer = async (call: () => Promise<ApplicationDetail>, done: string) => {
    setErrors({});
    try {
      setDetail(await call());
      setOpen(null);
      setStatus(done);
      setError(null);
    } catch (e) {
      setErrors(fieldErrors(e));
      setError(errorMessage(e));
      setStatus(null);
    }
    requestAnimationFrame(() => statusRef.current?.focus());
  };
  const act = (body: TransitionBody) => answer(() => runTransition(id, body), fr.detail.done(transitionLabels[body.transition]));

  const submitDates = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const dates = { hiringStartAt: String(f.get("hiringStartAt") ?? ""), hiringEndAt: String(f.get("hiringEndAt") ?? "").trim() || null };
    void answer(() => moveHiringDates(id, dates), fr.detail.datesMoved);
  };

  const submitTransition = (name: (typeof withForm)[number]) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const text = (key: string) => String(f.get(key) ?? "").trim() || null;
    if (name === "accept") void act({ transition: "accept", hiringStartAt: String(f.get("hiringStartAt") ?? ""), hiringEndAt: text("hiringEndAt"), answer: text("answer") });
    if (name === "postpone") void act({ transition: "postpone", answer: String(f.get("answer") ?? "") });
    if (name === "refuse")
      void act({
        transition: "refuse",
        reason: String(f.get("reason") ?? ""),
        reasonSharedWithCandidate: f.get("reasonShared") === "on",
        answerToCandidate: text("answerToCandidate"),
        answerToSender: text("answerToSender"),
      } as TransitionBody);
  };

  const postMessage = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const body = String(new FormData(form).get("body") ?? "");
    try {
      await sendMessage(id, body);
      setDetail(await fetchApplication(id));
      form.reset();
      setStatus(fr.detail.sent);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  if (!detail) {
    return (
      <>
        <PageHeading>{fr.titles.detail}</PageHeading>
        {error ? <Alert severity="error" title="Erreur" description={error} /> : <p aria-live="polite">Chargement…</p>}
      </>
    );
  }
  const c = detail.candidate;
  const name = c.anonymised ? fr.table.anonymised : [c.firstName, c.lastName].filter(Boolean).join(" ");
  const back = detail.viewerSide === "employer" ? applicationPaths.received : detail.viewerSide === "prescriber" ? applicationPaths.sent : applicationPaths.mine;
  const describe = (key: string) => (errors[key] ? { state: "error" as const, stateRelatedMessage: errors[key] } : {});

  return (
    <>
      <Link href={back} className="fr-link fr-icon-arrow-left-line fr-link--icon-left">
        {fr.detail.back}
      </Link>
      <PageHeading>
        {detail.viewerSide === "candidate" ? detail.employerName : name} — {detail.offer?.title ?? fr.table.spontaneous}
      </PageHeading>
      <p>
        <Badge severity={stateSeverity(detail.state)} noIcon>
          {detail.stateLabel}
        </Badge>{" "}
        {detail.hiringStartAt && fr.detail.hiring(frenchDate(detail.hiringStartAt), detail.hiringEndAt ? frenchDate(detail.hiringEndAt) : null)}
      </p>
      <div ref={statusRef} tabIndex={-1} aria-live="polite">
        {status && <Alert severity="success" small description={status} />}
        {error && <Alert severity="error" small description={error} />}
      </div>

      <h2 className="fr-h4 fr-mt-4w">{detail.viewerSide === "candidate" ? fr.detail.candidateSelf : fr.detail.candidate}</h2>
      <dl className="tremplin-facts">
        <dt>Nom</dt>
        <dd>{name}</dd>
        <dt>{fr.detail.email}</dt>
        <dd>{c.email ?? fr.detail.unknown}</dd>
        <dt>{fr.detail.phone}</dt>
        <dd>{c.phone ?? fr.detail.unknown}</dd>
        <dt>{fr.detail.birthYear}</dt>
        <dd>{c.birthYear ?? fr.detail.unknown}</dd>
        <dt>{fr.detail.commune}</dt>
        <dd>{c.postcode ?? fr.detail.unknown}</dd>
        <dt>{fr.detail.cv}</dt>
        <dd>
          {detail.viewerSide === "candidate" ? (
            detail.hasCv ? (
              <>
                {fr.detail.cvSelf} <Link href={paths.myProfile}>{fr.detail.myProfile}</Link>.
              </>
            ) : (
              fr.detail.noCv
            )
          ) : detail.hasCv ? (
            <a className="fr-link fr-link--download" href={applicationCvUrl(detail.id)} download>
              {fr.detail.cvDownload}
            </a>
          ) : (
            fr.detail.noCv
          )}
          {detail.viewerSide !== "candidate" && detail.offer?.withoutCv && <p className="fr-hint-text fr-mb-0">{fr.detail.cvNotRequired(detail.hasCv)}</p>}
        </dd>
      </dl>
      {/* A direct hire recorded by the employer has no message of its own. */}
      {(detail.message || detail.senderKind !== "employer") && (
        <>
          <h2 className="fr-h4">{fr.detail.message}</h2>
          <p style={{ whiteSpace: "pre-wrap" }}>{detail.message || fr.detail.noMessage}</p>
        </>
      )}

      {detail.viewerSide === "employer" && (
        <section aria-labelledby="actions-title">
          <h2 id="actions-title" className="fr-h4">
            {fr.detail.actions}
          </h2>
          {detail.actions.length === 0 && !detail.canEditHiringDates && <p>{fr.detail.noActions}</p>}
          <ul className="fr-btns-group fr-btns-group--inline-md">
            {detail.canEditHiringDates && (
              <li>
                <Button priority="secondary" aria-expanded={open === "moveDates"} onClick={() => setOpen(open === "moveDates" ? null : "moveDates")}>
                  {fr.detail.moveDates}
                </Button>
              </li>
            )}
            {detail.actions.map((action) => (
              <li key={action}>
                <Button
                  priority={action === "accept" ? "primary" : "secondary"}
                  aria-expanded={(withForm as readonly string[]).includes(action) ? open === action : undefined}
                  onClick={() => ((withForm as readonly string[]).includes(action) ? setOpen(open === action ? null : action) : void act({ transition: action } as TransitionBody))}
                >
                  {transitionLabels[action]}
                </Button>
              </li>
            ))}
          </ul>
          {open === "accept" && (
            <form onSubmit={submitTransition("accept")} aria-label={transitionLabels.accept}>
              <Input label={fr.detail.hiringStartAt} hintText={fr.detail.hiringStartHint} nativeInputProps={{ type: "date", name: "hiringStartAt", required: true }} {...describe("hiringStartAt")} />
              <Input label={fr.detail.hiringEndAt} nativeInputProps={{ type: "date", name: "hiringEndAt" }} {...describe("hiringEndAt")} />
              <Input label={fr.detail.answerToCandidate} textArea nativeTextAreaProps={{ name: "answer", rows: 3 }} />
              <Button type="submit">{transitionLabels.accept}</Button>
            </form>
          )}
          {open === "moveDates" && (
            <form onSubmit={submitDates} aria-label={fr.detail.moveDates}>
              <Input
                label={fr.detail.hiringStartAt}
                hintText={fr.detail.moveDatesHint}
                nativeInputProps={{ type: "date", name: "hiringStartAt", required: true, defaultValue: detail.hiringStartAt ?? "" }}
                {...describe("hiringStartAt")}
              />
              <Input label={fr.detail.hiringEndAt} nativeInputProps={{ type: "date", name: "hiringEndAt", defaultValue: detail.hiringEndAt ?? "" }} {...describe("hiringEndAt")} />
              <Button type="submit">{fr.detail.moveDatesSubmit}</Button>
            </form>
          )}
          {open === "postpone" && (
            <form onSubmit={submitTransition("postpone")} aria-label={transitionLabels.postpone}>
              <Input label={fr.detail.postponeAnswer} textArea nativeTextAreaProps={{ name: "answer", rows: 3, required: true }} {...describe("answer")} />
              <Button type="submit">{transitionLabels.postpone}</Button>
            </form>
          )}
          {open === "refuse" && (
            <form onSubmit={submitTransition("refuse")} aria-label={transitionLabels.refuse}>
              <Select label={fr.detail.reason} nativeSelectProps={{ name: "reason", required: true, defaultValue: "" }} {...describe("reason")}>
                <option value="" disabled>
                  {fr.detail.chooseReason}
                </option>
                {choosableRefusalReasons.map((reason) => (
                  <option key={reason} value={reason}>
                    {refusalReasons[reason]}
                  </option>
                ))}
              </Select>
              <div className="fr-checkbox-group fr-mb-3w">
                <input type="checkbox" id="reasonShared" name="reasonShared" defaultChecked />
                <label className="fr-label" htmlFor="reasonShared">
                  {fr.detail.reasonShared}
                </label>
              </div>
              <Input label={fr.detail.answerToCandidate} textArea nativeTextAreaProps={{ name: "answerToCandidate", rows: 3 }} />
              {detail.senderKind === "prescriber" && <Input label={fr.detail.answerToSender} textArea nativeTextAreaProps={{ name: "answerToSender", rows: 3 }} />}
              <Button type="submit">{transitionLabels.refuse}</Button>
            </form>
          )}
        </section>
      )}

      <h2 className="fr-h4 fr-mt-4w">{fr.detail.history}</h2>
      <ol>
        <li>{fr.detail.sentBy(detail.senderKind, formatDateTime(detail.createdAt), detail.senderOrganisationName, detail.viewerSide === "candidate")}</li>
        {detail.transitions.map((t) => (
          <li key={`${t.at}-${t.transition}`}>
            {formatDateTime(t.at)} : {t.label}
            {detail.viewerSide !== "candidate" && fr.detail.by(t.byUserName)}
            {t.refusalReasonLabel && ` — ${t.refusalReasonLabel}`}
            {(t.transition === "edit_hiring_dates" || t.transition === "accept") && t.hiringStartAt && ` — ${fr.detail.hiringShort(frenchDate(t.hiringStartAt), t.hiringEndAt ? frenchDate(t.hiringEndAt) : null)}`}
            {t.answerToCandidate && <blockquote className="fr-mt-1w">{t.answerToCandidate}</blockquote>}
            {t.answerToSender && <blockquote className="fr-mt-1w">{t.answerToSender}</blockquote>}
          </li>
        ))}
      </ol>

      {detail.canWriteMessages && (
        <section aria-labelledby="messages-title">
          <h2 id="messages-title" className="fr-h4 fr-mt-4w">
            {fr.detail.messages}
          </h2>
          {detail.messages.length === 0 ? (
            <p>{fr.detail.noMessages}</p>
          ) : (
            <ul>
              {detail.messages.map((m) => (
                <li key={m.id}>
                  <strong>
                    {m.authorSide === "employer" ? fr.detail.fromEmployer : fr.detail.fromPrescriber} — {[m.authorName, m.authorOrganisationName].filter(Boolean).join(", ")}
                  </strong>{" "}
                  ({formatDateTime(m.createdAt)})<p style={{ whiteSpace: "pre-wrap" }}>{m.body}</p>
                </li>
              ))}
            </ul>
          )}
          <form onSubmit={postMessage}>
            <Input label={fr.detail.newMessage} textArea nativeTextAreaProps={{ name: "body", rows: 3, required: true, maxLength: 5000 }} />
            <Button type="submit">{fr.detail.send}</Button>
          </form>
        </section>
      )}
    </>
  );
};
