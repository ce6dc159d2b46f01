import { errorMessage } from "./client.ts";

/** Data being loaded into a page: not there yet, failed (with the text to show), or there. */
export type LoadState<T> = { kind: "loading" } | { kind: "error"; message: string; error: unknown } | { kind: "done"; value: T };

/** What happens to a load: it starts (keeping what is shown, on a reload), ends, or the page changes the value. */
export type LoadEvent<T> =
  | { type: "start"; keep: boolean }
  | { type: "resolved"; value: T }
  | { type: "rejected"; error: unknown }
  | { type: "set"; update: T | ((value: T) => T) };

const loading = { kind: "loading" } as const;

export const initialLoadState: LoadState<never> = loading;

/** The state after an event (the same object when nothing changes, so that React skips the render). */
export const nextLoadState = <T>(state: LoadState<T>, event: LoadEvent<T>): LoadState<T> => {
  switch (event.type) {
    case "start":
      return event.keep || state.kind === "loading" ? state : loading;
    case "resolved":
      return { kind: "done", value: event.value };
    case "rejected":
      return { kind: "error", message: errorMessage(event.error), error: event.error };
    case "set":
      if (typeof event.update !== "function") return { kind: "done", value: event.update };
      // Updating from the current value needs one: before the load ends (or after it failed), nothing to update.
      return state.kind === "done" ? { kind: "done", value: (event.update as (value: T) => T)(state.value) } : state;
  }
};
