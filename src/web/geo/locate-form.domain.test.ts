/// <reference types="node" />
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseDecimal, validateLocateForm } from "./locate-form.domain.ts";

const base = { mode: "address" as const, address: "", lat: "", lon: "", date: "" };

describe("validateLocateForm", () => {
  it("trims the address and leaves out an empty date", () => {
    assert.deepEqual(validateLocateForm({ ...base, address: "  20 avenue de Ségur Paris " }), {
      input: { address: "20 avenue de Ségur Paris", date: undefined },
    });
  });

  it("flags a too short address on the address field", () => {
    const result = validateLocateForm({ ...base, address: "ab" });
    assert.ok("errors" in result && result.errors.address);
  });

  it("reads coordinates with a decimal comma", () => {
    assert.deepEqual(validateLocateForm({ ...base, mode: "coordinates", lat: "48,8566", lon: "2.3522", date: "2023-05-01" }), {
      input: { lat: 48.8566, lon: 2.3522, date: "2023-05-01" },
    });
  });

  it("flags each coordinate out of range on its own field", () => {
    const result = validateLocateForm({ ...base, mode: "coordinates", lat: "91", lon: "abc" });
    assert.ok("errors" in result);
    assert.deepEqual(Object.keys(result.errors).sort(), ["lat", "lon"]);
  });

  it("refuses a malformed date", () => {
    const result = validateLocateForm({ ...base, address: "1 rue de Rivoli Paris", date: "2024-13-45" });
    assert.ok("errors" in result && result.errors.date);
  });
});

describe("parseDecimal", () => {
  it("rejects text and accepts signs", () => {
    assert.equal(parseDecimal("-0,5"), -0.5);
    assert.equal(parseDecimal("1e3"), null);
    assert.equal(parseDecimal(""), null);
  });
});
