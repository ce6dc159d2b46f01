import { type DependencyList, useCallback, useEffect, useRef, useState } from "react";
import { initialLoadState, type LoadState, nextLoadState } from "./use-load.domain.ts";

export type { LoadState } from "./use-load.domain.ts";

/**
 * Loads data into the page's state: again whenever `deps` change (showing "loading" meanwhile), aborting the
 * request in flight when they change or the page goes. `reload` loads again keeping what is shown until the
 * answer; `setValue` replaces the value (after a save), or updates it when there is one.
 */
export const useLoad = <T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList) => {
  const [state, setState] = useState<LoadState<T>>(initialLoadState);
  const [version, setVersion] = useState(0);
  const reloading = useRef(false);

  useEffect(() => {
    const abort = new AbortController();
    const keep = reloading.current;
    reloading.current = false;
    setState((s) => nextLoadState(s, { type: "start", keep }));
    load(abort.signal).then(
      (value) => !abort.signal.aborted && setState((s) => nextLoadState(s, { type: "resolved", value })),
      (error: unknown) => !abort.signal.aborted && setState((s) => nextLoadState(s, { type: "rejected", error })),
    );
    return () => abort.abort();
    // The caller's deps say when `load` changes; `version` counts the reloads.
  }, [...deps, version]);

  const setValue = useCallback((update: T | ((value: T) => T)) => setState((s) => nextLoadState(s, { type: "set", update })), []);
  const reload = useCallback(() => {
    reloading.current = true;
    setVersion((v) => v + 1);
  }, []);

  return { state, setValue, reload };
};
