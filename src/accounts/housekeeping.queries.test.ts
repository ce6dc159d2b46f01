import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { testEngines, type TestDatabase } from "../server/test-engines.ts";
import { purgeExpiredAuthData } from "./housekeeping.queries.ts";
import { createSession, resumeSession } from "./sessions.queries.ts";
import { insertUser } from "./users.queries.ts";
import { hitRateLimit } from "../authorization/rate-limit.queries.ts";

for (const engine of testEngines()) {
  describe(`housekeeping on ${engine.name}`, () => {
    let test: TestDatabase;
    before(async () => { test = await engine.freshMigratedDb(); });
    after(() => test.close());

    it("deletes expired sessions and old rate-limit windows, keeps live ones", async () => {
      const start = new Date("2026-12-01T08:00:00Z");
      const user = (await insertUser(test.db, { email: "h@example.org", name: "H", kind: "candidate", passwordHash: null, now: start }))!;
      const old = await createSession(test.db, { userId: user.id, now: start });
      await hitRateLimit(test.db, "old", { limit: 5, windowMs: 60_000 }, start);
      const later = new Date(start.getTime() + 3 * 86_400_000);
      const live = await createSession(test.db, { userId: user.id, now: later });
      await hitRateLimit(test.db, "live", { limit: 5, windowMs: 60_000 }, later);
      const counts = await purgeExpiredAuthData(test.db, later);
      assert.equal(counts.sessions, 1);
      assert.equal(counts.rateLimitWindows, 1);
      assert.equal(await resumeSession(test.db, old.cookieValue, later), null);
      assert.ok(await resumeSession(test.db, live.cookieValue, later));
    });
  });
}
