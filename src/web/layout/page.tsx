// Page helpers: document title per route and the page's <h1>, which receives focus after client navigation.
import { type ReactNode, useEffect } from "react";
import { pageTitle } from "./layout.fr.ts";

export const usePageTitle = (title: string) => {
  useEffect(() => {
    document.title = pageTitle(title);
  }, [title]);
};

/** The page heading; tabIndex -1 lets the layout move focus to it on navigation. */
export const PageHeading = ({ children }: { children: ReactNode }) => (
  <h1 tabIndex={-1} className="tremplin-page-heading">
    {children}
  </h1>
);
