// Page for unknown paths.
import { PageHeading, usePageTitle } from "./page.tsx";
import { layoutText } from "./layout.fr.ts";
import { Link } from "./router.tsx";
import { paths } from "./router.domain.ts";

const t = layoutText.notFound;

export const NotFoundPage = () => {
  usePageTitle(t.title);
  return (
    <>
      <PageHeading>{t.title}</PageHeading>
      <p className="fr-text--lead">{t.lead}</p>
      <Link className="fr-btn" href={paths.home}>{t.back}</Link>
    </>
  );
};
