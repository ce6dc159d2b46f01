import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../server/app.ts";
import { configFromEnv } from "../server/config.ts";
import { type TestDatabase, testEngines } from "../server/test-engines.ts";
import { csvLines, hiresWorkbook, utf8WithBom } from "./fixtures/hr-fixtures.ts";
import { fakeAssessCertainty, fakeGeocoder, fakeGeography } from "./fixtures/fake-geo.ts";
import type { ScoreJob } from "./score-qpv.contract.ts";
import { registerScoreQpvRoutes } from "./score-qpv.routes.ts";

const MAX_BYTES = 64 * 1024;

/** A multipart/form-data body with one file and text fields. */
const multipart = (file: { name: string; content: Buffer } | null, fields: Record<string, string> = {}) => {
  const boundary = "----tremplin-test-boundary";
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), file.content, Buffer.from("\r\n"));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
};

const hiresCsv = utf8WithBom(csvLines([
  "Nom;Adresse;CP;Ville;Date d'entrée;Type de contrat;Site",
  ...Array.from({ length: 12 }, (_, i) => `P${i};5 rue du QPV;93200;Saint-Denis;${String(i + 1).padStart(2, "0")}/03/2024;CDI;Nord`),
  ...Array.from({ length: 8 }, (_, i) => `Q${i};12 rue de la Paix;75002;Paris;${String(i + 1).padStart(2, "0")}/04/2024;CDD;Paris`),
]));

