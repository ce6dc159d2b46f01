// Pure pieces of the geocoder: trigrams/Levenshtein, outlines, the per-commune street index.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { communeExtent, convexHullRing, haversineM } from "./commune-outline.domain.ts";
import { boundedLevenshtein, buildTrigramIndex, trigramSimilarity } from "./fuzzy.domain.ts";
import { buildCommuneIndex, locateNumber, type AddressRow } from "./street-index.ts";

describe("fuzzy", () => {
  it("computes pg_trgm-like similarity and bounded edit distance", () => {
    assert.equal(trigramSimilarity("rue roquette", "rue roquette"), 1);
    assert.ok(trigramSimilarity("rue roquette", "rue roqette") > 0.5);
    assert.equal(boundedLevenshtein("roquette", "roqette", 1), 1);
    assert.equal(boundedLevenshtein("roquette", "rivoli", 2), 3);
    const index = buildTrigramIndex(["rue rivoli", "rue roquette", "boulevard voltaire"]);
    assert.equal(index.best("rue roquete", 1)[0].id, 1);
  });
});

describe("commune outline", () => {
  it("builds a closed convex hull and a radius", () => {
    const ring = convexHullRing([[0, 0], [1, 0], [1, 1], [0, 1], [0.5, 0.5]]);
    assert.deepEqual(ring[0], ring.at(-1));
    assert.equal(ring.length, 5);
    assert.ok(!ring.some(([x, y]) => x === 0.5 && y === 0.5));
    const extent = communeExtent([2.35, 2.36], [48.85, 48.85]);
    assert.ok(Math.abs(extent.radiusM - haversineM(2.35, 48.85, 2.355, 48.85)) < 1);
    assert.equal(extent.outline.length, 5, "degenerate input gives a small box");
  });
});

const row = (street: string, numero: number | null, lon: number, lat: number, extra: Partial<AddressRow> = {}): AddressRow => ({
  street_norm: street, nom_voie: street, code_postal: "11111", numero, suffix: "", locality: "", lon, lat, ...extra,
});

describe("street index", () => {
  const index = buildCommuneIndex("11111", [
    row("rue bac", 1, 1.0, 45.0), row("rue bac", 3, 1.001, 45.0), row("rue bac", 7, 1.003, 45.0), row("rue bac", 3, 1.0011, 45.0, { suffix: "b" }),
    row("rue bac", 2, 1.0, 45.0002), row("avenue general leclerc", 10, 1.01, 45.01),
    row("chemin moulin", 5, 1.1, 45.1, { locality: "Les Granges" }), row("chemin moulin", 6, 1.1002, 45.1, { locality: "Les Granges" }),
  ]);
  it("matches exactly, without the street type, with a typo, with trailing words", () => {
    assert.equal(index.findStreet("rue bac")?.how, "exact");
    assert.equal(index.findStreet("boulevard bac")?.how, "type");
    assert.equal(index.findStreet("avenue general lecler")?.street.norm, "avenue general leclerc");
    assert.equal(index.findStreet("rue bsc")?.street.norm, "rue bac");
    assert.equal(index.findStreet("avenue general leclerc residence lilas")?.how, "prefix");
    assert.equal(index.findStreet("impasse inconnue totalement"), null);
    assert.equal(index.findExact("rue bsc"), null);
  });
  it("finds numbers with suffix, interpolates missing ones on the same side", () => {
    const street = index.findStreet("rue bac")!.street;
    const exact = locateNumber(street, 3, "b");
    assert.ok(exact.kind === "exact" && exact.suffixMatched && exact.lon === 1.0011);
    const plain = locateNumber(street, 3, "t");
    assert.ok(plain.kind === "exact" && !plain.suffixMatched);
    const five = locateNumber(street, 5, "");
    assert.ok(five.kind === "nearby" && Math.abs(five.lon - 1.002) < 1e-9, "between 3 and 7");
    const far = locateNumber(street, 40, "");
    assert.ok(far.kind === "nearby" && far.lon === 1.0 && far.lat === 45.0002, "nearest even number");
  });
  it("finds lieux-dits", () => {
    assert.equal(index.findLocality("granges")?.name, "Les Granges");
  });
});
