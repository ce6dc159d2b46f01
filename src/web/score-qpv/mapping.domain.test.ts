/// <reference types="node" />
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { cleanMapping, fieldsByColumn, isAcceptedFileName, validateMapping, validatePeriod } from "./mapping.domain.ts";

describe("validateMapping", () => {
  it("accepts a single address column, street + postcode, or lat + lon", () => {
    assert.deepEqual(validateMapping({ address: 0 }), {});
    assert.deepEqual(validateMapping({ street: 1, postcode: 2, hireDate: 3 }), {});
    assert.deepEqual(validateMapping({ lat: 4, lon: 5 }), {});
  });

  it("asks for a location when there is none, on the address field", () => {
    assert.deepEqual(Object.keys(validateMapping({ hireDate: 0, contractType: 1 })), ["address"]);
  });

  it("asks for the missing half of a coordinate pair", () => {
    assert.deepEqual(Object.keys(validateMapping({ address: 0, lat: 1 })), ["lon"]);
    assert.deepEqual(Object.keys(validateMapping({ address: 0, lon: 1 })), ["lat"]);
  });

  it("flags a column used twice on the second field", () => {
    assert.deepEqual(Object.keys(validateMapping({ address: 0, city: 0 })), ["city"]);
  });
});

describe("cleanMapping", () => {
  it("drops unassigned fields", () => {
    assert.deepEqual(cleanMapping({ address: 2, city: undefined }), { address: 2 });
  });
});

describe("validatePeriod", () => {
  it("allows an empty period and refuses an inverted one on the end date", () => {
    assert.deepEqual(validatePeriod({ from: "", to: "" }), {});
    assert.deepEqual(Object.keys(validatePeriod({ from: "2024-05-01", to: "2024-01-01" })), ["to"]);
    assert.deepEqual(Object.keys(validatePeriod({ from: "2024-02-31x", to: "" })), ["from"]);
  });
});

describe("fieldsByColumn / isAcceptedFileName", () => {
  it("groups fields per column and accepts only csv and xlsx", () => {
    assert.deepEqual([...fieldsByColumn({ address: 1, hireDate: 0 })], [[1, ["address"]], [0, ["hireDate"]]]);
    assert.ok(isAcceptedFileName("Embauches 2024.XLSX"));
    assert.ok(!isAcceptedFileName("embauches.xls"));
  });
});
