import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ApiError } from "./client.ts";
import { initialLoadState, type LoadState, nextLoadState } from "./use-load.domain.ts";

const done: LoadState<number> = { kind: "done", value: 1 };

describe("load state", () => {
  it("starts loading, and a start while loading changes nothing", () => {
    assert.deepEqual(initialLoadState, { kind: "loading" });
    assert.equal(nextLoadState(initialLoadState, { type: "start", keep: false }), initialLoadState);
  });

  it("shows loading again when the deps change, but keeps the value on a reload", () => {
    assert.deepEqual(nextLoadState(done, { type: "start", keep: false }), { kind: "loading" });
    assert.equal(nextLoadState(done, { type: "start", keep: true }), done);
  });

  it("ends with the value, or the error and its text", () => {
    assert.deepEqual(nextLoadState<number>(initialLoadState, { type: "resolved", value: 2 }), { kind: "done", value: 2 });
    const error = new ApiError("offer.not_found", "Offre introuvable.", 404);
    assert.deepEqual(nextLoadState<number>(initialLoadState, { type: "rejected", error }), { kind: "error", message: "Offre introuvable.", error });
    const crash = new Error("boom");
    assert.deepEqual(nextLoadState<number>(done, { type: "rejected", error: crash }), {
      kind: "error",
      message: "Une erreur inattendue est survenue. Réessayez.",
      error: crash,
    });
  });

  it("replaces the value, or updates it only when there is one", () => {
    assert.deepEqual(nextLoadState<number>(initialLoadState, { type: "set", update: 3 }), { kind: "done", value: 3 });
    assert.deepEqual(nextLoadState(done, { type: "set", update: (v: number) => v + 1 }), { kind: "done", value: 2 });
    assert.equal(nextLoadState(initialLoadState as LoadState<number>, { type: "set", update: (v: number) => v + 1 }).kind, "loading");
  });
});
