import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { registerAccountsRoutes } from "../accounts/accounts.routes.ts";
import { type Browser, browser, buildTestApp, signedIn, type TestApp } from "../accounts/test-app.ts";
import { registerOrganisationsRoutes } from "../organisations/organisations.routes.ts";
import { replaceCv } from "../candidates/candidates.queries.ts";
import { anonymiseCandidate, exportPersonalData } from "../candidates/personal-data.ts";
import { testEngines } from "../server/test-engines.ts";
import { addDays, parisDate } from "./application-dates.domain.ts";
import { registerApplicationsRoutes } from "./applications.routes.ts";
import { autoRefuseUnanswered } from "./applications.use-cases.ts";
import { insertCandidate, insertOffer, joinOrganisation, mailsTo, organisationFor } from "./test-fixtures.ts";

for (const engine of testEngines()) {
  describe(`applications routes on ${engine.name}`, () => {
    let t: TestApp;
    let emma: Browser; // admin of the ACI "Jardins" (employer E)
    let eric: Browser; // member of E
    let oscar: Browser; // admin of another employer O
    let paul: Browser; // counsellor of the mission locale P, which follows Chloé
    let pia: Browser; // counsellor of another prescriber Q
    let chloe: Browser; // the candidate, with her own account
    let orgE: string;
    let orgO: string;
    let orgP: string;
    let chloeId: string;
    let offerE: string;
    let offerO: string;
    let first: string;
    const today = () => parisDate(t.clock.now());

    before(async () => {
      t = await buildTestApp(engine, (deps) => [
        (app) => registerAccountsRoutes(app, deps),
        (app) => registerOrganisationsRoutes(app, deps),
        (app) => registerApplicationsRoutes(app, deps),
      ]);
      emma = await signedIn(t, "emma@jardins.example", "professional", "Emma");
      eric = await signedIn(t, "eric@jardins.example", "professional", "Éric");
      oscar = await signedIn(t, "oscar@boulangerie.example", "professional", "Oscar");
      paul = await signedIn(t, "paul@ml.example", "professional", "Paul");
      pia = await signedIn(t, "pia@ccas.example", "professional", "Pia");
      chloe = await signedIn(t, "chloe@example.org", "candidate", "Chloé");
      orgE = await organisationFor(emma, "ACI", "Jardins de Belleville", "73282932000074");
      await joinOrganisation(t, eric, orgE);
      orgO = await organisationFor(oscar, "entreprise", "Boulangerie Ménilmontant", "13002526500013");
      orgP = await organisationFor(paul, "ML", "Mission locale Paris Est", "55208131766522");
      await organisationFor(pia, "CCAS", "CCAS du 20e", "44306184100047");
      const chloeUser = (await chloe.refreshCsrf()).user.id;
      chloeId = await insertCandidate(t.db, { firstName: "Chloé", lastName: "Martin", email: null, userId: chloeUser, followedBy: [orgP] });
      offerE = await insertOffer(t.db, orgE, "Jardinier ou jardinière d'espaces verts");
      offerO = await insertOffer(t.db, orgO, "Vendeur ou vendeuse en boulangerie");
      const job = await t.db
        .selectFrom("offers as o")
        .innerJoin("rome_appellations as a", "a.code", "o.appellation_code")
        .innerJoin("rome_fiches as f", "f.code", "a.rome_code")
        .select(["a.code", "a.label", "f.code as rome", "f.label as romeLabel"])
        .where("o.id", "=", offerE)
        .executeTakeFirstOrThrow();
      assert.deepEqual(job, { code: "16068", label: "Jardinier / Jardinière d'espaces verts", rome: "A1208", romeLabel: "Jardinier / Jardinière paysagiste" }, "the shipped ROME 4.0 rows");
    });
    after(() => t.close());

    it("lets a counsellor apply for a followed candidate, tells the employer's members, confirms to both", async () => {
      const sent = await paul.request("POST", "/api/v1/applications", { candidateId: chloeId, offerId: offerE, message: "Chloé a fait un stage en horticulture." });
      assert.equal(sent.statusCode, 201, sent.body);
      first = sent.json().id;
      assert.equal((await mailsTo(t, "emma@jardins.example", "Nouvelle candidature")).length, 1);
      assert.equal((await mailsTo(t, "eric@jardins.example", "Nouvelle candidature")).length, 1);
      assert.match((await t.lastMailTo("chloe@example.org")).subject, /Candidature envoyée/);
      assert.match((await t.lastMailTo("paul@ml.example")).text, /Jardinier ou jardinière/);

      const again = await paul.request("POST", "/api/v1/applications", { candidateId: chloeId, offerId: offerE });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().code, "application.already_active");
      const notFollowed = await pia.request("POST", "/api/v1/applications", { candidateId: chloeId, offerId: offerE });
      assert.equal(notFollowed.statusCode, 404, "a candidate the counsellor's organisation does not follow does not exist for them");
      assert.equal(notFollowed.json().code, "application.candidate_not_found");
    });

    it("lets the candidate apply herself (spontaneous application) and refuses bad input with French messages per field", async () => {
      const bad = await chloe.request("POST", "/api/v1/applications", { offerId: "pas-un-uuid", hiringStartAt: "31/12/2026" });
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(bad.json().details.map((d: { field: string }) => d.field).sort(), ["body.hiringStartAt", "body.offerId"]);
      assert.match(bad.json().message, /Identifiant d'offre invalide/);
      t.clock.advance(1000);
      const spontaneous = await chloe.request("POST", "/api/v1/applications", { employerOrganisationId: orgO, message: "Bonjour, je suis disponible." });
      t.clock.advance(1000);
      assert.equal(spontaneous.statusCode, 201, spontaneous.body);
      const toOffer = await chloe.request("POST", "/api/v1/applications", { offerId: offerO });
      assert.equal(toOffer.statusCode, 201, "a spontaneous application and one to an offer are two different targets");
      const mine = await chloe.request("GET", "/api/v1/applications/mine");
      assert.equal(mine.json().items.length, 3);
      assert.deepEqual(mine.json().items.map((i: { senderKind: string }) => i.senderKind), ["candidate", "candidate", "prescriber"]);
    });

    it("answers 404 — never 403 — to an application of another organisation, like a missing id", async () => {
      const missing = await oscar.request("GET", `/api/v1/applications/${randomUUID()}`);
      for (const [who, response] of [
        ["oscar", await oscar.request("GET", `/api/v1/applications/${first}`)],
        ["pia", await pia.request("GET", `/api/v1/applications/${first}`)],
        ["oscar accepts", await oscar.request("POST", `/api/v1/applications/${first}/transitions`, { transition: "process" })],
        ["pia writes", await pia.request("POST", `/api/v1/applications/${first}/messages`, { body: "Bonjour" })],
      ] as const) {
        assert.equal(response.statusCode, 404, `${who}: ${response.body}`);
        assert.deepEqual(response.json(), missing.json(), who);
      }
      const stranger = await signedIn(t, "zoe@example.org", "candidate", "Zoé");
      assert.equal((await stranger.request("GET", `/api/v1/applications/${first}`)).statusCode, 404);
      const inbox = await oscar.request("GET", "/api/v1/applications/received");
      assert.ok(inbox.json().items.every((i: { id: string }) => i.id !== first));
    });

    it("shows the employer its inbox with filters and pagination, and audits the reads", async () => {
      const inbox = await emma.request("GET", "/api/v1/applications/received");
      assert.equal(inbox.statusCode, 200, inbox.body);
      assert.deepEqual(inbox.json().items.map((i: { id: string }) => i.id), [first]);
      assert.deepEqual(inbox.json().counts, { new: 1 });
      assert.equal(inbox.json().items[0].candidate.lastName, "Martin");
      for (const query of ["state=refused", `offerId=${offerO}`, "senderKind=candidate", `from=${addDays(today(), 1)}`, `to=${addDays(today(), -1)}`]) {
        assert.deepEqual((await emma.request("GET", `/api/v1/applications/received?${query}`)).json().items, [], query);
      }
      assert.equal((await emma.request("GET", `/api/v1/applications/received?state=new&state=processing&from=${today()}&to=${today()}`)).json().items.length, 1);
      assert.equal((await emma.request("GET", "/api/v1/applications/received?state=inconnu")).statusCode, 400);

      const received = await oscar.request("GET", "/api/v1/applications/received?limit=1");
      assert.equal(received.json().items.length, 1);
      const next = await oscar.request("GET", `/api/v1/applications/received?limit=1&cursor=${received.json().nextCursor}`);
      assert.equal(next.json().items.length, 1);
      assert.notEqual(next.json().items[0].id, received.json().items[0].id);
      assert.equal(next.json().nextCursor, null);

      const detail = await emma.request("GET", `/api/v1/applications/${first}`);
      assert.equal(detail.statusCode, 200, detail.body);
      assert.equal(detail.json().candidate.firstName, "Chloé");
      assert.deepEqual(detail.json().actions, ["process", "postpone", "accept", "add_to_pool", "refuse"]);
      const audit = await t.db.selectFrom("audit_log").select(["action", "subject_id", "details"]).where("action", "=", "candidate.read").execute();
      assert.ok(audit.some((a) => a.subject_id === chloeId && a.details.application === first));
      assert.ok(!JSON.stringify(audit).includes("Martin"), "ids only in the audit log");
    });

    it("lets the employer's members and the counsellor download the person's current CV through the application, 404 for anyone else, audited", async () => {
      const cvOf = (client: Browser, id: string) => client.request("GET", `/api/v1/applications/${id}/cv`);
      const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);
      const putCv = (candidateId: string, fileName: string, content: Buffer) =>
        replaceCv(t.db, candidateId, { fileName, content, sha256: "0".repeat(64), byUserId: chloeUserId, now: t.clock.now() });
      const chloeUserId = (await chloe.refreshCsrf()).user.id;

      // No CV yet: the detail says so, the download answers its own 404.
      const before = (await emma.request("GET", `/api/v1/applications/${first}`)).json();
      assert.deepEqual([before.hasCv, before.offer.withoutCv], [false, false]);
      const none = await cvOf(emma, first);
      assert.deepEqual([none.statusCode, none.json().code], [404, "application.cv_not_found"]);
      assert.match(none.json().message, /Pas de CV/);

      await putCv(chloeId, "CV Chloé Martin.pdf", pdf("premier"));
      await putCv(chloeId, "CV Chloé Martin.pdf", pdf("actuel")); // she replaced it: the current one is read
      for (const [who, client] of [["emma", emma], ["eric", eric], ["paul", paul], ["chloe", chloe]] as const) {
        assert.equal((await client.request("GET", `/api/v1/applications/${first}`)).json().hasCv, true, who);
      }
      for (const [who, client] of [["eric", eric], ["paul", paul]] as const) {
        const cv = await cvOf(client, first);
        assert.equal(cv.statusCode, 200, `${who}: ${cv.body}`);
        assert.equal(cv.headers["content-type"], "application/pdf");
        assert.equal(cv.headers["cache-control"], "private, no-store");
        assert.match(String(cv.headers["content-disposition"]), /^attachment; filename="cv\.pdf"; filename\*=UTF-8''CV%20Chlo%C3%A9%20Martin\.pdf$/);
        assert.equal(cv.rawPayload.subarray(0, 5).toString("latin1"), "%PDF-", who);
        assert.match(cv.rawPayload.toString("latin1"), /actuel/, who);
      }

      // Anyone else: the same 404 as a missing application (never 403), and the candidate id is no application id.
      const missing = await oscar.request("GET", `/api/v1/applications/${randomUUID()}/cv`);
      assert.deepEqual([missing.statusCode, missing.json().code], [404, "application.not_found"]);
      for (const [who, response] of [
        ["oscar", await cvOf(oscar, first)],
        ["pia", await cvOf(pia, first)],
        ["chloe (her CV is on her profile)", await cvOf(chloe, first)],
        ["candidate id instead of the application's", await cvOf(emma, chloeId)],
      ] as const) {
        assert.equal(response.statusCode, 404, `${who}: ${response.body}`);
        assert.deepEqual(response.json(), missing.json(), who);
      }
      assert.equal((await cvOf(emma, "pas-un-id")).statusCode, 400);
      assert.equal((await cvOf(browser(t.app), first)).statusCode, 401);

      // Each read by a professional is audited, ids only.
      const audit = await t.db.selectFrom("audit_log").select(["actor_user_id", "organisation_id", "subject_type", "subject_id", "details"]).where("action", "=", "candidate.cv_read").execute();
      assert.deepEqual(audit.map((a) => [a.organisation_id, a.subject_type, a.subject_id, a.details]), [
        [orgE, "candidate", chloeId, { via: "application", application: first }],
        [orgP, "candidate", chloeId, { via: "application", application: first }],
      ]);
      assert.equal(audit[0].actor_user_id, (await eric.refreshCsrf()).user.id);
      assert.ok(!JSON.stringify(audit).includes("Chlo"), "no name, no file name in the audit log");

      // An application the employer no longer sees (over 730 days, not a hire) shares no CV, with the counsellor either.
      const kim = await insertCandidate(t.db, { firstName: "Kim", lastName: "Ancienne", email: null, userId: null, followedBy: [orgP] });
      await putCv(kim, "cv-kim.pdf", pdf("kim"));
      const old = (await paul.request("POST", "/api/v1/applications", { candidateId: kim, offerId: offerE })).json().id;
      await t.db.updateTable("applications").set({ created_at: new Date(t.clock.now().getTime() - 731 * 86_400_000), state: "refused", refusal_reason: "other" }).where("id", "=", old).execute();
      assert.deepEqual((await cvOf(emma, old)).json(), missing.json());
      assert.equal((await paul.request("GET", `/api/v1/applications/${old}`)).json().hasCv, false);
      assert.deepEqual([(await cvOf(paul, old)).statusCode, (await cvOf(paul, old)).json().code], [404, "application.cv_not_found"]);

      // An anonymised person: no CV through her applications, even were a file left behind.
      const lea = await insertCandidate(t.db, { firstName: "Léa", lastName: "Effacée", email: null, userId: null, followedBy: [orgP] });
      const erased = (await paul.request("POST", "/api/v1/applications", { candidateId: lea, offerId: offerE })).json().id;
      await putCv(lea, "cv-lea.pdf", pdf("lea"));
      assert.equal((await cvOf(emma, erased)).statusCode, 200);
      await t.db.transaction().execute((tx) => anonymiseCandidate(tx, lea, t.clock.now()));
      await putCv(lea, "cv-lea.pdf", pdf("lea"));
      assert.equal((await emma.request("GET", `/api/v1/applications/${erased}`)).json().hasCv, false);
      for (const client of [emma, paul]) assert.deepEqual([(await cvOf(client, erased)).statusCode, (await cvOf(client, erased)).json().code], [404, "application.cv_not_found"]);
      await t.db.deleteFrom("candidate_documents").where("candidate_id", "=", lea).execute();
    });

    it("lets only the employer answer; accepts with a start date checked to the day; obsoletes the person's other pending applications", async () => {
      const byCounsellor = await paul.request("POST", `/api/v1/applications/${first}/transitions`, { transition: "accept", hiringStartAt: today() });
      assert.equal(byCounsellor.statusCode, 403);
      assert.equal(byCounsellor.json().code, "application.actor_not_allowed");
      assert.equal((await emma.request("POST", `/api/v1/applications/${first}/transitions`, { transition: "process" })).json().state, "processing");
      const past = await emma.request("POST", `/api/v1/applications/${first}/transitions`, { transition: "accept", hiringStartAt: addDays(today(), -1) });
      assert.equal(past.json().code, "application.hiring_start_in_past");
      const far = await emma.request("POST", `/api/v1/applications/${first}/transitions`, { transition: "accept", hiringStartAt: addDays(today(), 200) });
      assert.equal(far.json().code, "application.hiring_start_too_far");
      const badDate = await emma.request("POST", `/api/v1/applications/${first}/transitions`, { transition: "accept", hiringStartAt: "2027-02-30" });
      assert.equal(badDate.statusCode, 400);
      assert.match(badDate.json().details[0].message, /Date de début du contrat : date invalide/);
      assert.equal((await t.db.selectFrom("application_transitions").select("id").where("application_id", "=", first).execute()).length, 1, "failures write nothing");

      const start = addDays(today(), 14);
      const accepted = await emma.request("POST", `/api/v1/applications/${first}/transitions`, { transition: "accept", hiringStartAt: start, answer: "Bienvenue dans l'équipe !" });
      assert.equal(accepted.statusCode, 200, accepted.body);
      assert.equal(accepted.json().state, "accepted");
      assert.equal(accepted.json().hiringStartAt, start);
      assert.deepEqual(accepted.json().transitions.map((x: { transition: string; byUserName: string }) => [x.transition, x.byUserName]), [["process", "Emma"], ["accept", "Emma"]]);
      const mine = await chloe.request("GET", "/api/v1/applications/mine");
      assert.deepEqual(mine.json().items.map((i: { state: string }) => i.state).sort(), ["accepted", "obsolete", "obsolete"]);
      const mail = await t.lastMailTo("chloe@example.org");
      assert.match(mail.subject, /acceptée/);
      assert.match(mail.text, /Bienvenue dans l'équipe/);
      assert.match((await t.lastMailTo("paul@ml.example")).subject, /acceptée/);
      const obsolete = await t.db.selectFrom("application_transitions").select(["transition", "actor_kind", "by_user_id"]).where("transition", "=", "render_obsolete").execute();
      assert.deepEqual(obsolete.map((o) => [o.actor_kind, o.by_user_id]), [["system", null], ["system", null]]);
    });

    it("moves the contract dates of a hire not started yet: only the employer, within 30 days, logged with who and when", async () => {
      const before = (await emma.request("GET", `/api/v1/applications/${first}`)).json();
      assert.equal(before.canEditHiringDates, true);
      assert.equal((await paul.request("GET", `/api/v1/applications/${first}`)).json().canEditHiringDates, false, "the counsellor reads, does not move");
      const byCounsellor = await paul.request("PUT", `/api/v1/applications/${first}/hiring-dates`, { hiringStartAt: addDays(today(), 20) });
      assert.equal(byCounsellor.json().code, "application.actor_not_allowed");
      const tooFar = await emma.request("PUT", `/api/v1/applications/${first}/hiring-dates`, { hiringStartAt: addDays(today(), 31) });
      assert.deepEqual([tooFar.statusCode, tooFar.json().code], [400, "application.hiring_postpone_too_far"]);
      const endFirst = await emma.request("PUT", `/api/v1/applications/${first}/hiring-dates`, { hiringStartAt: addDays(today(), 20), hiringEndAt: addDays(today(), 19) });
      assert.equal(endFirst.json().code, "application.hiring_end_before_start");
      const badDate = await emma.request("PUT", `/api/v1/applications/${first}/hiring-dates`, { hiringStartAt: "demain" });
      assert.equal(badDate.statusCode, 400);
      assert.match(badDate.json().details[0].message, /Date de début du contrat/);

      const moved = await emma.request("PUT", `/api/v1/applications/${first}/hiring-dates`, { hiringStartAt: addDays(today(), 30), hiringEndAt: addDays(today(), 210) });
      assert.equal(moved.statusCode, 200, moved.body);
      assert.deepEqual([moved.json().state, moved.json().hiringStartAt, moved.json().hiringEndAt], ["accepted", addDays(today(), 30), addDays(today(), 210)]);
      const last = moved.json().transitions.at(-1);
      assert.deepEqual([last.transition, last.label, last.from, last.to, last.byUserName, last.hiringStartAt], ["edit_hiring_dates", "Dates du contrat modifiées", "accepted", "accepted", "Emma", addDays(today(), 30)]);
      const audit = await t.db.selectFrom("audit_log").select(["action", "actor_user_id"]).where("subject_id", "=", first).where("action", "=", "application.edit_hiring_dates").execute();
      assert.equal(audit.length, 1);
      // The person sees her new start date.
      assert.equal((await chloe.request("GET", `/api/v1/applications/${first}`)).json().hiringStartAt, addDays(today(), 30));
    });

    it("keeps the transition log append-only", async () => {
      await assert.rejects(t.db.updateTable("application_transitions").set({ to_state: "refused" }).where("application_id", "=", first).execute(), /append-only/);
      await assert.rejects(t.db.deleteFrom("application_transitions").where("application_id", "=", first).execute(), /append-only/);
      await t.db.updateTable("application_transitions").set({ answer_to_candidate: null, erased_at: new Date() }).where("application_id", "=", first).execute();
    });

    it("refuses with a reason, a message to the candidate and one to the counsellor; the candidate sees only hers", async () => {
      const candidateB = await insertCandidate(t.db, { firstName: "Bilal", lastName: "Haddad", email: "bilal@example.org", userId: null, followedBy: [orgP] });
      const sent = await paul.request("POST", "/api/v1/applications", { candidateId: candidateB, offerId: offerE });
      const id = sent.json().id;
      const auto = await emma.request("POST", `/api/v1/applications/${id}/transitions`, { transition: "refuse", reason: "auto" });
      assert.equal(auto.statusCode, 400, "the automatic reason is not offered");
      const refused = await emma.request("POST", `/api/v1/applications/${id}/transitions`, {
        transition: "refuse",
        reason: "lacking_skills",
        reasonSharedWithCandidate: false,
        answerToCandidate: "Merci pour votre candidature.",
        answerToSender: "Il lui manque le CACES R482.",
      });
      assert.equal(refused.statusCode, 200, refused.body);
      const toCandidate = await t.lastMailTo("bilal@example.org");
      assert.match(toCandidate.text, /Merci pour votre candidature/);
      assert.doesNotMatch(toCandidate.text, /CACES|compétences requises/);
      const toCounsellor = await t.lastMailTo("paul@ml.example");
      assert.match(toCounsellor.text, /CACES R482/);
      assert.match(toCounsellor.text, /compétences requises.*\n\(motif non transmis au candidat\)/);
      const seenByCounsellor = await paul.request("GET", `/api/v1/applications/${id}`);
      assert.equal(seenByCounsellor.json().transitions[0].answerToSender, "Il lui manque le CACES R482.");
    });

    it("carries messages between the employer and the counsellor, with per-member settings; not to the candidate", async () => {
      const settings = await eric.request("PUT", "/api/v1/notification-settings", { settings: [{ kind: "message_received", enabled: false }] });
      assert.equal(settings.statusCode, 200, settings.body);
      assert.deepEqual(settings.json().map((s: { kind: string; enabled: boolean }) => [s.kind, s.enabled]), [["application_received", true], ["message_received", false]]);
      assert.equal((await chloe.request("GET", "/api/v1/notification-settings")).statusCode, 404);
      const before = t.sent.length;
      const posted = await paul.request("POST", `/api/v1/applications/${first}/messages`, { body: "Chloé demande si une tenue est fournie." });
      assert.equal(posted.statusCode, 201, posted.body);
      await t.mailer.flush();
      assert.deepEqual(t.sent.slice(before).map((m) => m.to[0]), ["emma@jardins.example"], "Éric switched message mails off");
      await emma.request("POST", `/api/v1/applications/${first}/messages`, { body: "Oui, chaussures de sécurité comprises." });
      assert.match((await t.lastMailTo("paul@ml.example")).text, /chaussures de sécurité/);
      assert.deepEqual((await paul.request("GET", `/api/v1/applications/${first}`)).json().messages.map((m: { authorSide: string }) => m.authorSide), ["prescriber", "employer"]);
      const seenByChloe = await chloe.request("GET", `/api/v1/applications/${first}`);
      assert.deepEqual(seenByChloe.json().messages, []);
      assert.equal(seenByChloe.json().transitions.at(-1).answerToSender, null);
      const own = (await chloe.request("GET", "/api/v1/applications/mine")).json().items.find((i: { senderKind: string }) => i.senderKind === "candidate");
      assert.equal((await oscar.request("POST", `/api/v1/applications/${own.id}/messages`, { body: "Bonjour" })).json().code, "application.messages_closed");
      assert.equal((await emma.request("POST", `/api/v1/applications/${first}/messages`, { body: "   " })).statusCode, 400);
    });

    it("records a direct hire by the employer for a candidate it registered", async () => {
      const own = await insertCandidate(t.db, { firstName: "Dana", lastName: "Petit", email: "dana@example.org", userId: null, createdByOrganisationId: orgO });
      const noDate = await oscar.request("POST", "/api/v1/applications", { candidateId: own, offerId: offerO });
      assert.equal(noDate.json().code, "application.hiring_start_required");
      const intoOther = await oscar.request("POST", "/api/v1/applications", { candidateId: own, offerId: offerE, hiringStartAt: today() });
      assert.equal(intoOther.statusCode, 404);
      const unknown = await insertCandidate(t.db, { firstName: "Inès", lastName: "Inconnue", email: null, userId: null, followedBy: [orgP] });
      const stranger = await oscar.request("POST", "/api/v1/applications", { candidateId: unknown, offerId: offerO, hiringStartAt: today() });
      assert.equal(stranger.statusCode, 404, "a person the employer neither registered nor received an application from");
      assert.equal(stranger.json().code, "application.direct_hire_own_candidate");
      // An application refused more than 730 days ago no longer makes her "known": the employer no longer sees it.
      const old = new Date(t.clock.now().getTime() - 731 * 86_400_000);
      await t.db.insertInto("applications").values({ candidate_id: unknown, offer_id: offerO, employer_organisation_id: orgO, sender_kind: "prescriber", sender_organisation_id: orgP, state: "refused", refusal_reason: "other", created_at: old, updated_at: old }).execute();
      const forgotten = await oscar.request("POST", "/api/v1/applications", { candidateId: unknown, offerId: offerO, hiringStartAt: today() });
      assert.equal(forgotten.json().code, "application.direct_hire_own_candidate");
      const hired = await oscar.request("POST", "/api/v1/applications", { candidateId: own, offerId: offerO, hiringStartAt: today() });
      assert.equal(hired.statusCode, 201, hired.body);
      const detail = await oscar.request("GET", `/api/v1/applications/${hired.json().id}`);
      assert.deepEqual([detail.json().state, detail.json().senderKind, detail.json().hiringStartAt], ["accepted", "employer", today()]);
      assert.match((await t.lastMailTo("dana@example.org")).subject, /acceptée/);
    });

    it("lists the people an employer may record a direct hire for: registered by it or who applied to it, names only, audited", async () => {
      type Item = { id: string; firstName: string; lastName: string; postcode: string | null; recordedByEmployer: boolean };
      const names = (response: { json(): { items: Item[] } }) => response.json().items.map((i) => `${i.firstName} ${i.lastName}`);
      const listed = await oscar.request("GET", "/api/v1/applications/direct-hire-candidates");
      assert.equal(listed.statusCode, 200, listed.body);
      // Chloé applied to the bakery herself, Dana was registered (and hired) by it; Inès, followed elsewhere, is not there.
      assert.deepEqual(names(listed), ["Chloé Martin", "Dana Petit"]);
      assert.deepEqual(listed.json().items.map((i: Item) => [i.recordedByEmployer, i.postcode]), [[false, "75020"], [true, "75020"]]);
      assert.deepEqual(Object.keys(listed.json().items[0]).sort(), ["firstName", "id", "lastName", "postcode", "recordedByEmployer"], "what its applications already show, no more");
      assert.equal(listed.json().total, 2);
      assert.deepEqual(names(await oscar.request("GET", "/api/v1/applications/direct-hire-candidates?q=chloe")), ["Chloé Martin"], "accents ignored");
      assert.deepEqual(names(await oscar.request("GET", "/api/v1/applications/direct-hire-candidates?q=PETIT%20da")), ["Dana Petit"]);
      const one = await oscar.request("GET", "/api/v1/applications/direct-hire-candidates?limit=1");
      assert.deepEqual([one.json().items.length, one.json().total], [1, 2]);
      const dana = listed.json().items[1].id;
      assert.deepEqual(names(await oscar.request("GET", `/api/v1/applications/direct-hire-candidates?candidateId=${dana}`)), ["Dana Petit"]);
      const ines = await t.db.selectFrom("candidates").select("id").where("first_name", "=", "Inès").executeTakeFirstOrThrow();
      assert.deepEqual((await oscar.request("GET", `/api/v1/applications/direct-hire-candidates?candidateId=${ines.id}`)).json(), { items: [], total: 0 });
      assert.equal((await oscar.request("GET", "/api/v1/applications/direct-hire-candidates?candidateId=pas-un-id")).statusCode, 400);
      // The members of another employer see their own people only.
      assert.deepEqual(names(await eric.request("GET", "/api/v1/applications/direct-hire-candidates")), ["Bilal Haddad", "Chloé Martin"]);

      // An application the employer no longer sees (over 730 days, not accepted) does not bring the person back; an old hire does.
      const jules = await insertCandidate(t.db, { firstName: "Jules", lastName: "Ancien", email: null, userId: null, followedBy: [orgP] });
      const old = (await paul.request("POST", "/api/v1/applications", { candidateId: jules, offerId: offerO })).json().id;
      await t.db.updateTable("applications").set({ created_at: new Date(t.clock.now().getTime() - 731 * 86_400_000), state: "obsolete" }).where("id", "=", old).execute();
      assert.deepEqual(names(await oscar.request("GET", "/api/v1/applications/direct-hire-candidates?q=jules")), []);
      await t.db.updateTable("applications").set({ state: "accepted", hiring_start_at: "2024-12-15" }).where("id", "=", old).execute();
      assert.deepEqual(names(await oscar.request("GET", "/api/v1/applications/direct-hire-candidates?q=jules")), ["Jules Ancien"]);
      await t.db.updateTable("applications").set({ state: "obsolete", hiring_start_at: null }).where("id", "=", old).execute();

      // Only an employer acting for its organisation: the same 404 for a counsellor or a candidate, 401 signed out.
      for (const [who, client] of [["paul", paul], ["chloe", chloe]] as const) {
        const refused = await client.request("GET", "/api/v1/applications/direct-hire-candidates");
        assert.deepEqual([refused.statusCode, refused.json().code], [404, "application.not_found"], who);
      }
      assert.equal((await browser(t.app).request("GET", "/api/v1/applications/direct-hire-candidates")).statusCode, 401);
      const audit = await t.db.selectFrom("audit_log").select(["details", "organisation_id"]).where("action", "=", "hireable_candidates.read").execute();
      assert.ok(audit.some((a) => a.organisation_id === orgO && a.details.count === 2));
      assert.ok(!JSON.stringify(audit).includes("Petit"), "ids and counts only in the audit log");
    });

    it("writes nothing when two sends race for the same person and offer", async () => {
      const candidate = await insertCandidate(t.db, { firstName: "Hugo", lastName: "Race", email: null, userId: null, followedBy: [orgP] });
      const results = await Promise.all([1, 2, 3].map(() => paul.request("POST", "/api/v1/applications", { candidateId: candidate, offerId: offerE })));
      assert.deepEqual(results.map((r) => r.statusCode).sort(), [201, 409, 409]);
      const rows = await t.db.selectFrom("applications").select("id").where("candidate_id", "=", candidate).execute();
      assert.equal(rows.length, 1);
      const audits = await t.db.selectFrom("audit_log").select("id").where("action", "=", "application.created").where("subject_id", "=", rows[0].id).execute();
      assert.equal(audits.length, 1);
    });
    it("refuses unanswered applications automatically after 60 days (new and processing, never postponed)", async () => {
      const ids: string[] = [];
      for (const name of ["Eva", "Farid", "Gaëlle"]) {
        const candidate = await insertCandidate(t.db, { firstName: name, lastName: "Test", email: `${name.toLowerCase()}@example.org`, userId: null, followedBy: [orgP] });
        ids.push((await paul.request("POST", "/api/v1/applications", { candidateId: candidate, offerId: offerE })).json().id);
      }
      await emma.request("POST", `/api/v1/applications/${ids[1]}/transitions`, { transition: "process" });
      await emma.request("POST", `/api/v1/applications/${ids[2]}/transitions`, { transition: "postpone", answer: "Recrutement repoussé à février." });
      t.clock.advance(60 * 86_400_000 - 1000);
      assert.equal(await autoRefuseUnanswered(t.deps), 0, "not yet");
      t.clock.advance(1000);
      const before = t.sent.length;
      const due = await t.db.selectFrom("applications").select("id").where("state", "in", ["new", "processing"]).execute();
      assert.equal(await autoRefuseUnanswered(t.deps, { batchSize: 2 }), due.length, "every due one, batch after batch");
      const states = await t.db.selectFrom("applications").select(["id", "state", "refusal_reason"]).where("id", "in", ids).execute();
      assert.deepEqual(ids.map((id) => states.find((s) => s.id === id)!.state), ["refused", "refused", "postponed"]);
      assert.ok(states.filter((s) => s.state === "refused").every((s) => s.refusal_reason === "auto"));
      await t.mailer.flush();
      const told = t.sent.slice(before).map((m) => m.to[0]);
      assert.ok(told.includes("eva@example.org") && told.includes("farid@example.org") && !told.includes("gaëlle@example.org"), JSON.stringify(told));
      assert.ok(!told.includes("paul@ml.example"), "the counsellor is not told of an automatic refusal");
      assert.equal(await autoRefuseUnanswered(t.deps), 0, "idempotent");
    });


    it("exports the person's applications with their history and messages, and erases the free texts on anonymisation", async () => {
      const exported = (await exportPersonalData(t.db, chloeId, t.clock.now())).sections.candidatures as { id: string; sentBy: string; sentByLabel: string; history: { event: string; to: string }[]; messages: { from: string; fromLabel: string; body: string }[] }[];
      const hired = exported.find((a) => a.id === first)!;
      assert.deepEqual(hired.history.map((h) => [h.event, h.to]), [
        ["Étudier la candidature", "Candidature à l'étude"],
        ["Accepter", "Candidature acceptée"],
        ["Dates du contrat modifiées", "Candidature acceptée"],
      ]);
      assert.equal(hired.messages.length, 2);
      assert.equal(hired.sentByLabel, { prescriber: "Prescripteur", candidate: "Candidat", employer: "Employeur" }[hired.sentBy], "codes come with their French label");
      assert.ok(hired.messages.every((m) => m.fromLabel === { prescriber: "Prescripteur", employer: "Employeur" }[m.from]));
      await t.db.transaction().execute((tx) => anonymiseCandidate(tx, chloeId, t.clock.now()));
      const messages = await t.db.selectFrom("application_messages").select(["body", "erased_at"]).where("application_id", "=", first).execute();
      assert.ok(messages.every((m) => m.body === "" && m.erased_at !== null));
      const application = await t.db.selectFrom("applications").select(["message", "state"]).where("id", "=", first).executeTakeFirstOrThrow();
      assert.deepEqual(application, { message: "", state: "accepted" }, "statistics kept, texts erased");
      const answers = await t.db.selectFrom("application_transitions").select(["answer_to_candidate", "to_state"]).where("application_id", "=", first).execute();
      assert.deepEqual(answers.map((a) => [a.to_state, a.answer_to_candidate]), [["processing", null], ["accepted", null], ["accepted", null]]);
    });
  });
}
