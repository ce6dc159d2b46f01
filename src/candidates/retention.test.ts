import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createMailer, type Mailer } from "../mail/mailer.ts";
import type { OutgoingMail } from "../mail/mail.transport.ts";
import type { Database } from "../server/db.ts";
import { type TestDatabase, testEngines } from "../server/test-engines.ts";
import { noLocation } from "./candidates.domain.ts";
import { insertCandidate, insertConsent, touchCandidate } from "./candidates.queries.ts";
import { runRetention } from "./retention.ts";

const day = 86_400_000;

for (const engine of testEngines()) {
  describe(`2-year retention job on ${engine.name}`, () => {
    let test: TestDatabase;
    let db: Database;
    let mailer: Mailer;
    const sent: OutgoingMail[] = [];
    let now = new Date("2029-03-01T10:00:00Z");
    const clock = { now: () => now };
    const ids: Record<string, string> = {};

    const candidate = async (key: string, lastActivityDaysAgo: number, email: string | null) => {
      const userRow = await db.insertInto("users").values({ email: `pro-${key.toLowerCase()}@example.org`, name: "Pro", kind: "professional" }).returning("id").executeTakeFirstOrThrow();
      const id = await insertCandidate(db, {
        profile: {
          firstName: `Prénom ${key}`, lastName: "Nom", email, phone: "0601020304", birthYear: 1990, address: "3 rue X 75020 Paris",
          targetAppellations: ["38000"], skills: [], languages: [], drivingLicences: [], mobilityRadiusKm: null, mobilityMeans: [],
          availability: null, availableFrom: null, barriers: ["sante"],
        },
        location: { ...noLocation, status: "located", communeInsee: "75120", qpv: { code: "QN07517I", name: "Portes du Vingtième", millesime: 2024 }, lat: 48.86, lon: 2.41, uncertain: false },
        userId: null, createdVia: "prescriber", createdByUserId: userRow.id, createdByOrganisationId: null,
        now: new Date(now.getTime() - lastActivityDaysAgo * day),
      });
      await insertConsent(db, id, { decision: "given", purpose: "p", textVersion: "v", text: "t", givenBy: "prescriber", byUserId: userRow.id, byOrganisationId: null, at: new Date(now.getTime() - lastActivityDaysAgo * day) });
      ids[key] = id;
    };
    const row = (key: string) => db.selectFrom("candidates").selectAll().where("id", "=", ids[key]!).executeTakeFirstOrThrow();
    const deps = () => ({ db, mailer, publicUrl: "http://tremplin.test" });

    before(async () => {
      test = await engine.freshMigratedDb();
      db = test.db;
      mailer = createMailer({ db, transport: { name: "memory", send: async (m) => { sent.push(m); }, close() {} }, from: "t@tremplin.test", clock });
      await candidate("active", 100, "active@example.org");
      await candidate("old", 800, "old@example.org");
      await candidate("oldNoMail", 731, null);
    });
    after(async () => {
      await mailer.idle();
      await test.close();
    });

    it("dry-run counts and changes nothing", async () => {
      const before = await db.selectFrom("candidates").selectAll().orderBy("id").execute();
      const report = await runRetention(deps(), now, { apply: false });
      assert.deepEqual(report, { toNotify: 2, toAnonymise: 0, notified: 0, anonymised: 0, applied: false });
      assert.deepEqual(await db.selectFrom("candidates").selectAll().orderBy("id").execute(), before);
      assert.equal((await db.selectFrom("mail_outbox").select("id").execute()).length, 0);
    });

    it("apply notifies the inactive profiles by mail (French), once", async () => {
      const report = await runRetention(deps(), now, { apply: true });
      assert.equal(report.notified, 2);
      await mailer.idle();
      await mailer.flush();
      const mail = sent.find((m) => m.to.includes("old@example.org"));
      assert.ok(mail);
      assert.equal(mail.subject, "Votre profil Tremplin sera bientôt anonymisé");
      assert.match(mail.text, /Bonjour Prénom old,/);
      assert.match(mail.text, /seront effacées le 31 mars 2029, dans 30 jours/);
      assert.notEqual((await row("old")).inactivity_notified_at, null);
      assert.notEqual((await row("oldNoMail")).inactivity_notified_at, null, "noted even without an address");
      assert.equal((await row("active")).inactivity_notified_at, null);
      assert.equal((await runRetention(deps(), now, { apply: true })).notified, 0, "not notified twice");
    });

    it("anonymises after the notice period, unless there was activity; statistics stay", async () => {
      now = new Date(now.getTime() + 29 * day);
      assert.equal((await runRetention(deps(), now, { apply: true })).anonymised, 0, "29 days: still waiting");
      await touchCandidate(db, ids.oldNoMail!, now); // e.g. the counsellor updates the profile
      now = new Date(now.getTime() + 2 * day);
      const dry = await runRetention(deps(), now, { apply: false });
      assert.equal(dry.toAnonymise, 1);
      const report = await runRetention(deps(), now, { apply: true });
      assert.equal(report.anonymised, 1);
      const old = await row("old");
      assert.deepEqual([old.first_name, old.last_name, old.email, old.phone, old.address_text, old.lat, old.birth_year, old.barriers], [null, null, null, null, null, null, null, []]);
      assert.deepEqual([old.commune_insee, old.qpv_code, old.target_appellations], ["75120", "QN07517I", ["38000"]]);
      assert.notEqual(old.anonymised_at, null);
      assert.equal((await db.selectFrom("candidate_consents").select("id").where("candidate_id", "=", ids.old!).execute()).length, 1, "consents kept");
      const audit = await db.selectFrom("audit_log").select(["action", "details", "actor_user_id"]).where("subject_id", "=", ids.old!).executeTakeFirstOrThrow();
      assert.deepEqual(audit, { action: "candidate.anonymised", details: { reason: "inactivity" }, actor_user_id: null });
      assert.equal((await row("oldNoMail")).anonymised_at, null, "activity during the notice keeps the profile");
      assert.equal((await row("oldNoMail")).inactivity_notified_at, null);
      assert.equal((await row("active")).anonymised_at, null);
    });
  });
}
