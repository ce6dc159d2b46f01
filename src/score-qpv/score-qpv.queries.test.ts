import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createJob } from "../jobs/jobs.queries.ts";
import { type TestDatabase, testEngines } from "../server/test-engines.ts";
import { createReportBuilder } from "./report.domain.ts";
import { deleteReport, findReport, findReportIdByJob, saveReport } from "./score-qpv.queries.ts";

const emptyReport = () =>
  createReportBuilder({
    period: { from: "2024-01-01", to: "2024-12-31", defaulted: false },
    datasets: { qpv: { 2015: null, 2024: null }, zrr: null, frr: null },
    geocoderName: "offline",
    hireDateColumn: "Date d'entrée",
    generatedAt: new Date("2026-12-01T00:00:00Z"),
  }).build();

for (const engine of testEngines()) {
  describe(`Score QPV reports on ${engine.name}`, () => {
    let test: TestDatabase;
    before(async () => { test = await engine.freshMigratedDb(); });
    after(() => test.close());

    it("stores the aggregated report and reads it back", async () => {
      const job = await createJob(test.db, "score_qpv", {});
      const report = emptyReport();
      const id = await saveReport(test.db, report, { source: "web", jobId: job.id });
      const stored = await findReport(test.db, id);
      assert.deepEqual(stored?.report, report);
      assert.match(stored?.createdAt ?? "", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      assert.equal(await findReportIdByJob(test.db, job.id), id);
      const columns = await test.db.selectFrom("score_qpv_reports").select(["period_from", "rows_located", "qpv_share"]).where("id", "=", id).executeTakeFirstOrThrow();
      assert.equal(columns.rows_located, 0);
      assert.equal(columns.qpv_share, null);
    });

    it("answers null for unknown or malformed ids", async () => {
      assert.equal(await findReport(test.db, "00000000-0000-0000-0000-000000000000"), null);
      assert.equal(await findReport(test.db, "nope"), null);
    });

    it("deletes a stored report, once", async () => {
      const id = await saveReport(test.db, emptyReport(), { source: "api" });
      const other = await saveReport(test.db, emptyReport(), { source: "api" });
      assert.equal(await deleteReport(test.db, id), true);
      assert.equal(await findReport(test.db, id), null);
      assert.equal(await deleteReport(test.db, id), false);
      assert.equal(await deleteReport(test.db, "nope"), false);
      assert.ok(await findReport(test.db, other), "the other report stays");
    });
  });
}
