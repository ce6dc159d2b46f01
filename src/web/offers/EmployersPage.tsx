// Public employer directory: the employers with open offers, by name, with a link to their offers.
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Pagination } from "@codegouvfr/react-dsfr/Pagination";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { type FormEvent, useMemo, useState } from "react";
import { employerKinds } from "../../organisations/organisations.domain.ts";
import { useLoad } from "../api/use-load.ts";
import { PageHeading, usePageTitle } from "../layout/page.tsx";
import { Link, navigate, useLocation } from "../layout/router.tsx";
import { paths } from "../layout/router.domain.ts";
import { emptySearch, pageCount, perPage, searchToUrl } from "./offer-search.domain.ts";
import { listEmployers } from "./offers.api.ts";
import { offersText } from "./offers.fr.ts";

const t = offersText.employers;

const directoryUrl = (q: string, kind: string, page: number) => {
  const params = new URLSearchParams();
  if (q.trim()) params.set("q", q.trim());
  if (kind) params.set("structure", kind);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `${paths.employers}?${query}` : paths.employers;
};

export const EmployersPage = () => {
  usePageTitle(t.title);
  const { search } = useLocation();
  const submitted = useMemo(() => {
    const params = new URLSearchParams(search);
    const page = Number(params.get("page") ?? "1");
    return { q: params.get("q") ?? "", kind: params.get("structure") ?? "", page: Number.isInteger(page) && page > 0 ? page : 1 };
  }, [search]);
  const [q, setQ] = useState(submitted.q);
  const [kind, setKind] = useState(submitted.kind);
  const { state } = useLoad(
    (signal) => listEmployers({ q: submitted.q || undefined, structureKind: submitted.kind || undefined, page: submitted.page, perPage }, signal),
    [submitted],
  );
  const result = state.kind === "done" ? state.value : null;
  const error = state.kind === "error" ? state.message : null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    navigate(directoryUrl(q, kind, 1));
  };

  return (
    <>
      <PageHeading>{t.heading}</PageHeading>
      <p className="fr-text--lead">{t.lead}</p>
      <form onSubmit={submit} noValidate role="search" aria-label={t.heading}>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <Input label={t.q} nativeInputProps={{ id: "employeurs-q", name: "q", value: q, onChange: (e) => setQ(e.target.value), type: "search" }} />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <Select label={t.structureKind} nativeSelectProps={{ id: "employeurs-structure", name: "structure", value: kind, onChange: (e) => setKind(e.target.value) }}>
              <option value="">{offersText.search.any}</option>
              {Object.entries(employerKinds).map(([code, label]) => <option key={code} value={code}>{label}</option>)}
            </Select>
          </div>
        </div>
        <Button type="submit" iconId="fr-icon-search-line" iconPosition="left">{t.submit}</Button>
      </form>
      <section aria-labelledby="employeurs-resultats" className="fr-mt-6w">
        <h2 id="employeurs-resultats">{offersText.search.results}</h2>
        <div role="status" aria-live="polite">
          {!result && !error && <p>{offersText.search.searching}</p>}
          {error && <p className="fr-error-text">{error}</p>}
          {result && <p><strong>{t.count(result.total)}</strong></p>}
        </div>
        {result && result.total === 0 && <p>{t.noResults}</p>}
        {result && result.results.length > 0 && (
          <ul className="tremplin-plain-list">
            {result.results.map((employer) => (
              <li key={employer.id} className="fr-mb-2w">
                <div className="fr-card fr-card--horizontal fr-card--no-arrow">
                  <div className="fr-card__body">
                    <div className="fr-card__content">
                      <h3 className="fr-card__title">{employer.name}</h3>
                      <p className="fr-card__desc">{employer.kindLabel} — {employer.communes.join(", ")}</p>
                      <div className="fr-card__end">
                        <Link href={searchToUrl(paths.offers, { ...emptySearch, employer: employer.id })} aria-label={t.seeOffers(employer.name)}>
                          {t.openOffers(employer.openOffers)}
                        </Link>
                      </div>
                    </div>
                  </div>
                </div>
              </li>
            ))}
          </ul>
        )}
        {result && pageCount(result.total) > 1 && (
          <Pagination count={pageCount(result.total)} defaultPage={submitted.page} getPageLinkProps={(page) => ({ href: directoryUrl(submitted.q, submitted.kind, page) })} />
        )}
      </section>
    </>
  );
};
