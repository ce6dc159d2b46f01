// "Mes offres": the acting employer's offers, open then closed, with what needs refreshing (stale at 60 days,
// closed automatically at 90, as the API says), and the actions: modify, confirm, close (with a reason), reopen.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import type { EmployerOfferDto } from "../../offers/offers.contract.ts";
import { closeReasons } from "../../offers/offers.domain.ts";
import { RequireSession, useSession } from "../accounts/index.ts";
import { errorMessage } from "../api/client.ts";
import { useLoad } from "../api/use-load.ts";
import { PageHeading, usePageTitle } from "../layout/page.tsx";
import { Link } from "../layout/router.tsx";
import { applicationPaths, paths } from "../layout/router.domain.ts";
import { freshnessOf, sortMyOffers, staleCount } from "./my-offers.domain.ts";
import { formatHours } from "./offer-search.domain.ts";
import { closeOffer, type CloseOfferBody, confirmOffer, fetchMyOffers, reopenOffer } from "./offers.api.ts";
import { frenchDate, offersText } from "./offers.fr.ts";
import { OfferConditions } from "./OfferSummary.tsx";

const t = offersText.mine;

/** Words that screen readers hear after a button's visible text (its accessible name keeps the visible text first). */
const Sr = ({ text }: { text: string }) => <span className="fr-sr-only">{text}</span>;

type Notice = { severity: "success" | "error"; message: string } | null;

