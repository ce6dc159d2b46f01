import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { addCode } from "./code-picker.domain.ts";

describe("code picker", () => {
  it("adds codes once", () => {
    assert.deepEqual(addCode([{ code: "1", label: "x" }], { code: "1", label: "x" }), [{ code: "1", label: "x" }]);
    assert.deepEqual(addCode([{ code: "1", label: "x" }], { code: "2", label: "y" }), [{ code: "1", label: "x" }, { code: "2", label: "y" }]);
  });
});
