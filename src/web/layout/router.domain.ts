// Client-side routes of the web app: pure matching, no DOM.

export type RouteMatch =
  | { name: "home" }
  | { name: "verifyAddress" }
  | { name: "scoreQpv" }
  | { name: "scoreQpvReport"; reportId: string }
  | { name: "notFound" };

export const paths = {
  home: "/",
  verifyAddress: "/verifier-une-adresse",
  scoreQpv: "/score-qpv",
  scoreQpvReport: (reportId: string) => `/score-qpv/rapports/${encodeURIComponent(reportId)}`,
  apiDocs: "/api/docs",
} as const;

const reportPattern = /^\/score-qpv\/rapports\/([^/]+)$/;

/** Maps a pathname (trailing slash tolerated) to a route. */
export const matchRoute = (pathname: string): RouteMatch => {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  if (path === paths.home) return { name: "home" };
  if (path === paths.verifyAddress) return { name: "verifyAddress" };
  if (path === paths.scoreQpv) return { name: "scoreQpv" };
  const report = reportPattern.exec(path);
  if (report) return { name: "scoreQpvReport", reportId: decodeURIComponent(report[1]) };
  return { name: "notFound" };
};

/** True when a link to `href` should be handled by the client router rather than the browser. */
export const isClientRoute = (href: string, origin: string): boolean => {
  let url: URL;
  try {
    url = new URL(href, origin);
  } catch {
    return false;
  }
  if (url.origin !== origin) return false;
  if (url.pathname.startsWith("/api/") || url.pathname === "/api") return false;
  return matchRoute(url.pathname).name !== "notFound";
};
