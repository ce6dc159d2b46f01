// The three lists: the employer's inbox (filters by state, sender, dates; the way to record a direct hire),
// the counsellor's "candidatures envoyées", the candidate's "mes candidatures".
// Filters live in the query string, so a filtered list can be bookmarked.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { type FormEvent, useEffect, useState } from "react";
import { applicationStates, senderKindLabels, senderKinds, stateLabels } from "../../applications/application-states.domain.ts";
import type { ApplicationListPage } from "../../applications/applications.contract.ts";
import { errorMessage } from "../api/client.ts";
import { PageHeading, usePageTitle } from "../layout/page.tsx";
import { applicationPaths, paths } from "../layout/router.domain.ts";
import { Link, navigate, useLocation } from "../layout/router.tsx";
import { fetchApplications, type ListQuery, type ListView } from "./applications.api.ts";
import { applicationsFr as fr } from "./applications.fr.ts";
import { RequireSession } from "../accounts/index.ts";

type Item = ApplicationListPage["items"][number];

const frenchDay = (iso: string) => new Date(iso).toLocaleDateString("fr-FR", { timeZone: "Europe/Paris" });
const personName = (item: Item) => (item.candidate.anonymised ? fr.table.anonymised : [item.candidate.firstName, item.candidate.lastName].filter(Boolean).join(" "));

export const stateSeverity = (state: string): "success" | "error" | "info" | "warning" | "new" | undefined =>
  state === "accepted" ? "success" : state === "refused" || state === "cancelled" ? "error" : state === "new" ? "new" : state === "postponed" ? "warning" : "info";

/** Who may see each list: the employer's inbox, the counsellor's sent applications, the candidate's own. */
const listRequirements = {
  received: { kinds: ["professional"], family: "employer" },
  sent: { kinds: ["professional"], family: "prescriber" },
  mine: { kinds: ["candidate"] },
} as const;

export const ApplicationsListPage = ({ view }: { view: ListView }) => (
  <RequireSession title={fr.titles[view]} {...listRequirements[view]} signedOut="explain">
    <ApplicationsList view={view} />
  </RequireSession>
);