for (const engine of testEngines()) {
  describe(`Score QPV routes on ${engine.name}`, () => {
    let test: TestDatabase;
    let app: FastifyInstance;
    before(async () => {
      test = await engine.freshMigratedDb();
      const config = { ...configFromEnv({ NODE_ENV: "test" }), webDist: "/nonexistent", maxUploadBytes: MAX_BYTES };
      app = await buildApp({ db: test.db, config }, [
        (scope) => registerScoreQpvRoutes(scope, { db: test.db, geocoder: fakeGeocoder(), geography: fakeGeography(), assessCertainty: fakeAssessCertainty, maxUploadBytes: MAX_BYTES }),
      ]);
    });
    after(async () => {
      await app.close();
      await test.close();
    });

    const waitForJob = async (id: string): Promise<ScoreJob> => {
      for (let i = 0; i < 200; i++) {
        const job = (await app.inject({ method: "GET", url: `/api/v1/score-qpv/jobs/${id}` })).json() as ScoreJob;
        if (job.status !== "running" && job.status !== "pending") return job;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error("job still running");
    };

    it("inspects an XLSX upload and proposes the mapping", async () => {
      const response = await app.inject({ method: "POST", url: "/api/v1/score-qpv/inspect", ...multipart({ name: "rh.xlsx", content: await hiresWorkbook() }) });
      assert.equal(response.statusCode, 200);
      const inspection = response.json();
      assert.equal(inspection.sheet, "Embauches 2025");
      assert.equal(inspection.needsMapping, false);
      assert.equal(inspection.mapping.hireDate, 4);
    });

    it("scores a file in the background, stores only the report and serves its files", async () => {
      const created = await app.inject({ method: "POST", url: "/api/v1/score-qpv/jobs", ...multipart({ name: "rh.csv", content: hiresCsv }) });
      assert.equal(created.statusCode, 202);
      const job = await waitForJob(created.json().id);
      assert.equal(job.status, "succeeded", JSON.stringify(job.error));
      assert.deepEqual(job.progress, { done: 20, total: 20 });
      assert.ok(job.reportId);

      const stored = (await app.inject({ method: "GET", url: `/api/v1/score-qpv/reports/${job.reportId}` })).json();
      assert.equal(stored.report.rows.located, 20);
      assert.equal(stored.report.qpv.share, 0.6);
      const rows = await test.db.selectFrom("score_qpv_reports").select(["report"]).execute();
      const everything = JSON.stringify(rows);
      assert.ok(!everything.includes("rue du QPV") && !everything.includes("P1"), "no address nor row is stored");
      const jobRow = await test.db.selectFrom("jobs").select(["params"]).where("id", "=", job.id).executeTakeFirstOrThrow();
      assert.ok(!JSON.stringify(jobRow).includes("rh.csv"));

      const pdf = await app.inject({ method: "GET", url: `/api/v1/score-qpv/reports/${job.reportId}/pdf` });
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers["content-type"], "application/pdf");
      assert.match(String(pdf.headers["content-disposition"]), /^attachment; filename="score-qpv-.*\.pdf"$/);
      assert.equal(pdf.rawPayload.subarray(0, 5).toString(), "%PDF-");
      const md = await app.inject({ method: "GET", url: `/api/v1/score-qpv/reports/${job.reportId}/md` });
      assert.match(md.body, /Aucune adresse n'est conservée/);
      const csv = await app.inject({ method: "GET", url: `/api/v1/score-qpv/reports/${job.reportId}/csv` });
      assert.match(String(csv.headers["content-type"]), /^text\/csv/);
      assert.equal((await app.inject({ method: "GET", url: `/api/v1/score-qpv/reports/${job.reportId}/docx` })).json().code, "score.unknown_format");
    });

    it("follows a mapping sent with the file", async () => {
      const file = Buffer.from(csvLines(["a;b;c", "x;5 rue du QPV 93200 Saint-Denis;01/03/2024"]));
      const refused = await app.inject({ method: "POST", url: "/api/v1/score-qpv/jobs", ...multipart({ name: "x.csv", content: file }) });
      assert.equal(refused.statusCode, 400);
      assert.equal(refused.json().code, "score.no_usable_column");
      const created = await app.inject({ method: "POST", url: "/api/v1/score-qpv/jobs", ...multipart({ name: "x.csv", content: file }, { mapping: JSON.stringify({ address: 1, hireDate: 2 }) }) });
      assert.equal(created.statusCode, 202);
      assert.equal((await waitForJob(created.json().id)).status, "succeeded");
      const bad = await app.inject({ method: "POST", url: "/api/v1/score-qpv/jobs", ...multipart({ name: "x.csv", content: file }, { mapping: "{oops" }) });
      assert.equal(bad.json().code, "score.invalid_mapping");
    });

    it("refuses bad uploads with 4xx and French codes", async () => {
      const tooBig = await app.inject({ method: "POST", url: "/api/v1/score-qpv/inspect", ...multipart({ name: "big.csv", content: Buffer.alloc(MAX_BYTES + 10, 0x41) }) });
      assert.equal(tooBig.statusCode, 413);
      assert.equal(tooBig.json().code, "score.file_too_large");
      assert.match(tooBig.json().message, /taille maximale/);
      const noFile = await app.inject({ method: "POST", url: "/api/v1/score-qpv/jobs", ...multipart(null, { sheet: "x" }) });
      assert.equal(noFile.json().code, "score.missing_file");
      const empty = await app.inject({ method: "POST", url: "/api/v1/score-qpv/inspect", ...multipart({ name: "e.csv", content: Buffer.alloc(0) }) });
      assert.equal(empty.statusCode, 400);
      assert.equal(empty.json().code, "score.empty_file");
      const badDate = await app.inject({ method: "POST", url: "/api/v1/score-qpv/jobs", ...multipart({ name: "rh.csv", content: hiresCsv }, { from: "hier" }) });
      assert.equal(badDate.json().code, "score.invalid_fields");
      assert.equal((await app.inject({ method: "GET", url: "/api/v1/score-qpv/jobs/00000000-0000-0000-0000-000000000000" })).statusCode, 404);
      assert.equal((await app.inject({ method: "GET", url: "/api/v1/score-qpv/reports/nope" })).json().code, "score.report_not_found");
    });

    it("records a failed run with its code and stores no report", async () => {
      const before = await test.db.selectFrom("score_qpv_reports").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
      // Every date unreadable: the default period cannot be fixed, which the pipeline finds on its first pass.
      const file = Buffer.from(csvLines(["Adresse;Date d'entrée", "5 rue du QPV;bientôt", "12 rue de la Paix;jamais"]));
      const created = await app.inject({ method: "POST", url: "/api/v1/score-qpv/jobs", ...multipart({ name: "x.csv", content: file }) });
      assert.equal(created.statusCode, 202);
      const job = await waitForJob(created.json().id);
      assert.equal(job.status, "failed");
      assert.equal(job.error?.code, "score.no_dated_row");
      const afterCount = await test.db.selectFrom("score_qpv_reports").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
      assert.equal(Number(afterCount.n), Number(before.n));
    });
  });
}
