import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { testEngines, type TestDatabase } from "../server/test-engines.ts";
import { createJob, failJob, findJob, findResumableJob, markStaleJobsInterrupted, succeedJob, updateProgress } from "./jobs.queries.ts";

for (const engine of testEngines()) {
  describe(`jobs on ${engine.name}`, () => {
    let test: TestDatabase;
    before(async () => { test = await engine.freshMigratedDb(); });
    after(() => test.close());

    it("records progress and a checkpoint, then succeeds", async () => {
      const job = await createJob(test.db, "import_ban", { file: "a.csv", departement: "75" });
      await updateProgress(test.db, job.id, { done: 1000, total: 5000, checkpoint: { line: 1000 } });
      const resumable = await findResumableJob(test.db, "import_ban", { file: "a.csv" });
      assert.equal(resumable?.id, job.id);
      assert.deepEqual(resumable?.checkpoint, { line: 1000 });
      await succeedJob(test.db, job.id, 5000);
      const done = await findJob(test.db, job.id);
      assert.equal(done?.status, "succeeded");
      assert.equal(done?.progressDone, 5000);
      assert.ok(done?.finishedAt);
      assert.equal(await findResumableJob(test.db, "import_ban", { file: "a.csv" }), null);
    });

    it("marks jobs of a dead process interrupted, keeps failures with their code", async () => {
      const running = await createJob(test.db, "score_qpv", {});
      const failing = await createJob(test.db, "score_qpv", {});
      await failJob(test.db, failing.id, { code: "score.no_usable_column", message: "Aucune colonne" });
      assert.equal(await markStaleJobsInterrupted(test.db), 0, "a job with recent progress is alive");
      assert.equal(await markStaleJobsInterrupted(test.db, 60_000, new Date(Date.now() + 120_000)), 1);
      assert.equal((await findJob(test.db, running.id))?.status, "interrupted");
      assert.deepEqual((await findJob(test.db, failing.id))?.error, { code: "score.no_usable_column", message: "Aucune colonne" });
      assert.equal(await findJob(test.db, "not-a-uuid"), null);
    });
  });
}