const ApplicationsList = ({ view }: { view: ListView }) => {
  usePageTitle(fr.titles[view]);
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  const query: ListQuery = {
    state: params.get("etat") ?? undefined,
    senderKind: params.get("envoyeur") ?? undefined,
    from: params.get("du") ?? undefined,
    to: params.get("au") ?? undefined,
    offerId: params.get("offre") ?? undefined,
  };
  const [items, setItems] = useState<Item[]>([]);
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    fetchApplications(view, query, controller.signal)
      .then((page) => {
        setItems(page.items);
        setCounts(page.counts);
        setNext(page.nextCursor);
        setError(null);
      })
      .catch((e) => {
        if (!controller.signal.aborted) setError(errorMessage(e));
      })
      .finally(() => setLoading(false));
    return () => controller.abort();
  }, [view, search]);

  const loadMore = async () => {
    if (!next) return;
    try {
      const page = await fetchApplications(view, { ...query, cursor: next });
      setItems((current) => [...current, ...page.items]);
      setNext(page.nextCursor);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const target = new URLSearchParams();
    for (const [field, key] of [["state", "etat"], ["senderKind", "envoyeur"], ["from", "du"], ["to", "au"], ["offerId", "offre"]] as const) {
      const value = String(form.get(field) ?? "");
      if (value) target.set(key, value);
    }
    const qs = target.toString();
    navigate(`${applicationPaths[view]}${qs ? `?${qs}` : ""}`);
  };

  return (
    <>
      <PageHeading>{fr.titles[view]}</PageHeading>
      <p>{fr.intro[view]}</p>
      {view === "received" && (
        <p>
          <Link className="fr-btn fr-btn--secondary fr-icon-user-add-line fr-btn--icon-left" href={applicationPaths.directHire}>{fr.directHire.open}</Link>
        </p>
      )}
      {view !== "mine" && (
        <form onSubmit={submit} className="fr-mb-4w" aria-label={fr.filters.legend}>
          <fieldset className="fr-fieldset">
            <legend className="fr-fieldset__legend">{fr.filters.legend}</legend>
            {/* A DSFR grid row, not the fieldset's own flex (aligned on the last baseline, which puts a select
                lower than a date field): the four fields start at the same height, with one-line labels. */}
            <div className="fr-fieldset__element">
              <div className="fr-grid-row fr-grid-row--gutters">
                <div className="fr-col-12 fr-col-md-3">
                  <Select label={fr.filters.state} nativeSelectProps={{ name: "state", defaultValue: query.state ?? "" }}>
                    <option value="">{fr.filters.anyState}</option>
                    {applicationStates.map((state) => (
                      <option key={state} value={state}>
                        {stateLabels[state]}
                        {counts[state] ? ` (${counts[state]})` : ""}
                      </option>
                    ))}
                  </Select>
                </div>
                {view === "received" && (
                  <div className="fr-col-12 fr-col-md-3">
                    <Select label={fr.filters.senderKind} nativeSelectProps={{ name: "senderKind", defaultValue: query.senderKind ?? "" }}>
                      <option value="">{fr.filters.anySender}</option>
                      {senderKinds.map((kind) => (
                        <option key={kind} value={kind}>
                          {senderKindLabels[kind]}
                        </option>
                      ))}
                    </Select>
                  </div>
                )}
                <div className="fr-col-12 fr-col-md-3">
                  <Input label={fr.filters.from} nativeInputProps={{ type: "date", name: "from", defaultValue: query.from ?? "" }} />
                </div>
                <div className="fr-col-12 fr-col-md-3">
                  <Input label={fr.filters.to} nativeInputProps={{ type: "date", name: "to", defaultValue: query.to ?? "" }} />
                </div>
              </div>
            </div>
            {query.offerId && (
              <div className="fr-fieldset__element">
                <input type="hidden" name="offerId" value={query.offerId} />
                <p className="fr-text--sm fr-mb-0">{fr.filters.oneOffer}</p>
              </div>
            )}
            <div className="fr-fieldset__element">
              <Button type="submit">{fr.filters.apply}</Button>{" "}
              <Link href={applicationPaths[view]} className="fr-link fr-ml-2w">
                {fr.filters.reset}
              </Link>
            </div>
          </fieldset>
        </form>
      )}
      {error && <Alert severity="error" title="Erreur" description={error} small className="fr-mb-2w" />}
      <div aria-live="polite" aria-busy={loading}>
        {!loading && !error && items.length === 0 && view !== "mine" && <p>{fr.table.empty}</p>}
        {!loading && !error && items.length === 0 && view === "mine" && (
          <>
            <p>{fr.table.emptyMine}</p>
            <p><Link className="fr-btn fr-btn--secondary fr-icon-search-line fr-btn--icon-left" href={paths.offers}>{fr.table.findOffers}</Link></p>
          </>
        )}
        {items.length > 0 && (
          <div className="fr-table fr-table--no-caption">
            <table>
              <caption>{fr.table.caption(items.length)}</caption>
              <thead>
                <tr>
                  <th scope="col">{view === "mine" ? fr.table.employer : fr.table.candidate}</th>
                  <th scope="col">{fr.table.offer}</th>
                  <th scope="col">{fr.table.state}</th>
                  <th scope="col">{fr.table.sender}</th>
                  <th scope="col">{fr.table.date}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => {
                  const label = view === "mine" ? item.employerName : personName(item);
                  return (
                    <tr key={item.id}>
                      <td>
                        <Link href={applicationPaths.detail(item.id)} aria-label={fr.table.open(label)}>
                          {label}
                        </Link>
                      </td>
                      <td>{item.offer?.title ?? fr.table.spontaneous}</td>
                      <td>
                        <Badge small severity={stateSeverity(item.state)} noIcon>
                          {item.stateLabel}
                        </Badge>
                      </td>
                      <td>{item.senderOrganisationName ?? senderKindLabels[item.senderKind]}</td>
                      <td>{frenchDay(item.createdAt)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {next && (
          <Button priority="secondary" onClick={loadMore}>
            {fr.table.more}
          </Button>
        )}
      </div>
    </>
  );
};
