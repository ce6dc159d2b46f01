import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { checkSiret } from "../organisations/organisations.domain.ts";
import { listSavedScores } from "../score-qpv/score-history.queries.ts";
import type { Database } from "../server/db.ts";
import { testEngines } from "../server/test-engines.ts";
import { DemoRefusedInProduction, demoPassword, productionRefusalMessage } from "./demo.domain.ts";
import { homesInQpv, homesOutsideQpv } from "./demo.addresses.ts";
import { findOrganisationIdBySiret } from "./demo.queries.ts";
import { scoresStep } from "./demo.scores.ts";
import { demoSteps, loadTerritory, seedDemoTerritory } from "./demo.seed.ts";
import { buildDemoTestApp, type DemoTestApp } from "./demo.test-support.ts";
import { demoAccounts, demoOrganisations } from "./demo.territory.ts";
import { seedDemoOnStart } from "./index.ts";

/** What the demo put in the database, per table (and per kind where it matters). */
const counts = async (db: Database) => {
  const count = async (table: "users" | "organisations" | "memberships" | "audit_log" | "demo_seed_runs" | "candidates" | "candidate_followers" | "candidate_consents" | "offers" | "applications" | "application_transitions" | "score_qpv_reports" | "score_history") =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  const families = await db.selectFrom("organisations").select(["family", (eb) => eb.fn.countAll<number>().as("n")]).groupBy("family").orderBy("family").execute();
  return {
    users: await count("users"),
    organisations: await count("organisations"),
    memberships: await count("memberships"),
    audit: await count("audit_log"),
    runs: await count("demo_seed_runs"),
    candidates: await count("candidates"),
    followers: await count("candidate_followers"),
    consents: await count("candidate_consents"),
    offers: await count("offers"),
    applications: await count("applications"),
    transitions: await count("application_transitions"),
    reports: await count("score_qpv_reports"),
    scores: await count("score_history"),
    families: Object.fromEntries(families.map((row) => [row.family, Number(row.n)])),
  };
};

