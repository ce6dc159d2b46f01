import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { resolve } from "node:path";
import { after, before, describe, it } from "node:test";
import { registerAccountsRoutes } from "../accounts/accounts.routes.ts";
import { type Browser, buildTestApp, signedIn, type TestApp } from "../accounts/test-app.ts";
import { loadGeography } from "../geo/geography.ts";
import type { Geography } from "../geo/geography.types.ts";
import { importQpv } from "../geo/import/qpv.import.ts";
import type { GeocodeResult, Geocoder } from "../geocoder/geocoder.types.ts";
import { registerOrganisationsRoutes } from "../organisations/organisations.routes.ts";
import { testEngines } from "../server/test-engines.ts";
import { cvMaxBytes } from "./candidates.domain.ts";
import { registerCandidatesRoutes } from "./candidates.routes.ts";

const QPV_2024 = resolve(import.meta.dirname, "../../data/qpv/qpv_2024_france_wgs84.geojson.gz");
const siretPrescriber = "13002526500013";
const siretEmployer = "73282932000074";

// Real Paris points (see src/geo/geo.routes.test.ts): 124 m inside QN07517I; 80 m inside QN07519M.
const match = (label: string, point: { lon: number; lat: number }, extra: Partial<GeocodeResult & { ok: true }> = {}): GeocodeResult => ({
  ok: true, label, score: 0.96, matchType: "housenumber", citycode: "75120", postcode: "75020", precisionM: 5, ...point, ...extra,
});
const answers: Record<string, GeocodeResult> = {
  "3 rue Jules Siegfried 75020 Paris": match("3 Rue Jules Siegfried 75020 Paris", { lon: 2.410419, lat: 48.864033 }),
  "rue des envierges paris": match("Rue des Envierges 75020 Paris", { lon: 2.379997, lat: 48.870411 }, { matchType: "street", precisionM: 120, score: 0.7 }),
  "1 parvis notre-dame paris": match("1 Parvis Notre-Dame 75004 Paris", { lon: 2.3499, lat: 48.853 }, { citycode: "75104", postcode: "75004" }),
};
const geocoder: Geocoder = {
  name: "offline",
  geocode: async (input) => answers[input.full ?? ""] ?? { ok: false, reason: "street_not_found", citycode: "75120" },
  geocodeMany: async (inputs) => inputs.map((input) => answers[input.full ?? ""] ?? { ok: false, reason: "street_not_found" }),
};

const pdf = (size = 0) => {
  const head = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
  return size > head.length ? Buffer.concat([head, Buffer.alloc(size - head.length, 0x20)]) : head;
};

const lea = {
  firstName: "Léa",
  lastName: "Dupont-Martin",
  email: "Lea.Dupont@example.org",
  phone: "06 01 02 03 04",
  birthYear: 1994,
  address: "3 rue Jules Siegfried 75020 Paris",
  targetAppellations: ["38000"],
  skills: ["100001"],
  languages: [{ name: "Arabe", level: "native" }],
  drivingLicences: ["B"],
  mobilityRadiusKm: 15,
  mobilityMeans: ["public_transport", "bike"],
  availability: "immediate",
  barriers: ["mobilite", "numerique"],
  consent: true,
};

/** The real geography, loaded once the test database exists. */
let loaded: Geography | null = null;
const geography: Geography = {
  classify: (...args) => loaded!.classify(...args),
  qpvAt: (...args) => loaded!.qpvAt(...args),
  communeHasQpv: (...args) => loaded!.communeHasQpv(...args),
  ruralClass: (...args) => loaded!.ruralClass(...args),
  get datasets() {
    return loaded!.datasets;
  },
};

