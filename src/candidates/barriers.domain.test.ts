import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, it } from "node:test";
import { barrierLabel, barriers } from "./barriers.domain.ts";

describe("peripheral barriers", () => {
  it("are exactly the frein_peripherique themes of the shipped Carnet de bord file, with its labels", () => {
    const file = JSON.parse(readFileSync(resolve(import.meta.dirname, "../../data/reference/carnet-de-bord-thematiques.json"), "utf8")) as {
      entries: { code: string; label: string; kind: string }[];
    };
    const expected = file.entries.filter((e) => e.kind === "frein_peripherique").map((e) => ({ code: e.code, label: e.label }));
    assert.deepEqual([...barriers].map((b) => ({ ...b })), expected);
  });

  it("labels a code, and falls back to the code itself", () => {
    assert.equal(barrierLabel("maitrise_langue"), "Maîtrise de la langue française");
    assert.equal(barrierLabel("inconnu"), "inconnu");
  });
});
