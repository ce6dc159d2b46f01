import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { registerAccountsRoutes } from "../accounts/accounts.routes.ts";
import { type Browser, browser, buildTestApp, signedIn, type TestApp } from "../accounts/test-app.ts";
import { listAudit } from "../authorization/audit.queries.ts";
import { siretFrom } from "../offers/offers.test-support.ts";
import { registerOrganisationsRoutes } from "../organisations/organisations.routes.ts";
import { testEngines } from "../server/test-engines.ts";
import { csvLines, utf8WithBom } from "./fixtures/hr-fixtures.ts";
import { fakeAssessCertainty, fakeGeocoder, fakeGeography } from "./fixtures/fake-geo.ts";
import type { SavedScore, SavedScoreSummary } from "./score-history.contract.ts";
import { registerScoreHistoryRoutes } from "./score-history.routes.ts";
import type { ScoreJob } from "./score-qpv.contract.ts";
import { deleteReport } from "./score-qpv.queries.ts";
import { registerScoreQpvRoutes } from "./score-qpv.routes.ts";

const MAX_BYTES = 64 * 1024;

const multipart = (name: string, content: Buffer, fields: Record<string, string> = {}) => {
  const boundary = "----tremplin-history-boundary";
  const parts: Buffer[] = Object.entries(fields).map(([key, value]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`), content, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
};

/** 12 hires in a QPV (Saint-Denis) and 8 outside (Paris) in `year`. */
const hires = (year: number, inQpv = 12) => utf8WithBom(csvLines([
  "Nom;Adresse;CP;Ville;Date d'entrée;Type de contrat;Site",
  ...Array.from({ length: inQpv }, (_, i) => `P${i};5 rue du QPV;93200;Saint-Denis;${String((i % 28) + 1).padStart(2, "0")}/03/${year};CDI;Nord`),
  ...Array.from({ length: 8 }, (_, i) => `Q${i};12 rue de la Paix;75002;Paris;${String(i + 1).padStart(2, "0")}/04/${year};CDD;Paris`),
]));

for (const engine of testEngines()) {
  describe(`Score QPV history routes on ${engine.name}`, () => {
    let t: TestApp;
    let alice: Browser; // admin of an employer (ACI)
    let marc: Browser; // member (not admin) of the same employer
    let bruno: Browser; // admin of another employer
    let chloe: Browser; // admin of a prescriber
    let aliceId: string;
    let aci: string;
    let bakery: string;
    let mission: string;
    let reports: Record<number, string>;

    const score = async (content: Buffer, fields: Record<string, string> = {}): Promise<string> => {
      const created = await t.app.inject({ method: "POST", url: "/api/v1/score-qpv/jobs", ...multipart("rh.csv", content, fields) });
      assert.equal(created.statusCode, 202, created.body);
      for (let i = 0; i < 200; i++) {
        const job = (await t.app.inject({ method: "GET", url: `/api/v1/score-qpv/jobs/${created.json().id}` })).json() as ScoreJob;
        if (job.status === "succeeded") return job.reportId!;
        if (job.status !== "running" && job.status !== "pending") throw new Error(JSON.stringify(job));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error("job still running");
    };

    before(async () => {
      t = await buildTestApp(engine, (deps) => [
        (app) => registerAccountsRoutes(app, deps),
        (app) => registerOrganisationsRoutes(app, deps),
        (app) => registerScoreQpvRoutes(app, { db: deps.db, geocoder: fakeGeocoder(), geography: fakeGeography(), assessCertainty: fakeAssessCertainty, maxUploadBytes: MAX_BYTES }),
        (app) => registerScoreHistoryRoutes(app, deps),
      ]);
      alice = await signedIn(t, "alice@aci.example", "professional", "Alice");
      marc = await signedIn(t, "marc@aci.example", "professional", "Marc");
      bruno = await signedIn(t, "bruno@boulangerie.example", "professional", "Bruno");
      chloe = await signedIn(t, "chloe@ml.example", "professional", "Chloé");
      aliceId = (await alice.refreshCsrf()).user.id;
      aci = (await alice.request("POST", "/api/v1/organisations", { kind: "ACI", name: "Jardins de Belleville", siret: siretFrom("7328293200007") })).json().id;
      bakery = (await bruno.request("POST", "/api/v1/organisations", { kind: "entreprise", name: "Boulangerie Ménilmontant", siret: siretFrom("1300252650001") })).json().id;
      const created = await chloe.request("POST", "/api/v1/organisations", { kind: "ML", name: "Mission locale Paris Est", siret: "44102500400017" });
      assert.equal(created.statusCode, 201, created.body);
      mission = created.json().id;
      const marcId = (await marc.refreshCsrf()).user.id;
      await t.db.insertInto("memberships").values({ organisation_id: aci, user_id: marcId, role: "member" }).execute();
      assert.equal((await marc.request("PUT", "/api/v1/auth/session/organisation", { organisationId: aci })).statusCode, 204);
      for (const b of [alice, marc, bruno, chloe]) await b.refreshCsrf();
      reports = {
        2023: await score(hires(2023, 4), { from: "2023-01-01", to: "2023-12-31" }),
        2024: await score(hires(2024, 12), { from: "2024-01-01", to: "2024-12-31" }),
        2025: await score(hires(2025, 8), { from: "2025-01-01", to: "2025-12-31" }),
      };
    });
    after(() => t.close());

    it("documents its routes in the OpenAPI description", async () => {
      const paths = (await t.app.inject({ method: "GET", url: "/api/docs/json" })).json().paths;
      assert.deepEqual(Object.keys(paths["/api/v1/organisations/{id}/score-history"]).sort(), ["get", "post"]);
      assert.deepEqual(Object.keys(paths["/api/v1/organisations/{id}/score-history/{scoreId}"]).sort(), ["delete", "get"]);
      assert.match(paths["/api/v1/organisations/{id}/score-history"].post.summary, /Enregistrer un rapport/);
    });

    it("saves a report's aggregates to the acting organisation, a new row each time, and lists them by period", async () => {
      // Saved out of order: the list follows the periods.
      const first = await alice.request("POST", `/api/v1/organisations/${aci}/score-history`, { reportId: reports[2024], label: "  Site  Nord " });
      assert.equal(first.statusCode, 201, first.body);
      const saved = first.json() as SavedScore;
      assert.equal(saved.label, "Site Nord");
      assert.deepEqual(saved.period, { from: "2024-01-01", to: "2024-12-31" });
      assert.deepEqual(saved.rows, { total: 20, inPeriod: 20, located: 20 });
      assert.equal(saved.qpv.share, 0.6);
      assert.equal(saved.qpv.count, 12);
      assert.equal(saved.reportId, reports[2024]);
      assert.deepEqual(saved.savedBy, { id: aliceId, name: "Alice" });
      assert.equal(saved.nationalQpvShare, 0.08);
      assert.equal(saved.report.rows.located, 20);
      assert.ok(saved.millesimes.qpv.length > 0);

      assert.equal((await marc.request("POST", `/api/v1/organisations/${aci}/score-history`, { reportId: reports[2025] })).statusCode, 201, "a member saves too");
      assert.equal((await alice.request("POST", `/api/v1/organisations/${aci}/score-history`, { reportId: reports[2023], label: "" })).statusCode, 201);

      const again = await alice.request("POST", `/api/v1/organisations/${aci}/score-history`, { reportId: reports[2024] });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().code, "score_history.already_saved");

      const list = (await marc.request("GET", `/api/v1/organisations/${aci}/score-history`)).json().scores as SavedScoreSummary[];
      assert.deepEqual(list.map((s) => s.period.to), ["2023-12-31", "2024-12-31", "2025-12-31"]);
      assert.deepEqual(list.map((s) => s.qpv.share), [4 / 12, 0.6, 0.5]);
      assert.deepEqual(list.map((s) => s.label), [null, "Site Nord", null]);
      assert.equal(list[2].savedBy?.name, "Marc");
      assert.ok(!("report" in list[0]), "the list carries no report");

      const rows = await t.db.selectFrom("score_history").selectAll().execute();
      assert.equal(rows.length, 3);
      const everything = JSON.stringify(rows);
      assert.ok(!everything.includes("rue du QPV") && !everything.includes("P1;"), "no address nor row is stored");
      const audit = await listAudit(t.db, aci);
      assert.equal(audit.filter((a) => a.action === "score_history.saved").length, 3);
    });

    it("validates the body with French messages and refuses an unknown report", async () => {
      const bad = await alice.request("POST", `/api/v1/organisations/${aci}/score-history`, { reportId: "nope", label: "x".repeat(101) });
      assert.equal(bad.statusCode, 400);
      const fields = Object.fromEntries(bad.json().details.map((d: { field: string; message: string }) => [d.field, d.message]));
      assert.match(fields["body.reportId"], /Identifiant de rapport invalide/);
      assert.equal(fields["body.label"], "Libellé trop long (100 caractères au plus).");
      const unknown = await alice.request("POST", `/api/v1/organisations/${aci}/score-history`, { reportId: randomUUID() });
      assert.equal(unknown.statusCode, 404);
      assert.equal(unknown.json().code, "score_history.report_not_found");
    });

    it("answers 404 for another organisation's id, 403 to non-employers, 401 to visitors", async () => {
      const saved = (await alice.request("GET", `/api/v1/organisations/${aci}/score-history`)).json().scores[0] as SavedScoreSummary;
      const one = await alice.request("GET", `/api/v1/organisations/${aci}/score-history/${saved.id}`);
      assert.equal(one.statusCode, 200);
      assert.equal(one.json().report.version, 1);

      const fromBakery = [
        bruno.request("GET", `/api/v1/organisations/${aci}/score-history`),
        bruno.request("GET", `/api/v1/organisations/${aci}/score-history/${saved.id}`),
        bruno.request("POST", `/api/v1/organisations/${aci}/score-history`, { reportId: reports[2025] }),
        bruno.request("DELETE", `/api/v1/organisations/${aci}/score-history/${saved.id}`),
        // Its own organisation in the URL, the ACI's score id: not found either.
        bruno.request("GET", `/api/v1/organisations/${bakery}/score-history/${saved.id}`),
        bruno.request("DELETE", `/api/v1/organisations/${bakery}/score-history/${saved.id}`),
      ];
      for (const response of await Promise.all(fromBakery)) {
        assert.equal(response.statusCode, 404, response.body);
        assert.equal(response.json().code, "score_history.not_found");
      }
      assert.deepEqual((await bruno.request("GET", `/api/v1/organisations/${bakery}/score-history`)).json(), { scores: [] });

      for (const response of await Promise.all([
        chloe.request("GET", `/api/v1/organisations/${mission}/score-history`),
        chloe.request("POST", `/api/v1/organisations/${mission}/score-history`, { reportId: reports[2025] }),
      ])) {
        assert.equal(response.statusCode, 403, response.body);
        assert.equal(response.json().code, "auth.forbidden");
      }
      const visitor = browser(t.app);
      assert.equal((await visitor.request("GET", `/api/v1/organisations/${aci}/score-history`)).statusCode, 401);
      assert.equal((await visitor.request("POST", `/api/v1/organisations/${aci}/score-history`, { reportId: reports[2025] })).statusCode, 401);
      assert.equal((await t.db.selectFrom("score_history").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n, 3);
    });

    it("lets only the organisation's administrators delete a saved score, audited; the report page link goes when the report goes", async () => {
      const [oldest] = (await alice.request("GET", `/api/v1/organisations/${aci}/score-history`)).json().scores as SavedScoreSummary[];
      const byMember = await marc.request("DELETE", `/api/v1/organisations/${aci}/score-history/${oldest.id}`);
      assert.equal(byMember.statusCode, 403);
      const deleted = await alice.request("DELETE", `/api/v1/organisations/${aci}/score-history/${oldest.id}`);
      assert.equal(deleted.statusCode, 204);
      assert.equal((await alice.request("DELETE", `/api/v1/organisations/${aci}/score-history/${oldest.id}`)).statusCode, 404);
      const entry = (await listAudit(t.db, aci)).find((a) => a.action === "score_history.deleted");
      assert.equal(entry?.subjectId, oldest.id);
      assert.equal(entry?.actorUserId, aliceId);
      assert.equal(entry?.details.periodFrom, "2023-01-01");

      // The saved score outlives its stored report: the same copy, who saved it and when, without the link.
      const saved2024 = ((await alice.request("GET", `/api/v1/organisations/${aci}/score-history`)).json().scores as SavedScoreSummary[])[0];
      const before = (await marc.request("GET", `/api/v1/organisations/${aci}/score-history/${saved2024.id}`)).json() as SavedScore;
      assert.equal(before.reportId, reports[2024]);
      assert.equal(await deleteReport(t.db, reports[2024]), true);
      assert.equal((await alice.request("GET", `/api/v1/score-qpv/reports/${reports[2024]}`)).statusCode, 404);
      const list = (await alice.request("GET", `/api/v1/organisations/${aci}/score-history`)).json().scores as SavedScoreSummary[];
      assert.deepEqual(list.map((s) => [s.period.to, s.reportId]), [["2024-12-31", null], ["2025-12-31", reports[2025]]]);
      const copy = await marc.request("GET", `/api/v1/organisations/${aci}/score-history/${saved2024.id}`);
      assert.equal(copy.statusCode, 200, copy.body);
      assert.deepEqual(copy.json(), { ...before, reportId: null });
      const kept = copy.json() as SavedScore;
      assert.deepEqual([kept.label, kept.savedBy?.name, kept.report.qpv.share, kept.report.rows.located], ["Site Nord", "Alice", 0.6, 20]);
      assert.ok(kept.report.breakdowns.byMonth.length > 0 && kept.report.geography.qpv.length > 0, "the whole aggregated report is kept");
    });
  });
}