const CloseForm = ({ offer, onClose, onCancel }: { offer: EmployerOfferDto; onClose: (body: CloseOfferBody) => Promise<void>; onCancel: () => void }) => {
  const [reason, setReason] = useState<CloseOfferBody["reason"]>("filled");
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState(false);
  const legendId = useId();
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    try {
      await onClose({ reason, ...(comment.trim() ? { comment: comment.trim() } : {}) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} className="fr-mt-2w tremplin-offer-close" aria-labelledby={legendId}>
      <fieldset className="fr-fieldset">
        <legend id={legendId} className="fr-fieldset__legend fr-text--bold">{t.closeLegend(offer.title)}</legend>
        <div className="fr-fieldset__element">
          <Select label={t.closeReason} nativeSelectProps={{ ref: first, value: reason, onChange: (e) => setReason(e.target.value as CloseOfferBody["reason"]) }}>
            {Object.entries(closeReasons).map(([code, label]) => <option key={code} value={code}>{label}</option>)}
          </Select>
        </div>
        <div className="fr-fieldset__element">
          <Input label={t.closeComment} nativeInputProps={{ value: comment, maxLength: 1000, onChange: (e) => setComment(e.target.value) }} />
        </div>
        <div className="fr-fieldset__element">
          <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
            <li><Button type="submit" size="small" disabled={busy}>{t.closeSubmit}</Button></li>
            <li><Button type="button" size="small" priority="secondary" onClick={onCancel}>{t.cancel}</Button></li>
          </ul>
        </div>
      </fieldset>
    </form>
  );
};

const OfferCard = ({ offer, onChange }: { offer: EmployerOfferDto; onChange: (offer: EmployerOfferDto, message: string) => void }) => {
  const [closing, setClosing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const freshness = freshnessOf(offer, new Date());
  const run = (action: () => Promise<EmployerOfferDto>, message: (title: string) => string) => async () => {
    setError(null);
    setBusy(true);
    try {
      const changed = await action();
      setClosing(false);
      onChange(changed, message(changed.title));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <article className="fr-card fr-mb-3w tremplin-my-offer" data-testid="my-offer">
      <div className="fr-card__body">
        <div className="fr-card__content">
          <h3 className="fr-card__title">
            <Link href={paths.offer(offer.id)}>{offer.title}</Link>
          </h3>
          <p className="fr-card__desc">
            {t.details(offer.contractTypeLabel, formatHours(offer.hoursPerWeek), offersText.search.positions(offer.positions), offer.place.addressLabel ?? offer.place.communeName)}
          </p>
          <div className="fr-card__start">
            <ul className="fr-badges-group">
              <li>
                <Badge small noIcon as="span" severity={offer.status === "open" ? "success" : undefined}>{offer.status === "open" ? t.statusOpen : t.statusClosed}</Badge>
              </li>
              {freshness.kind === "stale" && (
                <li><Badge small as="span" severity="warning">{t.staleBadge}</Badge></li>
              )}
            </ul>
          </div>
          <div className="fr-card__end">
            <p className="fr-card__detail">{t.updated(frenchDate(offer.updatedAt))} · {offer.appellation.label} ({offer.appellation.romeCode})</p>
            <OfferConditions offer={offer} />
            {freshness.kind === "stale" && (
              <Alert className="fr-mt-1w" severity="warning" small description={t.staleNotice(freshness.closesOn && frenchDate(freshness.closesOn), freshness.daysLeft)} />
            )}
            {error && <Alert className="fr-mt-1w" severity="error" small description={error} />}
          </div>
        </div>
        <div className="fr-card__footer">
          <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm fr-btns-group--icon-left" aria-label={t.actionsLabel(offer.title)}>
            <li>
              <Link className="fr-btn fr-btn--sm fr-btn--secondary fr-icon-edit-line" href={paths.editOffer(offer.id)}>{t.edit}<Sr text={t.ofOffer(offer.title)} /></Link>
            </li>
            {offer.status === "open" && (
              <li>
                <Button size="small" priority={freshness.kind === "stale" ? "primary" : "secondary"} iconId="fr-icon-check-line" disabled={busy} title={t.confirmHint}
                  onClick={run(() => confirmOffer(offer.id), t.confirmed)}>
                  {t.confirm}<Sr text={t.whichOffer(offer.title)} />
                </Button>
              </li>
            )}
            {offer.status === "open" && (
              <li>
                <Button size="small" priority="tertiary" iconId="fr-icon-close-circle-line" disabled={busy}
                  nativeButtonProps={{ "aria-expanded": closing }} onClick={() => setClosing((c) => !c)}>
                  {t.close}<Sr text={t.ofOffer(offer.title)} />
                </Button>
              </li>
            )}
            {offer.status === "closed" && (
              <li>
                <Button size="small" priority="secondary" iconId="fr-icon-refresh-line" disabled={busy}
                  onClick={run(() => reopenOffer(offer.id), t.reopened)}>
                  {t.reopen}<Sr text={t.ofOffer(offer.title)} />
                </Button>
              </li>
            )}
            <li>
              <Link className="fr-btn fr-btn--sm fr-btn--tertiary fr-icon-mail-line" href={`${applicationPaths.received}?offre=${encodeURIComponent(offer.id)}`}>
                {t.applications}<Sr text={t.forOffer(offer.title)} />
              </Link>
            </li>
          </ul>
          {closing && (
            <CloseForm offer={offer} onCancel={() => setClosing(false)} onClose={async (body) => run(() => closeOffer(offer.id, body), t.closedNotice)()} />
          )}
        </div>
      </div>
    </article>
  );
};

const MyOffers = () => {
  const { acting } = useSession();
  const { state, setValue } = useLoad((signal) => fetchMyOffers(acting!.id, signal), [acting!.id]);
  const [notice, setNotice] = useState<Notice>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  const replace = (changed: EmployerOfferDto, message: string) => {
    setValue((offers) => offers.map((o) => (o.id === changed.id ? changed : o)));
    setNotice({ severity: "success", message });
    // The offer may move to the other list: the message keeps the focus meanwhile.
    requestAnimationFrame(() => noticeRef.current?.focus());
  };

  const offers = state.kind === "done" ? sortMyOffers(state.value) : [];
  const open = offers.filter((o) => o.status === "open");
  const closed = offers.filter((o) => o.status === "closed");
  const stale = staleCount(offers);
  return (
    <>
      <PageHeading>{t.title}</PageHeading>
      <p className="fr-text--lead">{t.lead(acting!.name)}</p>
      <p>
        <Link className="fr-btn fr-icon-add-line fr-btn--icon-left" href={paths.newOffer}>{t.create}</Link>
      </p>
      <div ref={noticeRef} tabIndex={-1} role="status" className="tremplin-notice">
        {notice && <Alert className="fr-mb-3w" severity={notice.severity} small description={notice.message} closable onClose={() => setNotice(null)} />}
      </div>
      {state.kind === "loading" && <p role="status">{t.loading}</p>}
      {state.kind === "error" && <Alert severity="error" small description={state.message} />}
      {state.kind === "done" && offers.length === 0 && <p>{t.empty}</p>}
      {stale > 0 && <Alert className="fr-mb-4w" severity="warning" title={t.staleSummaryTitle(stale)} description={t.staleSummary} as="h2" />}
      {offers.length > 0 && (
        <>
          <section aria-labelledby="my-offers-open" className="fr-mb-6w">
            <h2 id="my-offers-open">{t.openHeading(open.length)}</h2>
            {open.length === 0 ? <p>{t.noneOpen}</p> : open.map((offer) => <OfferCard key={offer.id} offer={offer} onChange={replace} />)}
          </section>
          {closed.length > 0 && (
            <section aria-labelledby="my-offers-closed">
              <h2 id="my-offers-closed">{t.closedHeading(closed.length)}</h2>
              {closed.map((offer) => <OfferCard key={offer.id} offer={offer} onChange={replace} />)}
            </section>
          )}
        </>
      )}
    </>
  );
};

export const MyOffersPage = () => {
  usePageTitle(t.title);
  return (
    <RequireSession title={t.title} kinds={["professional"]} family="employer">
      <MyOffers />
    </RequireSession>
  );
};
