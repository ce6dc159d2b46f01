// "Mes candidats": the candidates followed by the organisation the counsellor acts for.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { type FormEvent, useEffect, useState } from "react";
import { barrierLabel, barriers } from "../../candidates/barriers.domain.ts";
import type { CandidateList } from "../../candidates/candidates.contract.ts";
import { RequireSession } from "../accounts/index.ts";
import { errorMessage } from "../api/client.ts";
import { PageHeading, usePageTitle } from "../layout/page.tsx";
import { Link, navigate, useLocation } from "../layout/router.tsx";
import { paths } from "../layout/router.domain.ts";
import { formatDateFr } from "./candidate-form.domain.ts";
import { fetchMyCandidates } from "./candidates.api.ts";
import { candidatesText } from "./candidates.fr.ts";

const t = candidatesText.list;

const List = () => {
  usePageTitle(t.title);
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  const query = { q: params.get("q") ?? "", qpv: params.get("qpv") ?? "", barrier: params.get("frein") ?? "", page: Number(params.get("page") ?? 1) || 1 };
  const [form, setForm] = useState(query);
  const [list, setList] = useState<CandidateList | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    fetchMyCandidates(query, controller.signal).then(
      (answer) => {
        setList(answer);
        setError(null);
      },
      (e) => {
        if (!controller.signal.aborted) setError(errorMessage(e));
      },
    );
    return () => controller.abort();
  }, [search]);

  const go = (next: typeof query) => {
    const p = new URLSearchParams();
    if (next.q) p.set("q", next.q);
    if (next.qpv) p.set("qpv", next.qpv);
    if (next.barrier) p.set("frein", next.barrier);
    if (next.page > 1) p.set("page", String(next.page));
    navigate(`${paths.myCandidates}${p.size ? `?${p}` : ""}`);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    go({ ...form, page: 1 });
  };
  const pages = list ? Math.max(1, Math.ceil(list.total / list.pageSize)) : 1;

  return (
    <>
      <PageHeading>{t.title}</PageHeading>
      <p className="fr-text--lead">{t.lead}</p>
      <p><Link className="fr-btn fr-icon-add-line fr-btn--icon-left" href={paths.newCandidate}>{t.create}</Link></p>

      <form onSubmit={submit} className="tremplin-filters fr-mb-3w" role="search" aria-label={t.filter}>
        <Input label={t.searchLabel} nativeInputProps={{ type: "search", value: form.q, onChange: (e) => setForm({ ...form, q: e.target.value }) }} />
        <Select label={t.qpvLabel} nativeSelectProps={{ value: form.qpv, onChange: (e) => setForm({ ...form, qpv: e.target.value }) }}>
          <option value="">{t.qpvAll}</option>
          <option value="oui">{t.qpvYes}</option>
          <option value="non">{t.qpvNo}</option>
        </Select>
        <Select label={t.barrierLabel} nativeSelectProps={{ value: form.barrier, onChange: (e) => setForm({ ...form, barrier: e.target.value }) }}>
          <option value="">{t.barrierAll}</option>
          {barriers.map((b) => <option key={b.code} value={b.code}>{b.label}</option>)}
        </Select>
        <Button type="submit">{t.filter}</Button>
      </form>

      {error && <Alert severity="error" small description={error} />}
      {list && (
        <>
          <p role="status" className="fr-text--bold">{t.count(list.total)}</p>
          {list.items.length === 0 ? (
            <p>{t.empty}</p>
          ) : (
            <div className="fr-table fr-table--no-caption">
              <table data-testid="candidates-table">
                <caption>{t.caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.name}</th>
                    <th scope="col">{t.place}</th>
                    <th scope="col">{t.zoning}</th>
                    <th scope="col">{t.barriers}</th>
                    <th scope="col">{t.updated}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.items.map((c) => (
                    <tr key={c.id}>
                      <th scope="row"><Link href={paths.candidate(c.id)}>{`${c.lastName ?? ""} ${c.firstName ?? ""}`.trim()}</Link></th>
                      <td>{c.locationLabel ?? t.noAddress}</td>
                      <td>
                        {[c.qpv ? "QPV" : null, c.rural ? "ZRR/FRR" : null].filter(Boolean).join(", ") || "—"}
                        {c.uncertain ? " (à vérifier)" : ""}
                      </td>
                      <td>{c.barriers.map(barrierLabel).join(", ") || "—"}</td>
                      <td>{formatDateFr(c.updatedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {pages > 1 && (
            <nav className="fr-mt-2w" aria-label={t.page(query.page, pages)}>
              <ul className="fr-btns-group fr-btns-group--inline-md">
                <li><Button priority="secondary" disabled={query.page <= 1} onClick={() => go({ ...query, page: query.page - 1 })}>{t.previous}</Button></li>
                <li><p className="fr-mt-1w">{t.page(query.page, pages)}</p></li>
                <li><Button priority="secondary" disabled={query.page >= pages} onClick={() => go({ ...query, page: query.page + 1 })}>{t.next}</Button></li>
              </ul>
            </nav>
          )}
        </>
      )}
    </>
  );
};

export const MyCandidatesPage = () => (
  <RequireSession title={t.title} kinds={["professional"]} family="prescriber" signedOut="explain">
    <List />
  </RequireSession>
);