for (const engine of testEngines()) {
  describe(`candidates routes on ${engine.name}`, () => {
    let t: TestApp;
    let counsellor: Browser; // Mission locale A
    let other: Browser; // Mission locale B (CCAS kind, same SIRET allowed by kind)
    let employer: Browser;
    let orgA: string;
    let leaId: string;
    const auditCount = async (action: string, subjectId: string) =>
      Number((await t.db.selectFrom("audit_log").select((eb) => eb.fn.countAll().as("n")).where("action", "=", action).where("subject_id", "=", subjectId).executeTakeFirstOrThrow()).n);

    before(async () => {
      t = await buildTestApp(engine, (deps) => [
        (app) => registerAccountsRoutes(app, deps),
        (app) => registerOrganisationsRoutes(app, deps),
        (app) => registerCandidatesRoutes(app, { ...deps, geography, geocoder }),
      ]);
      // Loaded after the app is built: a slow import must not run inside Fastify's plugin timeout.
      await importQpv(t.db, QPV_2024, { millesime: 2024 });
      loaded = await loadGeography(t.db);
      await t.db.insertInto("rome_fiches").values({ code: "A1203", label: "Aménagement et entretien des espaces verts", parent_code: "A12" }).execute();
      await t.db.insertInto("rome_appellations").values({ code: "38000", rome_code: "A1203", label: "Jardinier / Jardinière d'espaces verts", short_label: "Jardinier", label_norm: "jardinier jardiniere d espaces verts" }).execute();
      await t.db.insertInto("rome_competences").values({ code: "100001", kind: "competence", label: "Entretenir un espace vert", label_norm: "entretenir un espace vert" }).execute();
      counsellor = await signedIn(t, "conseil@ml-a.example", "professional", "Claire Conseil");
      orgA = (await counsellor.request("POST", "/api/v1/organisations", { kind: "ML", name: "Mission locale A", siret: siretPrescriber })).json().id;
      await counsellor.refreshCsrf();
      other = await signedIn(t, "conseil@ccas-b.example", "professional", "Bruno Autre");
      assert.equal((await other.request("POST", "/api/v1/organisations", { kind: "CCAS", name: "CCAS B", siret: siretPrescriber })).statusCode, 201);
      await other.refreshCsrf();
      employer = await signedIn(t, "rh@aci.example", "professional", "Emma Employeuse");
      assert.equal((await employer.request("POST", "/api/v1/organisations", { kind: "ACI", name: "Jardins", siret: siretEmployer })).statusCode, 201);
      await employer.refreshCsrf();
    });
    after(() => t.close());

    it("refuses a profile without the person's consent, with French messages per field, and writes nothing", async () => {
      const refused = await counsellor.request("POST", "/api/v1/candidates", { ...lea, consent: false, email: "pas-une-adresse", birthYear: 2030, barriers: ["chomage"] });
      assert.equal(refused.statusCode, 400);
      const fields = Object.fromEntries(refused.json().details.map((d: { field: string; message: string }) => [d.field, d.message]));
      assert.equal(fields["body.consent"], "L'accord de la personne est obligatoire pour créer son profil.");
      assert.equal(fields["body.email"], "Adresse électronique invalide.");
      assert.equal(fields["body.birthYear"], "La personne doit avoir au moins 14 ans.");
      assert.equal(fields["body.barriers.0"], "Frein périphérique inconnu.");
      const unknownJob = await counsellor.request("POST", "/api/v1/candidates", { ...lea, targetAppellations: ["38000", "99999"] });
      assert.equal(unknownJob.statusCode, 400);
      assert.equal(unknownJob.json().message, "Métier(s) recherché(s) inconnu(s) du ROME 4.0 : 99999.");
      assert.equal((await counsellor.request("POST", "/api/v1/candidates", { ...lea, skills: ["424242"] })).json().code, "candidate.unknown_skills");
      const missingName = await counsellor.request("POST", "/api/v1/candidates", { consent: true, lastName: "X" });
      assert.match(missingName.json().details.find((d: { field: string }) => d.field === "body.firstName").message, /Indiquez le prénom/);
      assert.equal((await t.db.selectFrom("candidates").select("id").execute()).length, 0);
      assert.equal((await t.db.selectFrom("candidate_consents").select("id").execute()).length, 0);
    });

    it("a counsellor creates a candidate: QPV detected from the address with its certainty, consent recorded with who/when/what", async () => {
      const created = await counsellor.request("POST", "/api/v1/candidates", lea);
      assert.equal(created.statusCode, 201, created.body);
      const body = created.json();
      leaId = body.id;
      assert.equal(body.email, "lea.dupont@example.org");
      assert.equal(body.location.status, "located");
      assert.equal(body.location.qpv.code, "QN07517I");
      assert.equal(body.location.uncertain, false);
      assert.equal(body.location.communeInsee, "75120");
      assert.equal(body.createdVia, "prescriber");
      assert.deepEqual(body.targetAppellationLabels, [{ code: "38000", label: "Jardinier / Jardinière d'espaces verts" }]);
      assert.deepEqual(body.skillLabels, [{ code: "100001", label: "Entretenir un espace vert" }]);
      assert.deepEqual(body.followedBy.map((f: { name: string }) => f.name), ["Mission locale A"]);
      assert.equal(body.consent.decision, "given");
      assert.equal(body.consent.givenBy, "prescriber");
      assert.match(body.consent.text, /La personne a été informée et a donné son accord/);
      const consent = await t.db.selectFrom("candidate_consents").selectAll().where("candidate_id", "=", leaId).executeTakeFirstOrThrow();
      assert.equal(consent.by_organisation_id, orgA);
      assert.equal(consent.text_version, "2026-12-01");
      assert.equal(await auditCount("candidate.created", leaId), 1);
    });

    it("another organisation's candidate answers 404, exactly like a missing id", async () => {
      const missing = await other.request("GET", `/api/v1/candidates/${randomUUID()}`);
      const attempts = await Promise.all([
        other.request("GET", `/api/v1/candidates/${leaId}`),
        other.request("PATCH", `/api/v1/candidates/${leaId}`, { phone: "0700000000" }),
        other.request("GET", `/api/v1/candidates/${leaId}/export`),
        other.request("GET", `/api/v1/candidates/${leaId}/consents`),
        other.request("POST", `/api/v1/candidates/${leaId}/erasure`),
        other.request("PUT", `/api/v1/candidates/${leaId}/cv`, pdf(), { "content-type": "application/pdf" }),
        employer.request("GET", `/api/v1/candidates/${leaId}`),
      ]);
      for (const response of attempts) {
        assert.equal(response.statusCode, 404, response.body);
        assert.deepEqual(response.json(), missing.json());
      }
      assert.equal((await other.request("GET", "/api/v1/candidates")).json().total, 0);
      const row = await t.db.selectFrom("candidates").select(["phone", "anonymised_at"]).where("id", "=", leaId).executeTakeFirstOrThrow();
      assert.equal(row.phone, "06 01 02 03 04");
      assert.equal(row.anonymised_at, null);
      assert.equal((await t.app.inject({ method: "GET", url: `/api/v1/candidates/${leaId}` })).statusCode, 401);
    });

    it("'mes candidats' lists the organisation's candidates with search and filters; every read is audited", async () => {
      await counsellor.request("POST", "/api/v1/candidates", { firstName: "Omar", lastName: "Benali", address: "1 parvis notre-dame paris", barriers: ["sante"], consent: true });
      const all = (await counsellor.request("GET", "/api/v1/candidates")).json();
      assert.equal(all.total, 2);
      assert.deepEqual(all.items.map((i: { lastName: string }) => i.lastName), ["Benali", "Dupont-Martin"]);
      assert.deepEqual((await counsellor.request("GET", "/api/v1/candidates?q=lea%20dupont")).json().items.map((i: { firstName: string }) => i.firstName), ["Léa"], "accent-insensitive");
      assert.deepEqual((await counsellor.request("GET", "/api/v1/candidates?qpv=oui")).json().items.map((i: { firstName: string }) => i.firstName), ["Léa"]);
      assert.deepEqual((await counsellor.request("GET", "/api/v1/candidates?qpv=non")).json().items.map((i: { firstName: string }) => i.firstName), ["Omar"]);
      assert.deepEqual((await counsellor.request("GET", "/api/v1/candidates?barrier=sante")).json().items.map((i: { firstName: string }) => i.firstName), ["Omar"]);
      assert.equal((await counsellor.request("GET", "/api/v1/candidates?barrier=inconnu")).statusCode, 400);
      const secondPage = (await counsellor.request("GET", "/api/v1/candidates?pageSize=1&page=2")).json();
      assert.deepEqual([secondPage.total, secondPage.pageSize, secondPage.items.map((i: { lastName: string }) => i.lastName)], [2, 1, ["Dupont-Martin"]]);
      assert.equal((await counsellor.request("GET", "/api/v1/candidates?pageSize=500")).statusCode, 400);
      assert.ok((await auditCount("candidate.listed", leaId)) >= 3);

      const before = await auditCount("candidate.read", leaId);
      const read = await counsellor.request("GET", `/api/v1/candidates/${leaId}`);
      assert.equal(read.statusCode, 200);
      assert.equal(read.json().address, lea.address, "the counsellor sees the address to help the person");
      assert.equal(await auditCount("candidate.read", leaId), before + 1);
      const entry = await t.db.selectFrom("audit_log").selectAll().where("action", "=", "candidate.read").where("subject_id", "=", leaId).executeTakeFirstOrThrow();
      assert.equal(entry.organisation_id, orgA);
      assert.doesNotMatch(JSON.stringify(entry), /Léa|Dupont|example\.org/, "no personal data in the audit log");
    });

    it("updates the profile: a new address is located again (uncertain near a QPV), the change log keeps field names only", async () => {
      const updated = await counsellor.request("PATCH", `/api/v1/candidates/${leaId}`, { address: "rue des envierges paris", phone: "06 01 02 03 04" });
      assert.equal(updated.statusCode, 200, updated.body);
      assert.equal(updated.json().location.qpv.code, "QN07519M");
      assert.equal(updated.json().location.uncertain, true);
      assert.ok(updated.json().location.reasons.some((r: { code: string; label: string }) => r.code === "low_score" && r.label.length > 0));
      const changes = await t.db.selectFrom("candidate_changes").select(["action", "fields"]).where("candidate_id", "=", leaId).orderBy("id").execute();
      assert.deepEqual(changes.at(-1), { action: "updated", fields: ["address"] }, "unchanged phone is not a change");
      const audit = await t.db.selectFrom("audit_log").select("details").where("action", "=", "candidate.updated").where("subject_id", "=", leaId).executeTakeFirstOrThrow();
      assert.deepEqual(audit.details, { fields: "address" });
      const bad = await counsellor.request("PATCH", `/api/v1/candidates/${leaId}`, { availability: "from_date", mobilityRadiusKm: 500 });
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(bad.json().details.map((d: { field: string }) => d.field).sort(), ["body.availableFrom", "body.mobilityRadiusKm"]);
    });

    it("CV: PDF only (by its content), 5 MB at most, French messages; download is audited", async () => {
      const png = await counsellor.request("PUT", `/api/v1/candidates/${leaId}/cv?name=cv.pdf`, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), { "content-type": "application/pdf" });
      assert.equal(png.statusCode, 415);
      assert.equal(png.json().message, "Le CV doit être un fichier PDF (le contenu envoyé n'en est pas un).");
      const big = await counsellor.request("PUT", `/api/v1/candidates/${leaId}/cv`, pdf(cvMaxBytes + 1), { "content-type": "application/pdf" });
      assert.equal(big.statusCode, 413);
      assert.match(big.json().message, /Le CV dépasse 5 Mo/);
      const empty = await counsellor.request("PUT", `/api/v1/candidates/${leaId}/cv`, Buffer.alloc(0), { "content-type": "application/pdf" });
      assert.equal(empty.statusCode, 400);
      assert.equal((await t.db.selectFrom("candidate_documents").select("id").execute()).length, 0);

      const file = pdf(2000);
      const uploaded = await counsellor.request("PUT", `/api/v1/candidates/${leaId}/cv?name=${encodeURIComponent("CV Léa.pdf")}`, file, { "content-type": "application/octet-stream" });
      assert.equal(uploaded.statusCode, 200, uploaded.body);
      assert.deepEqual([uploaded.json().fileName, uploaded.json().sizeBytes], ["CV Léa.pdf", 2000]);
      const downloaded = await counsellor.request("GET", `/api/v1/candidates/${leaId}/cv`);
      assert.equal(downloaded.statusCode, 200);
      assert.equal(downloaded.headers["content-type"], "application/pdf");
      assert.ok(downloaded.rawPayload.equals(file));
      assert.equal(await auditCount("candidate.cv_read", leaId), 1);
      assert.equal((await counsellor.request("GET", `/api/v1/candidates/${leaId}`)).json().cv.fileName, "CV Léa.pdf");
    });

    it("consent withdrawal is a new row; the history is kept", async () => {
      const after = await counsellor.request("POST", `/api/v1/candidates/${leaId}/consents`, { decision: "withdrawn" });
      assert.equal(after.statusCode, 201);
      assert.deepEqual(after.json().map((c: { decision: string }) => c.decision), ["given", "withdrawn"]);
      assert.equal((await counsellor.request("GET", `/api/v1/candidates/${leaId}`)).json().consent.decision, "withdrawn");
    });

    it("a candidate creates and edits only their own profile", async () => {
      const self = await signedIn(t, "sami@example.org", "candidate", "Sami");
      assert.equal((await self.request("GET", "/api/v1/candidates/me")).json().code, "candidate.no_profile");
      const created = await self.request("POST", "/api/v1/candidates", { firstName: "Sami", lastName: "Haddad", consent: true });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal(created.json().email, "sami@example.org", "the account's address by default");
      assert.equal(created.json().consent.givenBy, "candidate");
      assert.equal(created.json().hasAccount, true);
      assert.equal((await self.request("POST", "/api/v1/candidates", { firstName: "Sami", lastName: "Bis", consent: true })).json().code, "candidate.already_exists");
      const mine = await self.request("GET", "/api/v1/candidates/me");
      assert.equal(mine.json().id, created.json().id);
      assert.equal((await self.request("PATCH", `/api/v1/candidates/${created.json().id}`, { barriers: ["logement"] })).json().barriers[0], "logement");
      assert.equal((await self.request("GET", `/api/v1/candidates/${leaId}`)).statusCode, 404);
      assert.equal((await self.request("PATCH", `/api/v1/candidates/${leaId}`, { phone: "0700000000" })).statusCode, 404);
      assert.equal((await self.request("GET", "/api/v1/candidates")).statusCode, 403);
      assert.equal(await auditCount("candidate.read", created.json().id), 0, "the person's own reads are not professional reads");
      // Counsellors do not see a self-registered candidate they do not follow.
      assert.equal((await counsellor.request("GET", `/api/v1/candidates/${created.json().id}`)).statusCode, 404);

      // Self-service export, then erasure: the account is anonymised and signed out.
      const exported = await self.request("GET", `/api/v1/candidates/${created.json().id}/export`);
      assert.equal(exported.statusCode, 200);
      assert.equal(exported.json().sections.compte.email, "sami@example.org");
      assert.equal((await self.request("POST", `/api/v1/candidates/${created.json().id}/erasure`)).statusCode, 204);
      assert.equal((await self.request("GET", "/api/v1/candidates/me")).statusCode, 401);
      const user = await t.db.selectFrom("users").select(["email", "name", "password_hash"]).where("email", "like", "anonyme-%").executeTakeFirstOrThrow();
      assert.equal(user.name, "Personne anonymisée");
      assert.equal(user.password_hash, null);
    });

    it("a person signing up with the e-mail their counsellor recorded finds that profile", async () => {
      const recorded = await counsellor.request("POST", "/api/v1/candidates", { firstName: "Inès", lastName: "Garcia", email: "ines@example.org", consent: true });
      assert.equal(recorded.json().hasAccount, false);
      const ines = await signedIn(t, "ines@example.org", "candidate", "Inès");
      const mine = await ines.request("GET", "/api/v1/candidates/me");
      assert.equal(mine.statusCode, 200, mine.body);
      assert.equal(mine.json().id, recorded.json().id);
      assert.equal(mine.json().hasAccount, true);
      assert.deepEqual(mine.json().followedBy.map((f: { name: string }) => f.name), ["Mission locale A"]);
      assert.equal((await ines.request("POST", "/api/v1/candidates", { firstName: "Inès", lastName: "G", consent: true })).json().code, "candidate.already_exists");
    });

    it("an employer records a candidate for a direct hire and sees only that one; an employer never exports", async () => {
      const created = await employer.request("POST", "/api/v1/candidates", { firstName: "Nina", lastName: "Roux", consent: true });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal(created.json().createdVia, "employer");
      assert.equal(created.json().consent.givenBy, "employer");
      const shown = await t.db.selectFrom("candidate_consents").select(["text_version", "text"]).where("candidate_id", "=", created.json().id).executeTakeFirstOrThrow();
      assert.equal(shown.text_version, "2026-12-02-employeur");
      assert.match(shown.text, /l'employeur qui m'embauche/, "the employer's own wording, not the counsellor's");
      assert.equal((await employer.request("GET", `/api/v1/candidates/${created.json().id}`)).statusCode, 200);
      assert.equal((await employer.request("PATCH", `/api/v1/candidates/${created.json().id}`, { phone: "0600000000" })).statusCode, 403, "employers never edit a profile");
      assert.equal((await employer.request("GET", `/api/v1/candidates/${created.json().id}/export`)).json().code, "candidate.export_forbidden");
      assert.equal((await counsellor.request("GET", `/api/v1/candidates/${created.json().id}`)).statusCode, 404);
    });

    it("the counsellor exports the person's data as JSON: profile, consents, CV, accesses", async () => {
      const response = await counsellor.request("GET", `/api/v1/candidates/${leaId}/export`);
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers["content-disposition"]), /attachment; filename="donnees-tremplin-/);
      const data = response.json();
      assert.equal(data.format, "tremplin-donnees-personnelles");
      assert.equal(data.sections.profil.firstName, "Léa");
      assert.equal(data.sections.profil.address, "rue des envierges paris");
      assert.deepEqual(data.sections.profil.targetAppellationLabels, [{ code: "38000", label: "Jardinier / Jardinière d'espaces verts" }], "codes come with their ROME labels");
      assert.deepEqual(data.sections.profil.skillLabels, [{ code: "100001", label: "Entretenir un espace vert" }]);
      // Internal codes come with the French labels the web shows.
      assert.deepEqual(data.sections.profil.languages, [{ name: "Arabe", level: "native", levelLabel: "Langue maternelle" }]);
      assert.deepEqual(data.sections.profil.mobilityMeans, ["public_transport", "bike"]);
      assert.deepEqual(data.sections.profil.mobilityMeanLabels, [{ code: "public_transport", label: "Transports en commun" }, { code: "bike", label: "Vélo" }]);
      assert.equal(data.sections.profil.availability, "immediate");
      assert.equal(data.sections.profil.availabilityLabel, "Disponible immédiatement");
      assert.deepEqual(data.sections.profil.barrierLabels.map((b: { code: string }) => b.code), data.sections.profil.barriers);
      assert.ok(data.sections.profil.barrierLabels.every((b: { code: string; label: string }) => b.label !== b.code && b.label.length > 0));
      assert.equal(data.sections.profil.createdViaLabel, "par un conseiller ou une conseillère");
      assert.ok(Array.isArray(data.sections.profil.location.reasonLabels));
      assert.deepEqual(data.sections.consentements.map((c: { decision: string }) => c.decision), ["given", "withdrawn"]);
      assert.deepEqual(data.sections.consentements.map((c: { decisionLabel: string }) => c.decisionLabel), ["Accord donné", "Accord retiré"]);
      assert.equal(data.sections.consentements[0].givenByLabel, "recueilli par un conseiller");
      assert.ok(Buffer.from(data.sections.cv.contentBase64, "base64").subarray(0, 5).equals(Buffer.from("%PDF-")));
      assert.equal(data.sections.organisations_accompagnantes[0].name, "Mission locale A");
      assert.ok(data.sections.consultations_par_des_professionnels.some((a: { action: string; organisation: string }) => a.action === "candidate.read" && a.organisation === "Mission locale A"));
      assert.equal(data.sections.compte, null, "no account for a person recorded by a counsellor");
      assert.equal(await auditCount("candidate.exported", leaId), 1);
    });

    it("erasure anonymises: identity, contact, address, CV gone; commune, QPV and consents kept", async () => {
      assert.equal((await counsellor.request("POST", `/api/v1/candidates/${leaId}/erasure`)).statusCode, 204);
      const row = await t.db.selectFrom("candidates").selectAll().where("id", "=", leaId).executeTakeFirstOrThrow();
      assert.deepEqual(
        [row.first_name, row.last_name, row.email, row.phone, row.address_text, row.lat, row.lon, row.birth_year, row.barriers, row.skills],
        [null, null, null, null, null, null, null, null, [], []],
      );
      assert.equal(row.commune_insee, "75120");
      assert.equal(row.qpv_code, "QN07519M");
      assert.notEqual(row.anonymised_at, null);
      assert.equal((await t.db.selectFrom("candidate_documents").select("id").where("candidate_id", "=", leaId).execute()).length, 0);
      assert.equal((await t.db.selectFrom("candidate_consents").select("id").where("candidate_id", "=", leaId).execute()).length, 2);
      assert.equal(await auditCount("candidate.anonymised", leaId), 1);
      assert.equal((await counsellor.request("GET", "/api/v1/candidates")).json().total, 2, "no longer listed (Omar and Inès remain)");
      assert.equal((await counsellor.request("PATCH", `/api/v1/candidates/${leaId}`, { firstName: "Léa" })).json().code, "candidate.anonymised");
      assert.equal((await counsellor.request("POST", `/api/v1/candidates/${leaId}/erasure`)).statusCode, 204, "idempotent");
    });

    it("serves the barrier vocabulary and the consent text", async () => {
      const barriers = (await t.app.inject({ method: "GET", url: "/api/v1/candidates/barriers" })).json();
      assert.equal(barriers.length, 8);
      assert.ok(barriers.some((b: { code: string; label: string }) => b.code === "sante" && b.label === "Santé"));
      const consent = (await t.app.inject({ method: "GET", url: "/api/v1/candidates/consent-text" })).json();
      assert.match(consent.text, /anonymisées\) après 2 ans sans activité/);
    });
  });
}
