import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { type Browser, browser, signedIn, type TestApp } from "../accounts/test-app.ts";
import { testEngines } from "../server/test-engines.ts";
import { runOfferHousekeeping } from "./offers.housekeeping.ts";
import { appellations, buildOffersTestApp, siretFrom } from "./offers.test-support.ts";

const day = 86_400_000;

const offerBody = (overrides: Record<string, unknown> = {}) => ({
  appellationCode: appellations.agentParcs.code,
  title: "Agent d'entretien des espaces verts",
  description: "Entretien des squares du 11e arrondissement, en équipe.",
  contractType: "FIXED_TERM_I",
  hoursPerWeek: 26,
  positions: 3,
  communeInsee: "75111",
  withoutCv: true,
  openToBeginners: true,
  ...overrides,
});

for (const engine of testEngines()) {
  describe(`offers on ${engine.name}`, () => {
    let t: TestApp;
    let aci: Browser; // admin of an ACI in Paris 11e
    let company: Browser; // admin of an ordinary company
    let counsellor: Browser; // prescriber
    let aciId: string;
    let companyId: string;
    let aciOffer: string;
    let bakeryOffer: string;

    before(async () => {
      t = await buildOffersTestApp(engine);
      aci = await signedIn(t, "alice@aci.example", "professional", "Alice");
      company = await signedIn(t, "bruno@boulangerie.example", "professional", "Bruno");
      counsellor = await signedIn(t, "chloe@ml.example", "professional", "Chloé");
      aciId = (await aci.request("POST", "/api/v1/organisations", { kind: "ACI", name: "Jardins de Belleville", siret: siretFrom("7328293200007") })).json().id;
      companyId = (await company.request("POST", "/api/v1/organisations", { kind: "entreprise", name: "Boulangerie Ménilmontant", siret: siretFrom("1300252650001") })).json().id;
      await counsellor.request("POST", "/api/v1/organisations", { kind: "ML", name: "Mission locale Paris Est", siret: siretFrom("4410250000001") });
      for (const b of [aci, company, counsellor]) await b.refreshCsrf();
    });
    after(() => t.close());

    it("publishes an offer placed at its commune, with a status row", async () => {
      const created = await aci.request("POST", `/api/v1/organisations/${aciId}/offers`, offerBody());
      assert.equal(created.statusCode, 201, created.body);
      const offer = created.json();
      aciOffer = offer.id;
      assert.equal(offer.status, "open");
      assert.equal(offer.contractTypeLabel, "CDD insertion");
      assert.equal(offer.place.communeName, "Paris 11e Arrondissement");
      assert.ok(Math.abs(offer.place.lat - 48.859) < 0.02 && Math.abs(offer.place.lon - 2.38) < 0.03, JSON.stringify(offer.place));
      assert.equal(offer.stale, false);
      assert.equal(offer.employer.kindLabel, "Atelier chantier d'insertion");
      const history = (await aci.request("GET", `/api/v1/offers/${aciOffer}/history`)).json();
      assert.equal(history.length, 1);
      assert.equal(history[0].reason, "created");
      assert.equal(history[0].byName, "Alice");
    });

    it("geocodes an address offline", async () => {
      const created = await company.request("POST", `/api/v1/organisations/${companyId}/offers`, {
        ...offerBody({ communeInsee: undefined }),
        appellationCode: appellations.boulanger.code,
        title: "Boulanger de nuit",
        contractType: "PERMANENT",
        hoursPerWeek: 35,
        address: "10 rue des Pyrénées 75020 Paris",
        drivingLicenceRequired: false,
      });
      assert.equal(created.statusCode, 201, created.body);
      bakeryOffer = created.json().id;
      assert.equal(created.json().place.communeInsee, "75120");
      assert.match(created.json().place.addressLabel, /Pyrénées/);
      const lost = await company.request("POST", `/api/v1/organisations/${companyId}/offers`, { ...offerBody({ communeInsee: undefined, contractType: "PERMANENT" }), address: "1 rue de la République 13001 Marseille" });
      assert.equal(lost.statusCode, 400);
      assert.equal(lost.json().code, "offer.address_not_found");
    });

    it("allows only the contract types of the structure kind", async () => {
      const refused = await aci.request("POST", `/api/v1/organisations/${aciId}/offers`, offerBody({ contractType: "PERMANENT" }));
      assert.equal(refused.statusCode, 400);
      assert.equal(refused.json().code, "offer.contract_type_not_allowed");
      assert.match(refused.json().message, /« CDI » n'est pas possible pour une structure « Atelier chantier d'insertion »/);
      const types = (await aci.request("GET", `/api/v1/organisations/${aciId}/contract-types`)).json().map((c: { code: string }) => c.code);
      assert.ok(types.includes("FIXED_TERM_I") && !types.includes("PERMANENT"));
      const internship = await company.request("POST", `/api/v1/organisations/${companyId}/offers`, offerBody({ appellationCode: appellations.aideBoulanger.code, title: "Stage en boulangerie", contractType: "INTERNSHIP", communeInsee: "75120" }));
      assert.equal(internship.statusCode, 201, internship.body);
    });

    it("validates the body with French messages per field, and writes nothing", async () => {
      const before = (await t.db.selectFrom("offers").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n;
      const bad = await aci.request("POST", `/api/v1/organisations/${aciId}/offers`, { ...offerBody(), title: " ", hoursPerWeek: 60, communeInsee: "Paris", positions: 0 });
      assert.equal(bad.statusCode, 400);
      const fields = Object.fromEntries(bad.json().details.map((d: { field: string; message: string }) => [d.field, d.message]));
      assert.equal(fields["body.title"], "Indiquez l'intitulé du poste.");
      assert.equal(fields["body.hoursPerWeek"], "48 heures par semaine au plus.");
      assert.equal(fields["body.positions"], "Au moins un poste.");
      assert.match(fields["body.communeInsee"], /Code INSEE de commune attendu/);
      const noPlace = await aci.request("POST", `/api/v1/organisations/${aciId}/offers`, offerBody({ communeInsee: undefined }));
      assert.match(noPlace.json().message, /Indiquez le lieu de travail/);
      const unknown = await aci.request("POST", `/api/v1/organisations/${aciId}/offers`, offerBody({ appellationCode: "999999" }));
      assert.equal(unknown.json().code, "offer.unknown_appellation");
      const after = (await t.db.selectFrom("offers").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n;
      assert.equal(Number(after), Number(before));
    });

    it("answers 404 when another organisation's offer id is put in a URL; prescribers and visitors cannot publish", async () => {
      const attempts = await Promise.all([
        company.request("PATCH", `/api/v1/offers/${aciOffer}`, { title: "Piraté" }),
        company.request("POST", `/api/v1/offers/${aciOffer}/close`, { reason: "filled" }),
        company.request("POST", `/api/v1/offers/${aciOffer}/reopen`, {}),
        company.request("POST", `/api/v1/offers/${aciOffer}/confirm`),
        company.request("GET", `/api/v1/offers/${aciOffer}/history`),
        company.request("GET", `/api/v1/organisations/${aciId}/offers`),
        company.request("POST", `/api/v1/organisations/${aciId}/offers`, offerBody()),
        company.request("PATCH", `/api/v1/offers/${randomUUID()}`, { title: "Absent" }),
      ]);
      for (const response of attempts) {
        assert.equal(response.statusCode, 404, response.body);
        assert.equal(response.json().code, "offer.not_found");
      }
      assert.equal((await t.db.selectFrom("offers").select("title").where("id", "=", aciOffer).executeTakeFirstOrThrow()).title, "Agent d'entretien des espaces verts");
      const prescriber = await counsellor.request("POST", `/api/v1/organisations/${aciId}/offers`, offerBody());
      assert.equal(prescriber.statusCode, 403);
      const anonymous = await browser(t.app).request("POST", `/api/v1/organisations/${aciId}/offers`, offerBody());
      assert.equal(anonymous.statusCode, 401);
    });

    it("edits, closes with a reason and reopens, each change a row with who and when", async () => {
      const edited = await aci.request("PATCH", `/api/v1/offers/${aciOffer}`, { positions: 2, communeInsee: "75120" });
      assert.equal(edited.statusCode, 200, edited.body);
      assert.equal(edited.json().positions, 2);
      assert.equal(edited.json().place.communeInsee, "75120");
      assert.equal((await aci.request("PATCH", `/api/v1/offers/${aciOffer}`, { contractType: "PERMANENT" })).json().code, "offer.contract_type_not_allowed");
      const closed = await aci.request("POST", `/api/v1/offers/${aciOffer}/close`, { reason: "filled", comment: "Équipe complète" });
      assert.equal(closed.json().status, "closed");
      assert.equal((await aci.request("POST", `/api/v1/offers/${aciOffer}/close`, { reason: "filled" })).statusCode, 409);
      assert.equal((await aci.request("POST", `/api/v1/offers/${aciOffer}/close`, { reason: "bof" })).statusCode, 400);
      const reopened = await aci.request("POST", `/api/v1/offers/${aciOffer}/reopen`, {});
      assert.equal(reopened.json().status, "open");
      const history = (await aci.request("GET", `/api/v1/offers/${aciOffer}/history`)).json();
      assert.deepEqual(history.map((h: { status: string; reason: string }) => `${h.status}:${h.reason}`), ["open:created", "closed:filled", "open:reopened"]);
      assert.equal(history[1].comment, "Équipe complète");
      const audit = await t.db.selectFrom("audit_log").select("action").where("subject_id", "=", aciOffer).orderBy("id").execute();
      assert.deepEqual(audit.map((a) => a.action), ["offer.created", "offer.updated", "offer.closed", "offer.reopened"]);
      const mine = (await aci.request("GET", `/api/v1/organisations/${aciId}/offers`)).json();
      assert.deepEqual(mine.map((o: { id: string }) => o.id), [aciOffer]);
    });

    it("is searched without an account: keywords, appellation, radius, contract type, structure kind", async () => {
      const visitor = browser(t.app);
      const search = async (query: string) => {
        const response = await visitor.request("GET", `/api/v1/offers?${query}`);
        assert.equal(response.statusCode, 200, response.body);
        return response.json();
      };
      assert.equal((await search("")).total, 3);
      const bakers = await search("q=boulang");
      assert.deepEqual(bakers.results.map((o: { title: string }) => o.title).sort(), ["Boulanger de nuit", "Stage en boulangerie"]);
      assert.equal((await search("q=BOULANGÈRE%20nuit")).total, 1);
      assert.equal((await search(`appellation=${appellations.boulanger.code}`)).total, 1);
      const near = await search("commune=75120&radiusKm=2");
      assert.ok(near.centre && near.total >= 2, JSON.stringify(near));
      assert.ok(near.results.every((o: { distanceKm: number }) => o.distanceKm <= 2));
      const sorted = near.results.map((o: { distanceKm: number }) => o.distanceKm);
      assert.deepEqual(sorted, [...sorted].sort((a, b) => a - b));
      assert.equal((await search("lat=43.2965&lon=5.3698&radiusKm=100")).total, 0, "nothing around Marseille");
      assert.equal((await search("contractType=PERMANENT,INTERNSHIP")).total, 2);
      assert.equal((await search("structureKind=ACI")).total, 1);
      assert.equal((await search("withoutCv=true&structureKind=ACI")).total, 1);
      const page = await search("perPage=1&page=2");
      assert.equal(page.results.length, 1);
      assert.equal(page.total, 3);
      const bad = await visitor.request("GET", "/api/v1/offers?commune=75120&radiusKm=500");
      assert.equal(bad.statusCode, 400);
      assert.match(bad.json().details[0].message, /Rayon de 100 km au plus/);
      const lonely = await visitor.request("GET", "/api/v1/offers?radiusKm=10");
      assert.match(lonely.body, /Un rayon se donne avec une commune ou un point/);
      const unlocated = await visitor.request("GET", "/api/v1/offers?commune=13055&radiusKm=10");
      assert.equal(unlocated.json().code, "offer.commune_not_located");
    });

    it("shows the public offer page and the employer directory", async () => {
      const visitor = browser(t.app);
      const page = await visitor.request("GET", `/api/v1/offers/${bakeryOffer}`);
      assert.equal(page.json().employer.name, "Boulangerie Ménilmontant");
      assert.equal(page.json().appellation.romeCode, "D1102");
      assert.equal((await visitor.request("GET", `/api/v1/offers/${randomUUID()}`)).statusCode, 404);
      const directory = (await visitor.request("GET", "/api/v1/employers")).json();
      assert.deepEqual(directory.results.map((e: { name: string; openOffers: number }) => `${e.name}:${e.openOffers}`), ["Boulangerie Ménilmontant:2", "Jardins de Belleville:1"]);
      assert.equal((await visitor.request("GET", "/api/v1/employers?q=menilmontant")).json().total, 1);
      assert.equal((await visitor.request("GET", "/api/v1/employers?structureKind=ACI")).json().results[0].kindLabel, "Atelier chantier d'insertion");
    });

    it("gives partners with an API key read-only access", async () => {
      const created = await aci.request("POST", `/api/v1/organisations/${aciId}/api-keys`, { name: "Partenaire", scopes: ["offers:read"] });
      const token = created.json().token;
      const visitor = browser(t.app);
      const listed = await visitor.request("GET", "/api/v1/partner/offers?q=boulang", undefined, { authorization: `Bearer ${token}` });
      assert.equal(listed.statusCode, 200, listed.body);
      assert.equal(listed.json().total, 2);
      const one = await visitor.request("GET", `/api/v1/partner/offers/${aciOffer}`, undefined, { authorization: `Bearer ${token}` });
      assert.equal(one.json().id, aciOffer);
      assert.equal((await visitor.request("GET", "/api/v1/partner/offers")).statusCode, 401);
      const write = await visitor.request("PATCH", `/api/v1/offers/${aciOffer}`, { title: "x" }, { authorization: `Bearer ${token}` });
      assert.equal(write.statusCode, 401, "an API key never writes");
    });

    it("flags offers not updated for 60 days to the employer, then closes them after 90 (a row by the platform)", async () => {
      const deps = { db: t.db, mailer: t.mailer, publicUrl: "http://tremplin.test" };
      assert.deepEqual(await runOfferHousekeeping(deps, t.clock.now()), { flagged: 0, closed: 0 });
      // The company confirms one of its offers 30 days in; the others age.
      t.clock.advance(30 * day);
      const again = browser(t.app);
      assert.equal((await again.request("POST", "/api/v1/auth/login", { email: "bruno@boulangerie.example", password: "un mot de passe solide" })).statusCode, 204);
      await again.refreshCsrf();
      await again.request("PUT", "/api/v1/auth/session/organisation", { organisationId: companyId });
      await again.refreshCsrf();
      const confirmed = await again.request("POST", `/api/v1/offers/${bakeryOffer}/confirm`);
      assert.equal(confirmed.statusCode, 200, confirmed.body);
      t.clock.advance(31 * day);
      assert.deepEqual(await runOfferHousekeeping(deps, t.clock.now()), { flagged: 2, closed: 0 });
      const mail = await t.lastMailTo("alice@aci.example");
      assert.match(mail.subject, /toujours d'actualité/);
      assert.match(mail.text, /Agent d'entretien des espaces verts/);
      assert.match(mail.text, /http:\/\/tremplin\.test\/mes-offres\//);
      assert.deepEqual(await runOfferHousekeeping(deps, t.clock.now()), { flagged: 0, closed: 0 }, "flagged once");
      const mine = (await t.db.selectFrom("offers").select(["id", "stale_notified_at"]).where("organisation_id", "=", aciId).execute());
      assert.ok(mine[0].stale_notified_at);

      t.clock.advance(30 * day);
      const result = await runOfferHousekeeping(deps, t.clock.now());
      assert.equal(result.closed, 2);
      const offer = await browser(t.app).request("GET", `/api/v1/offers/${aciOffer}`);
      assert.equal(offer.json().status, "closed");
      const last = await t.db.selectFrom("offer_status_changes").selectAll().where("offer_id", "=", aciOffer).orderBy("id", "desc").executeTakeFirstOrThrow();
      assert.equal(last.reason, "stale");
      assert.equal(last.by_user_id, null);
      assert.match((await t.lastMailTo("alice@aci.example")).subject, /a été fermée/);
      const bakery = await browser(t.app).request("GET", `/api/v1/offers/${bakeryOffer}`);
      assert.equal(bakery.json().status, "open", "the confirmed offer stays open");
    });
  });
}
