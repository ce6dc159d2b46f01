import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { freshnessOf, sortMyOffers, staleCount } from "./my-offers.domain.ts";

const now = new Date("2025-06-01T10:00:00.000Z");

describe("offers to refresh", () => {
  it("follows the API's stale flag and counts the days before the automatic closing", () => {
    assert.deepEqual(freshnessOf({ status: "closed", stale: false, autoCloseOn: null }, now), { kind: "closed" });
    assert.deepEqual(freshnessOf({ status: "open", stale: false, autoCloseOn: "2025-08-01T10:00:00.000Z" }, now), { kind: "fresh" });
    assert.deepEqual(freshnessOf({ status: "open", stale: true, autoCloseOn: "2025-06-21T09:00:00.000Z" }, now), { kind: "stale", closesOn: "2025-06-21T09:00:00.000Z", daysLeft: 20 });
    assert.equal((freshnessOf({ status: "open", stale: true, autoCloseOn: "2025-05-31T00:00:00.000Z" }, now) as { daysLeft: number }).daysLeft, 0);
    assert.deepEqual(freshnessOf({ status: "open", stale: true, autoCloseOn: null }, now), { kind: "stale", closesOn: null, daysLeft: null });
  });

  it("lists the offers to refresh first (oldest first), then the open ones, then the closed ones", () => {
    const offers = [
      { id: "closed", status: "closed" as const, stale: false, updatedAt: "2025-05-30T00:00:00.000Z" },
      { id: "fresh-old", status: "open" as const, stale: false, updatedAt: "2025-05-01T00:00:00.000Z" },
      { id: "stale-recent", status: "open" as const, stale: true, updatedAt: "2025-03-20T00:00:00.000Z" },
      { id: "fresh-new", status: "open" as const, stale: false, updatedAt: "2025-05-20T00:00:00.000Z" },
      { id: "stale-old", status: "open" as const, stale: true, updatedAt: "2025-03-05T00:00:00.000Z" },
    ];
    assert.deepEqual(sortMyOffers(offers).map((o) => o.id), ["stale-old", "stale-recent", "fresh-new", "fresh-old", "closed"]);
    assert.equal(staleCount(offers), 2);
  });
});
