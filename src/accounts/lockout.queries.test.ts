import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { testEngines, type TestDatabase } from "../server/test-engines.ts";
import { accountRules } from "./accounts.domain.ts";
import { clearLoginFailures, loginFailureCount, openLoginGate, recordLoginFailure } from "./lockout.queries.ts";

for (const engine of testEngines()) {
  describe(`login throttling on ${engine.name}`, () => {
    let test: TestDatabase;
    before(async () => { test = await engine.freshMigratedDb(); });
    after(() => test.close());

    it("caps attempts per IP address whatever the e-mail", async () => {
      const now = new Date("2026-12-01T09:00:00Z");
      for (let i = 0; i < accountRules.loginAttemptsPerIp; i += 1) {
        assert.deepEqual(await openLoginGate(test.db, `user${i}@example.org`, "203.0.113.7", now), { open: true });
      }
      const refused = await openLoginGate(test.db, "another@example.org", "203.0.113.7", now);
      assert.equal(refused.open, false);
      assert.equal(refused.open === false && refused.reason, "ip_limited");
      assert.deepEqual(await openLoginGate(test.db, "another@example.org", "198.51.100.1", now), { open: true }, "other addresses are not affected");
    });

    it("locks an e-mail at the fifth failure and lifts the lock on success; stores no e-mail in clear", async () => {
      const now = new Date("2026-12-01T10:00:00Z");
      for (let i = 1; i < accountRules.loginFailuresBeforeLock; i += 1) assert.equal(await recordLoginFailure(test.db, "lock@example.org", now), false);
      assert.equal(await recordLoginFailure(test.db, "lock@example.org", now), true);
      const gate = await openLoginGate(test.db, "lock@example.org", "192.0.2.1", now);
      assert.equal(gate.open === false && gate.reason, "locked");
      const stored = JSON.stringify(await test.db.selectFrom("rate_limit_counters").select("bucket").execute()) + JSON.stringify(await test.db.selectFrom("login_lockouts").select("key_hash").execute());
      assert.ok(!stored.includes("lock@example.org") && !stored.includes("192.0.2.1"));
      await clearLoginFailures(test.db, "lock@example.org");
      assert.equal(await loginFailureCount(test.db, "lock@example.org", now), 0);
      assert.deepEqual(await openLoginGate(test.db, "lock@example.org", "192.0.2.1", now), { open: true });
    });
  });
}