for (const engine of testEngines()) {
  describe(`demo territory on ${engine.name}`, () => {
    let t: DemoTestApp;
    before(async () => {
      t = await buildDemoTestApp(engine);
    });
    after(() => t.close());

    it("is refused when NODE_ENV=production, in French, before writing anything", async () => {
      await assert.rejects(seedDemoTerritory({ ...t.demo, env: { NODE_ENV: "production" } }), (error: unknown) => {
        assert.ok(error instanceof DemoRefusedInProduction);
        assert.equal(error.message, productionRefusalMessage);
        assert.match(error.message, /refusé quand NODE_ENV=production/);
        return true;
      });
      await assert.rejects(seedDemoOnStart({ ...t.demo, env: { NODE_ENV: "production", TREMPLIN_DEMO: "1" } }, () => {}), DemoRefusedInProduction);
      assert.equal(await seedDemoOnStart({ ...t.demo, env: { NODE_ENV: "production" } }, () => {}), null, "off by default in production");
      assert.equal(await seedDemoOnStart({ ...t.demo, env: { TREMPLIN_DEMO: "0" } }, () => {}), null);
      assert.deepEqual(await counts(t.db), { users: 0, organisations: 0, memberships: 0, audit: 0, runs: 0, candidates: 0, followers: 0, consents: 0, offers: 0, applications: 0, transitions: 0, reports: 0, scores: 0, families: {} });
    });

    it("seeds once: two starts at the same time, then a restart, give the same territory", async () => {
      const lines: string[] = [];
      const [first, concurrent] = await Promise.all([seedDemoOnStart(t.demo, (line) => lines.push(line)), seedDemoTerritory(t.demo)]);
      const seededBy = [first!, concurrent].filter((report) => report.seeded.some((s) => s.step === "organisations"));
      assert.equal(seededBy.length, 1, "exactly one of the two starts seeds the organisations");
      const once = await counts(t.db);
      assert.equal(once.users, demoAccounts.length);
      assert.equal(once.organisations, demoOrganisations.length);
      assert.deepEqual(once.families, { employer: 10, operator: 1, prescriber: 3 });
      assert.equal(once.runs, demoSteps.length);
      assert.equal(once.candidates, 60);
      assert.equal(once.followers, 59, "every candidate but the self-registered one is followed by the prescriber who created them");
      assert.equal(once.consents, 60, "each with the consent recorded");
      assert.equal(once.scores, 9, "three periods for the ACI, three per site of the EI");
      assert.equal(once.reports, 9);

      const restart = await seedDemoTerritory(t.demo);
      assert.deepEqual(restart.seeded, []);
      assert.deepEqual(restart.alreadyDone, demoSteps.map((step) => step.name));
      assert.deepEqual(await counts(t.db), once);
    });

    it("has the organisations of a believable territory, with valid SIRETs and the prescribers' authorisations", async () => {
      const rows = await t.db.selectFrom("organisations").select(["kind", "siret", "authorization_status", "name"]).execute();
      assert.ok(rows.every((row) => checkSiret(row.siret) === "valid" && row.siret.startsWith("99")));
      assert.ok(rows.every((row) => /démo|démonstration/.test(row.name)), "every name says it is fictitious");
      const kinds = rows.map((row) => row.kind).sort();
      for (const kind of ["cite_emploi", "ACI", "EI", "ETTI", "employeur_public", "FT", "ML", "PLIE"]) assert.ok(kinds.includes(kind), kind);
      assert.equal(kinds.filter((kind) => kind === "entreprise").length, 6);
      const status = Object.fromEntries(rows.filter((row) => row.authorization_status).map((row) => [row.kind, row.authorization_status]));
      assert.deepEqual(status, { FT: "VALIDATED", ML: "VALIDATED", PLIE: "NOT_SET" });
      const admins = await t.db.selectFrom("memberships").select("organisation_id").where("role", "=", "admin").distinct().execute();
      assert.equal(admins.length, demoOrganisations.length, "every organisation has an admin");
    });

    it("has sixty candidates on real Paris addresses, a third inside a QPV 2024, followed by the three prescribers", async () => {
      const rows = await t.db.selectFrom("candidates").select(["location_status", "qpv_code", "commune_insee", "user_id", "created_via"]).execute();
      assert.equal(rows.length, 60);
      assert.ok(rows.every((row) => row.location_status === "located" && row.commune_insee?.startsWith("751")), "every address geocoded in Paris");
      assert.equal(rows.filter((row) => row.qpv_code).length, 20, "a third in a QPV 2024");
      assert.equal(rows.filter((row) => row.user_id).length, 1, "the demo candidate's own profile");
      assert.deepEqual([...new Set(rows.map((row) => row.created_via))].sort(), ["prescriber", "self"]);
      const followed = await t.db.selectFrom("candidate_followers").select(["organisation_id", (eb) => eb.fn.countAll<number>().as("n")]).groupBy("organisation_id").execute();
      assert.equal(followed.length, 3);
    });

    it("has forty offers and applications in every state the demo's employers can reach", async () => {
      const offers = await t.db.selectFrom("offers").select(["status", "lat", "commune_insee"]).execute();
      assert.equal(offers.length, 40);
      assert.equal(offers.filter((o) => o.status === "closed").length, 2);
      assert.ok(offers.every((o) => o.lat !== null && o.commune_insee.startsWith("751")), "every offer placed at a Paris address");
      const states = await t.db.selectFrom("applications").select(["state", (eb) => eb.fn.countAll<number>().as("n")]).groupBy("state").execute();
      const byState = Object.fromEntries(states.map((row) => [row.state, Number(row.n)]));
      // prior_to_hire is for GEIQ only: the demo has none.
      for (const state of ["new", "processing", "postponed", "pool", "accepted", "refused", "cancelled", "obsolete"]) assert.ok(byState[state]! > 0, `${state}: ${JSON.stringify(byState)}`);
      assert.equal(Object.values(byState).reduce((a, b) => a + b, 0), 75);
    });

    it("has the Score QPV history of the ACI: three periods scored for real, the share in QPV rising, saved by its admin", async () => {
      const aci = (await findOrganisationIdBySiret(t.db, demoOrganisations.find((o) => o.key === "aci")!.siret, "ACI"))!;
      const scores = await listSavedScores(t.db, aci);
      assert.deepEqual(scores.map((s) => [s.period.from, s.period.to, s.label]), [["2023-01-01", "2023-12-31", null], ["2024-01-01", "2024-12-31", null], ["2025-01-01", "2025-12-31", null]]);
      const shares = scores.map((s) => s.qpv.share!);
      assert.ok(shares[0]! > 0.1 && shares[0]! < shares[1]! && shares[1]! < shares[2]! && shares[2]! < 0.25, `shares: ${shares}`);
      assert.deepEqual(scores.map((s) => s.millesimes.qpv), [[2015], [2024], [2024]], "the hires of 2023 measured against the QPV 2015");
      assert.ok(scores.every((s) => s.rows.located > 40 && s.rows.located < s.rows.total), "a few rows outside Paris or without an address, not located");
      assert.ok(scores.every((s) => s.savedBy?.name === "Nadia Benali" && s.reportId));
      const audited = await t.db.selectFrom("audit_log").select("subject_id").where("action", "=", "score_history.saved").where("organisation_id", "=", aci).execute();
      assert.equal(audited.length, 3);
      // Only aggregates: no demo address in a stored or saved report.
      const texts = [
        ...(await t.db.selectFrom("score_qpv_reports").select("report").execute()).map((r) => JSON.stringify(r.report)),
        ...(await t.db.selectFrom("score_history").select("report").execute()).map((r) => JSON.stringify(r.report)),
      ];
      for (const home of [...homesInQpv, ...homesOutsideQpv]) assert.ok(texts.every((text) => !text.includes(home.street)), home.street);

      const ei = (await findOrganisationIdBySiret(t.db, demoOrganisations.find((o) => o.key === "ei")!.siret, "EI"))!;
      const bySite = Map.groupBy(await listSavedScores(t.db, ei), (s) => s.label);
      assert.deepEqual([...bySite.keys()].sort(), ["Atelier La Chapelle", "Boutique Flandre"]);
      for (const site of bySite.values()) assert.equal(site.length, 3);

      // Run again (as after a step interrupted mid-way): nothing saved twice.
      assert.deepEqual(await scoresStep.run(t.demo, await loadTerritory(t.demo)), { "scores enregistrés": 0, "embauches localisées": 0 });
      assert.equal((await listSavedScores(t.db, aci)).length, 3);
    });

    it("lets every demo account sign in with the documented password, in the expected role", async () => {
      for (const account of demoAccounts) {
        const login = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email: account.email, password: demoPassword } });
        assert.equal(login.statusCode, 204, `${account.email}: ${login.body}`);
        const cookie = login.cookies.find((c) => c.name === "tremplin_session")!;
        const session = (await t.app.inject({ method: "GET", url: "/api/v1/auth/session", headers: { cookie: `tremplin_session=${cookie.value}` } })).json();
        assert.equal(session.user.email, account.email);
        const expected = account.kind === "admin" ? "platform_admin" : account.kind === "candidate" ? "candidate" : account.membership ? `_${account.membership.role}` : "professional";
        assert.ok(String(session.role).endsWith(expected), `${account.email}: ${session.role}`);
      }
      const wrong = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email: demoAccounts[0]!.email, password: "pas le bon mot de passe" } });
      assert.equal(wrong.statusCode, 401);
    });
  });
}
