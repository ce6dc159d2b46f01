// Browser test of the two ways to create an application that are not a counsellor's: the candidate applies
// herself from the public offer page (signing in, creating "Mon profil" on the way, and back to the offer), and
// the employer records a direct hire (creating the person's profile with her consent, then the contract dates).
// The employer downloads the candidate's current CV from the application page.
// Also the offer page's "Postuler" section for each reader. Accounts, organisations and offers are set up directly
// (their screens are tested on their own); axe on every new page, screenshots in /tmp/shot-apply-*.png.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { hashPassword } from "../../src/accounts/passwords.ts";
import { insertUser } from "../../src/accounts/users.queries.ts";
import { addDays, frenchDate, parisDate } from "../../src/applications/application-dates.domain.ts";
import { insertOffer } from "../../src/applications/test-fixtures.ts";
import { type RunningApp, startRealApp } from "../support/real-app.ts";
import { describeViolations, newPage, runAxe, screenshot, waitForTitle, withServerAndBrowser } from "./harness.ts";
import { samplePdf } from "../support/sample-pdf.ts";

const password = "un mot de passe solide";

const assertAccessible = async (page: Page) => {
  const violations = await runAxe(page);
  assert.deepEqual(violations, [], describeViolations(violations));
};

/** The cells of the table row that mentions `text`, as displayed (badges in capitals). */
const rowCells = (page: Page, text: string) => page.getByRole("row").filter({ hasText: text }).locator("td").allInnerTexts();


