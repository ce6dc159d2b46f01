// A small router on the History API: current location as a React store, and a Link that keeps real <a href>.
import { type AnchorHTMLAttributes, type MouseEvent, type ReactNode, useSyncExternalStore } from "react";
import { isClientRoute } from "./router.domain.ts";

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  window.addEventListener("popstate", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("popstate", listener);
  };
};

const snapshot = () => window.location.pathname + window.location.search;

/** Current path and query string; re-renders on navigation and on browser back/forward. */
export const useLocation = (): { pathname: string; search: string } => {
  const current = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(current, window.location.origin);
  return { pathname: url.pathname, search: url.search };
};

let keptPosition = false;

/**
 * Client-side navigation; `replace` does not add a history entry; `keepPosition` neither scrolls to the top
 * nor moves focus to the page's heading (a filter of the page applied in place, its control keeps focus).
 */
export const navigate = (to: string, options: { replace?: boolean; keepPosition?: boolean } = {}) => {
  const previous = snapshot();
  if (options.replace) window.history.replaceState(null, "", to);
  else window.history.pushState(null, "", to);
  // Only a location that changes reaches the layout's focus effect, which takes the flag back.
  keptPosition = options.keepPosition === true && snapshot() !== previous;
  if (!options.keepPosition) window.scrollTo(0, 0);
  notify();
};

/** True once after a navigation made with `keepPosition` (read by the layout, which then leaves focus alone). */
export const takeKeptPosition = (): boolean => {
  const kept = keptPosition;
  keptPosition = false;
  return kept;
};

const isPlainLeftClick = (event: MouseEvent<HTMLAnchorElement>) =>
  event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey && !event.defaultPrevented;

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href?: string; children?: ReactNode };

/** An <a href> that navigates without reloading for the app's own routes; other links behave normally. */
export const Link = ({ href, onClick, target, download, children, ...rest }: LinkProps) => {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (!href || target || download !== undefined || !isPlainLeftClick(event)) return;
    if (!isClientRoute(href, window.location.origin)) return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} target={target} download={download} onClick={handleClick} {...rest}>
      {children}
    </a>
  );
};