/** "02/12/2026" as a regular expression. */
const dateRe = (date: string) => frenchDate(date).replace(/\//g, "\\/");

describe("Postuler soi-même, déclarer une embauche directe", () => {
  let app: RunningApp;
  let browser: Browser;
  let gardens: string; // the employer "Jardins de Belleville" (an ACI)
  let offerId: string;
  let closedOfferId: string;
  let emma: Awaited<ReturnType<typeof account>>; // admin of the gardens

  /** A verified account, signed in through the JSON API as another browser would be: its calls and its session cookie. */
  const account = async (email: string, kind: "professional" | "candidate", name: string) => {
    await insertUser(app.runtime.db, { email, name, kind, passwordHash: await hashPassword(password), emailVerifiedAt: new Date(), now: new Date() });
    let cookie = "";
    let csrf = "";
    /** A JSON body, or a file (a Buffer) sent as the body itself. */
    const call = async (method: string, path: string, body?: unknown) => {
      const file = Buffer.isBuffer(body);
      const response = await fetch(`${app.baseUrl}${path}`, {
        method,
        headers: { origin: app.baseUrl, cookie, ...(csrf ? { "x-csrf-token": csrf } : {}), ...(body === undefined ? {} : { "content-type": file ? "application/pdf" : "application/json" }) },
        body: body === undefined ? undefined : file ? new Uint8Array(body) : JSON.stringify(body),
      });
      const setCookie = response.headers.get("set-cookie");
      if (setCookie) cookie = setCookie.split(";")[0]!;
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
      return text ? JSON.parse(text) : null;
    };
    await call("POST", "/api/v1/auth/login", { email, password });
    const refresh = async () => {
      csrf = (await call("GET", "/api/v1/auth/session")).csrfToken;
    };
    await refresh();
    return { call, refresh, cookie: () => cookie.split("=").slice(1).join("=") };
  };

  const pageAs = async (session: string | null) => {
    const opened = await newPage(browser);
    if (session) await opened.page.context().addCookies([{ name: "tremplin_session", value: session, url: app.baseUrl }]);
    return opened;
  };

  withServerAndBrowser<RunningApp>((started, chromium) => {
    app = started;
    browser = chromium;
  }, startRealApp);
  before(async () => {
    emma = await account("emma@jardins.example", "professional", "Emma Employeuse");
    gardens = (await emma.call("POST", "/api/v1/organisations", { kind: "ACI", name: "Jardins de Belleville", siret: "73282932000074" })).id;
    offerId = await insertOffer(app.runtime.db, gardens, "Jardinier ou jardinière d'espaces verts");
    // "Recrutement sans CV": the employer can still read a CV the person has, the pages say it is not asked for.
    await app.runtime.db.updateTable("offers").set({ without_cv: true }).where("id", "=", offerId).execute();
    closedOfferId = await insertOffer(app.runtime.db, gardens, "Agent ou agente d'entretien des serres");
    await app.runtime.db.updateTable("offers").set({ status: "closed" }).where("id", "=", closedOfferId).execute();
  });

  it("a candidate finds an offer, signs in, creates her profile, applies with a message, finds it in Mes candidatures; the employer sees it sent by her and downloads her CV", async () => {
    const awa = await account("awa.diallo@example.org", "candidate", "Awa Diallo");
    const { page, errors } = await pageAs(null);

    // The public search leads to the offer; signed out, the page invites her to sign in (coming back here).
    await page.goto(`${app.baseUrl}/offres?q=jardinier`);
    await waitForTitle(page, "Offres d'emploi — Tremplin");
    await page.getByRole("link", { name: "Jardinier ou jardinière d'espaces verts" }).click();
    await waitForTitle(page, "Jardinier ou jardinière d'espaces verts — Tremplin");
    // The section's heading: "Postuler", then "Votre candidature" once she applied.
    const apply = page.locator("section[aria-labelledby=offer-apply-title]");
    await apply.getByRole("heading", { level: 2, name: "Postuler" }).waitFor();
    await apply.getByText(/Pour postuler à cette offre, connectez-vous avec votre compte candidat/).waitFor();
    await screenshot(page, "apply-01-offre-deconnectee");
    await assertAccessible(page);
    await apply.getByRole("link", { name: "Se connecter" }).click();
    await page.getByLabel("Adresse électronique").fill("awa.diallo@example.org");
    await page.locator("#signin-password").fill(password);
    await page.getByRole("button", { name: "Se connecter" }).click();

    // Back on the offer, signed in: without a profile, the way to create it first, coming back here.
    await page.getByRole("link", { name: "Créer mon profil" }).waitFor();
    assert.equal(new URL(page.url()).pathname, `/offres/${offerId}`);
    assert.match(await apply.innerText(), /créez d'abord votre profil de candidat/);
    await screenshot(page, "apply-02-sans-profil");
    await assertAccessible(page);
    await page.getByRole("link", { name: "Créer mon profil" }).click();
    await page.getByRole("heading", { level: 1, name: "Créer mon profil" }).waitFor();
    await page.getByText("Une fois votre profil créé, vous reviendrez à l'offre qui vous intéresse pour y postuler.").waitFor();
    await page.getByLabel("Téléphone").fill("06 12 34 56 78");
    await page.getByLabel(/^Année de naissance/).fill("1994");
    await page.getByLabel(/^Adresse postale/).fill("5 rue de Tanger 75019 Paris");
    await page.getByRole("checkbox", { name: "J'ai lu et j'accepte le texte ci-dessus." }).check({ force: true });
    await assertAccessible(page);
    await page.getByRole("button", { name: "Créer mon profil" }).click();

    // Back on the offer: the form, with what the employer will see of her profile.
    await page.getByText("Votre profil est créé : vous pouvez maintenant postuler.").waitFor();
    assert.equal(new URL(page.url()).pathname, `/offres/${offerId}`);
    await apply.getByRole("button", { name: "Postuler à cette offre" }).click();
    const message = page.getByLabel("Message à l'employeur (facultatif)");
    await message.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), "apply-message", "the form opens on the message");
    assert.equal(await message.getAttribute("maxlength"), "5000");
    const shared = await apply.innerText();
    assert.match(shared, /Ce que l'employeur verra[\s\S]*Awa Diallo[\s\S]*awa\.diallo@example\.org[\s\S]*06 12 34 56 78[\s\S]*1994[\s\S]*75019/, shared);
    assert.match(shared, /Votre adresse complète et vos freins périphériques ne lui sont pas transmis/);
    assert.match(shared, /CV\s+Pas de CV[\s\S]*Sans CV, décrivez votre expérience dans votre message/, shared);
    assert.match(shared, /Cette offre est en recrutement sans CV : il n'est pas demandé\./);
    assert.doesNotMatch(shared, /rue de Tanger/);
    // Cancelling closes the form and gives the focus back to its button.
    await apply.getByRole("button", { name: "Annuler" }).click();
    await page.waitForFunction(() => document.activeElement?.textContent === "Postuler à cette offre");
    // She adds her CV to her profile (its screen is tested on its own): the form says the employer can read it.
    const profileId = (await awa.call("GET", "/api/v1/candidates/me")).id;
    await awa.call("PUT", `/api/v1/candidates/${profileId}/cv?name=${encodeURIComponent("CV Awa Diallo.pdf")}`, await samplePdf());
    await page.reload();
    await apply.getByRole("button", { name: "Postuler à cette offre" }).click();
    await message.waitFor();
    const withCv = await apply.innerText();
    assert.match(withCv, /CV\s+CV Awa Diallo\.pdf/, withCv);
    assert.match(withCv, /L'employeur peut lire votre CV actuel, celui de votre profil, tant qu'il voit votre candidature/);
    await message.fill("Bonjour, j'ai trois ans d'expérience en entretien d'espaces verts et je suis disponible tout de suite.");
    await screenshot(page, "apply-03-formulaire");
    await assertAccessible(page);
    await apply.getByRole("button", { name: "Envoyer ma candidature" }).click();

    // Her application's page, with the success notice.
    await page.getByRole("heading", { level: 1, name: "Jardins de Belleville — Jardinier ou jardinière d'espaces verts" }).waitFor();
    await waitForTitle(page, "Candidature — Tremplin");
    await page.getByText("Votre candidature est envoyée à Jardins de Belleville. Sa réponse s'affichera ici et dans « Mes candidatures ».").waitFor();
    const detail = await page.locator("main").innerText();
    assert.match(detail, /Nouvelle candidature/i);
    assert.match(detail, /trois ans d'expérience/);
    assert.match(detail, /Candidature envoyée par vous le/);
    assert.match(detail, /Ce que l'employeur voit de vous\s+Nom\s+Awa Diallo/);
    assert.match(detail, /CV\s+Votre CV actuel : l'employeur peut le lire tant qu'il voit votre candidature\. Vous pouvez le remplacer ou le retirer dans Mon profil\./, detail);
    const applicationId = new URL(page.url()).pathname.split("/").at(-1)!;
    await screenshot(page, "apply-04-candidature");
    await assertAccessible(page);

    // The offer now says she applied, with the way to her application.
    await page.goto(`${app.baseUrl}/offres/${offerId}`);
    await apply.getByText("Vous avez déjà une candidature en cours pour cette offre.").waitFor();
    await apply.getByRole("heading", { level: 2, name: "Votre candidature" }).waitFor();
    assert.equal(await apply.getByRole("link", { name: "Voir ma candidature" }).getAttribute("href"), `/candidatures/${applicationId}`);
    assert.equal(await apply.getByRole("button", { name: "Postuler à cette offre" }).count(), 0);
    await screenshot(page, "apply-05-deja-postule");
    await assertAccessible(page);

    // "Mes candidatures" lists it.
    await page.goto(`${app.baseUrl}/mes-candidatures`);
    await waitForTitle(page, "Mes candidatures — Tremplin");
    await page.getByRole("link", { name: "Voir la candidature de Jardins de Belleville" }).waitFor();
    assert.deepEqual((await rowCells(page, "Jardins de Belleville")).slice(0, 4), ["Jardins de Belleville", "Jardinier ou jardinière d'espaces verts", "NOUVELLE CANDIDATURE", "Candidat"]);
    await assertAccessible(page);

    // The employer finds it in the inbox, sent by the candidate herself.
    const boss = await pageAs(emma.cookie());
    await boss.page.goto(`${app.baseUrl}/candidatures/recues?envoyeur=candidate`);
    await waitForTitle(boss.page, "Candidatures reçues — Tremplin");
    await boss.page.getByRole("link", { name: "Voir la candidature de Awa Diallo" }).waitFor();
    assert.deepEqual((await rowCells(boss.page, "Awa Diallo")).slice(0, 4), ["Awa Diallo", "Jardinier ou jardinière d'espaces verts", "NOUVELLE CANDIDATURE", "Candidat"], "sent by the candidate");
    await boss.page.getByRole("link", { name: "Voir la candidature de Awa Diallo" }).click();
    await boss.page.getByRole("heading", { level: 1, name: /^Awa Diallo — / }).waitFor();
    const seen = await boss.page.locator("main").innerText();
    assert.match(seen, /Candidature envoyée par la personne elle-même le/);
    assert.match(seen, /awa\.diallo@example\.org[\s\S]*06 12 34 56 78/);
    assert.doesNotMatch(seen, /rue de Tanger/);
    assert.match(seen, /CV\s+Télécharger le CV \(PDF\)\s+Cette offre est en recrutement sans CV : le CV n'est pas exigé pour ce poste\./, seen);
    await screenshot(boss.page, "apply-06-vue-employeur");
    await assertAccessible(boss.page);
    // She downloads it: her current CV, a PDF; the read is in the audit log.
    const cvLink = boss.page.getByRole("link", { name: "Télécharger le CV (PDF)" });
    assert.equal(await cvLink.getAttribute("href"), `/api/v1/applications/${applicationId}/cv`);
    const [download] = await Promise.all([boss.page.waitForEvent("download"), cvLink.click()]);
    assert.equal(download.suggestedFilename(), "CV Awa Diallo.pdf");
    const downloaded = await readFile((await download.path())!);
    assert.equal(downloaded.subarray(0, 5).toString("latin1"), "%PDF-");
    const fetched = await boss.page.request.get(`${app.baseUrl}/api/v1/applications/${applicationId}/cv`);
    assert.deepEqual([fetched.status(), fetched.headers()["content-type"]], [200, "application/pdf"]);
    assert.ok((await fetched.body()).equals(downloaded));
    const reads = await app.runtime.db.selectFrom("audit_log").select("details").where("action", "=", "candidate.cv_read").where("subject_id", "=", profileId).execute();
    assert.deepEqual(reads.map((r) => r.details), [{ via: "application", application: applicationId }, { via: "application", application: applicationId }]);
    // Expected: the 404 of her profile not created yet (the offer page, then "Mon profil").
    assert.deepEqual(errors.filter((e) => !/status of 404/.test(e)), []);
    assert.deepEqual(boss.errors, []);
  });

  it("an employer declares the direct hire of a new person: her profile with her consent, then the contract, accepted at once", async () => {
    const oscar = await account("oscar@boulangerie.example", "professional", "Oscar Employeur");
    const bakery = (await oscar.call("POST", "/api/v1/organisations", { kind: "entreprise", name: "Boulangerie Ménilmontant", siret: "13002526500013" })).id;
    await insertOffer(app.runtime.db, bakery, "Vendeur ou vendeuse en boulangerie");
    const { page, errors } = await pageAs(oscar.cookie());

    await page.goto(`${app.baseUrl}/candidatures/recues`);
    await waitForTitle(page, "Candidatures reçues — Tremplin");
    await page.getByRole("link", { name: "Déclarer une embauche directe" }).click();
    await waitForTitle(page, "Déclarer une embauche directe — Tremplin");
    await page.getByText(/Votre structure n'a encore créé aucun profil ni reçu aucune candidature/).waitFor();
    await screenshot(page, "apply-07-embauche-vide");
    await assertAccessible(page);
    // Nothing chosen: the summary lists what is missing and leads to it.
    await page.getByRole("button", { name: "Déclarer l'embauche" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "L'embauche n'est pas enregistrée : 2 erreurs" });
    await summary.getByRole("link", { name: "Choisissez la personne embauchée." }).waitFor();
    await summary.getByRole("link", { name: "Indiquez la date de début du contrat." }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), "hire-start");
    assert.equal(await page.getByLabel(/^Date de début du contrat/).getAttribute("aria-invalid"), "true");
    await screenshot(page, "apply-08-embauche-erreurs");
    await assertAccessible(page);

    // Her profile first, with her consent, through the candidate form; then back here with her chosen.
    await page.getByRole("link", { name: "Créer son profil, avec son accord" }).click();
    await waitForTitle(page, "Créer un profil candidat — Tremplin");
    await page.getByText("Une fois le profil créé, vous reviendrez à la déclaration de l'embauche, avec cette personne déjà choisie.").waitFor();
    await page.getByLabel("Prénom").fill("Dana");
    await page.getByLabel("Nom", { exact: true }).fill("Petit");
    await page.getByLabel("Adresse électronique").fill("dana.petit@example.org");
    await page.getByLabel(/^Adresse postale/).fill("5 rue de Tanger 75019 Paris");
    await page.getByText(/l'employeur qui m'embauche déclare mon embauche/).waitFor();
    assert.equal(await page.getByText(/mon conseiller ou ma conseillère/).count(), 0, "the employer's own consent wording");
    await page.getByRole("checkbox", { name: /La personne m'a donné son accord/ }).check({ force: true });
    await screenshot(page, "apply-09-profil-embauche");
    await assertAccessible(page);
    await page.getByRole("button", { name: "Créer le profil" }).click();

    await page.getByText("Le profil de Dana Petit est créé.").waitFor();
    await waitForTitle(page, "Déclarer une embauche directe — Tremplin");
    const person = page.getByLabel(/^Personne embauchée/);
    await page.waitForFunction(() => (document.getElementById("hire-candidate") as HTMLSelectElement | null)?.value !== "");
    assert.match(await person.locator("option:checked").innerText(), /^Dana Petit \(75019\) — profil créé par votre structure$/);
    await page.getByLabel(/^Offre/).selectOption({ label: "Vendeur ou vendeuse en boulangerie — Paris 20e Arrondissement" });
    // A start in the past: the API's message, on the field.
    const today = parisDate(new Date());
    await page.getByLabel(/^Date de début du contrat/).fill(addDays(today, -1));
    await page.getByRole("button", { name: "Déclarer l'embauche" }).click();
    await page.getByRole("alert").getByRole("link", { name: /Il n'est pas possible d'antidater un contrat/ }).waitFor();
    assert.equal(await page.getByLabel(/^Date de début du contrat/).getAttribute("aria-invalid"), "true");
    const start = addDays(today, 7);
    const end = addDays(today, 190);
    await page.getByLabel(/^Date de début du contrat/).fill(start);
    await page.getByLabel(/^Date de fin du contrat/).fill(end);
    await screenshot(page, "apply-10-embauche-remplie");
    await assertAccessible(page);
    await page.getByRole("button", { name: "Déclarer l'embauche" }).click();

    // The application page: accepted, with the contract dates; said and logged.
    await page.getByRole("heading", { level: 1, name: "Dana Petit — Vendeur ou vendeuse en boulangerie" }).waitFor();
    await page.getByText("L'embauche de Dana Petit est enregistrée : la candidature est acceptée.").waitFor();
    const detail = await page.locator("main").innerText();
    assert.match(detail, new RegExp(`Candidature acceptée\\s*Contrat du ${dateRe(start)} au ${dateRe(end)}`, "i"), detail);
    assert.match(detail, /Embauche directe déclarée par l'employeur le/);
    assert.doesNotMatch(detail, /Message de candidature|Pas de message/, "a direct hire has no message of its own");
    assert.match(detail, new RegExp(`Accepter par Oscar Employeur — du ${dateRe(start)} au ${dateRe(end)}`));
    await screenshot(page, "apply-11-embauche-acceptee");
    await assertAccessible(page);
    // In the inbox, as an accepted application sent by the employer.
    await page.getByRole("link", { name: "Retour à la liste" }).click();
    await page.getByRole("link", { name: "Voir la candidature de Dana Petit" }).waitFor();
    assert.deepEqual((await rowCells(page, "Dana Petit")).slice(0, 4), ["Dana Petit", "Vendeur ou vendeuse en boulangerie", "CANDIDATURE ACCEPTÉE", "Boulangerie Ménilmontant"]);
    // A second hire: Dana is now in the list of people to choose from.
    await page.goto(`${app.baseUrl}/candidatures/embauche-directe`);
    await page.getByLabel(/^Personne embauchée/).locator("option", { hasText: "Dana Petit (75019) — profil créé par votre structure" }).waitFor({ state: "attached" });
    await assertAccessible(page);
    assert.deepEqual(errors.filter((e) => !/status of 400/.test(e)), [], "expected: the 400 of the start in the past");
  });

  it("shows each reader of the offer page what they can do: sign in or sign up, apply for a followed person, nothing for an employer or on a closed offer", async () => {
    // Signed out: sign in, or create a candidate account (the kind chosen), both coming back to the offer.
    const visitor = await pageAs(null);
    await visitor.page.goto(`${app.baseUrl}/offres/${offerId}`);
    const apply = visitor.page.locator("section", { has: visitor.page.getByRole("heading", { level: 2, name: "Postuler" }) });
    const back = encodeURIComponent(`/offres/${offerId}`);
    assert.equal(await apply.getByRole("link", { name: "Se connecter" }).getAttribute("href"), `/connexion?retour=${back}`);
    assert.equal(await apply.getByRole("link", { name: "Créer un compte candidat" }).getAttribute("href"), `/inscription?compte=candidat&retour=${back}`);
    await apply.getByRole("link", { name: "Créer un compte candidat" }).click();
    await waitForTitle(visitor.page, "Créer un compte — Tremplin");
    assert.equal(await visitor.page.getByRole("radio", { name: /Candidat·e/ }).isChecked(), true);
    // A closed offer takes no application: no section at all.
    await visitor.page.goto(`${app.baseUrl}/offres/${closedOfferId}`);
    await visitor.page.getByText("Cette offre est fermée : le recrutement est terminé ou suspendu.").waitFor();
    assert.equal(await visitor.page.getByRole("heading", { name: "Postuler" }).count(), 0);
    await assertAccessible(visitor.page);

    // A counsellor of a prescriber: "Postuler pour un candidat", the offer already chosen.
    const paul = await account("paul@ml.example", "professional", "Paul Conseiller");
    await paul.call("POST", "/api/v1/organisations", { kind: "ML", name: "Mission locale Paris Est", siret: "55208131766522" });
    await paul.refresh();
    await paul.call("POST", "/api/v1/candidates", { firstName: "Bilal", lastName: "Haddad", consent: true });
    const counsellor = await pageAs(paul.cookie());
    await counsellor.page.goto(`${app.baseUrl}/offres/${offerId}`);
    const forSomeone = counsellor.page.getByRole("link", { name: "Postuler pour un candidat" });
    await forSomeone.waitFor();
    assert.equal(await forSomeone.getAttribute("href"), `/candidatures/nouvelle?offre=${offerId}`);
    await screenshot(counsellor.page, "apply-12-offre-conseiller");
    await assertAccessible(counsellor.page);
    await forSomeone.click();
    await waitForTitle(counsellor.page, "Postuler pour un candidat — Tremplin");
    await counsellor.page.getByRole("button", { name: /^Retirer « Jardinier ou jardinière d'espaces verts — Jardins de Belleville/ }).waitFor();

    // An employer (here, of another structure) has nothing to apply with.
    const ines = await account("ines@hotel.example", "professional", "Inès Employeuse");
    await ines.call("POST", "/api/v1/organisations", { kind: "entreprise", name: "Hôtel du Canal", siret: "44306184100047" });
    const employer = await pageAs(ines.cookie());
    await employer.page.goto(`${app.baseUrl}/offres/${offerId}`);
    await employer.page.getByRole("heading", { level: 1, name: "Jardinier ou jardinière d'espaces verts" }).waitFor();
    await employer.page.getByRole("link", { name: "Les autres offres de cet employeur" }).waitFor();
    assert.equal(await employer.page.getByRole("heading", { name: "Postuler" }).count(), 0);
    assert.doesNotMatch(await employer.page.locator("main").innerText(), /Postuler|compte candidat/);
    await assertAccessible(employer.page);
    // And the direct hire page is for employers only.
    await counsellor.page.goto(`${app.baseUrl}/candidatures/embauche-directe`);
    await counsellor.page.getByText("Cette page est réservée aux membres d'un employeur.", { exact: false }).waitFor();
    await visitor.page.goto(`${app.baseUrl}/candidatures/embauche-directe`);
    await visitor.page.getByText("Connectez-vous pour accéder à cette page.").waitFor();

    // A candidate on a closed offer she never applied to: no button.
    const sam = await account("sam@example.org", "candidate", "Sam Candidat");
    await sam.call("POST", "/api/v1/candidates", { firstName: "Sam", lastName: "Candidat", consent: true });
    const candidate = await pageAs(sam.cookie());
    await candidate.page.goto(`${app.baseUrl}/offres/${closedOfferId}`);
    await candidate.page.getByText("Cette offre est fermée : le recrutement est terminé ou suspendu.").waitFor();
    await candidate.page.waitForLoadState("networkidle");
    assert.equal(await candidate.page.getByRole("button", { name: "Postuler à cette offre" }).count(), 0);
    assert.equal(await candidate.page.getByRole("heading", { name: "Postuler" }).count(), 0);
    for (const { errors } of [visitor, counsellor, employer, candidate]) assert.deepEqual(errors, []);
  });
});
