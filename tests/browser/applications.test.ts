// Browser test of the main applications flow: a counsellor creates a candidate
// and applies for them; the employer accepts with a start date; the candidate
// sees the result. Accounts, organisations and the offer are set up through the
// JSON API (the sign-up and offer screens are tested on their own); the candidate's
// profile (address in a QPV, consent, target job), the application, the answer and
// the result go through the screens.
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { hashPassword } from "../../src/accounts/passwords.ts";
import { insertUser } from "../../src/accounts/users.queries.ts";
import { addDays, frenchDate, parisDate } from "../../src/applications/application-dates.domain.ts";
import { insertOffer } from "../../src/applications/test-fixtures.ts";
import { type RunningApp, startRealApp } from "../support/real-app.ts";
import { describeViolations, newPage, runAxe, screenshot, waitForTitle, withServerAndBrowser } from "./harness.ts";

const password = "un mot de passe solide";

/** A signed-in HTTP client of the running app (cookie + CSRF token), as a browser would be. */
const apiClient = async (app: RunningApp, email: string, kind: "professional" | "candidate", name: string) => {
  await insertUser(app.runtime.db, { email, name, kind, passwordHash: await hashPassword(password), emailVerifiedAt: new Date(), now: new Date() });
  let cookie = "";
  let csrf = "";
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${app.baseUrl}${path}`, {
      method,
      headers: { origin: app.baseUrl, cookie, ...(csrf ? { "x-csrf-token": csrf } : {}), ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = response.headers.get("set-cookie");
    if (setCookie) cookie = setCookie.split(";")[0];
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
  await call("POST", "/api/v1/auth/login", { email, password });
  csrf = (await call("GET", "/api/v1/auth/session")).csrfToken;
  return { call, cookie: () => cookie.split("=").slice(1).join("="), refresh: async () => { csrf = (await call("GET", "/api/v1/auth/session")).csrfToken; } };
};

const pageAs = async (browser: Browser, app: RunningApp, session: string) => {
  const { page, errors } = await newPage(browser);
  await page.context().addCookies([{ name: "tremplin_session", value: session, url: app.baseUrl }]);
  return { page, errors };
};

const assertAccessible = async (page: Page) => {
  const violations = await runAxe(page);
  assert.deepEqual(violations, [], describeViolations(violations));
};

describe("Candidatures (parcours principal)", () => {
  let app: RunningApp;
  let browser: Browser;
  withServerAndBrowser<RunningApp>((started, chromium) => {
    app = started;
    browser = chromium;
  }, startRealApp);

  it("counsellor applies for a new candidate, the employer accepts with a start date, the candidate sees it", async () => {
    const paul = await apiClient(app, "paul@ml.example", "professional", "Paul Prescripteur");
    const emma = await apiClient(app, "emma@jardins.example", "professional", "Emma Employeuse");
    const chloe = await apiClient(app, "chloe@example.org", "candidate", "Chloé Martin");
    await paul.call("POST", "/api/v1/organisations", { kind: "ML", name: "Mission locale Paris Est", siret: "55208131766522" });
    await paul.refresh();
    const employer = await emma.call("POST", "/api/v1/organisations", { kind: "ACI", name: "Jardins de Belleville", siret: "73282932000074" });
    await emma.refresh();
    const offerId = await insertOffer(app.runtime.db, employer.id, "Jardinier ou jardinière d'espaces verts");
    // The counsellor records the person from "Mes candidats", with her consent and an address in a QPV 2024.
    const counsellor = await pageAs(browser, app, paul.cookie());
    await counsellor.page.goto(`${app.baseUrl}/candidats`);
    await waitForTitle(counsellor.page, "Mes candidats — Tremplin");
    await counsellor.page.getByText("Aucun candidat ne correspond").waitFor();
    await assertAccessible(counsellor.page);
    await counsellor.page.getByRole("link", { name: "Créer un profil candidat" }).click();
    await waitForTitle(counsellor.page, "Créer un profil candidat — Tremplin");
    await counsellor.page.getByLabel("Prénom").fill("Chloé");
    await counsellor.page.getByLabel("Nom", { exact: true }).fill("Martin");
    await counsellor.page.getByLabel("Adresse électronique").fill("chloe@example.org");
    await counsellor.page.getByLabel(/^Adresse postale/).fill("5 rue de Tanger 75019 Paris");
    await counsellor.page.getByLabel(/^Métiers recherchés/).fill("jardinier");
    await counsellor.page.getByRole("button", { name: /^Ajouter « Jardinier/ }).first().click();
    await counsellor.page.getByRole("button", { name: /^Retirer « Jardinier/ }).waitFor();
    await counsellor.page.getByRole("checkbox", { name: /La personne m'a donné son accord/ }).check({ force: true });
    await assertAccessible(counsellor.page);
    await counsellor.page.getByRole("button", { name: "Créer le profil" }).click();

    // Her profile shows the QPV and how sure it is, and the job she looks for.
    await counsellor.page.getByRole("heading", { level: 1, name: "Profil de Chloé Martin" }).waitFor();
    await waitForTitle(counsellor.page, "Profil de Chloé Martin — Tremplin");
    const profile = await counsellor.page.locator("main").innerText();
    // 5 rue de Tanger (BAN) lies inside the QPV 2024 Stalingrad Riquet, far enough from its edge for a certain answer.
    assert.match(profile, /En QPV : Stalingrad Riquet \(QN07513M\)/i, profile);
    assert.match(profile, /Résultat fiable/i);
    assert.match(profile, /Jardinier/);
    assert.match(profile, /Accord donné le/);
    await assertAccessible(counsellor.page);
    await screenshot(counsellor.page, "profil-candidat");
    const candidateId = new URL(counsellor.page.url()).pathname.split("/").at(-1)!;

    // She signs in with her own account (same verified e-mail): "Mon profil" is the profile her counsellor recorded.
    const person = await pageAs(browser, app, chloe.cookie());
    await person.page.goto(`${app.baseUrl}/mon-profil`);
    await waitForTitle(person.page, "Mon profil — Tremplin");
    await person.page.getByText(/En QPV : Stalingrad Riquet/i).waitFor();
    assert.match(await person.page.locator("main").innerText(), /chloe@example\.org[\s\S]*Jardinier/);
    await assertAccessible(person.page);

    // The counsellor applies for her from the profile, to the offer.
    await counsellor.page.getByRole("link", { name: "Postuler pour cette personne" }).click();
    await waitForTitle(counsellor.page, "Postuler pour un candidat — Tremplin");
    await counsellor.page.getByRole("searchbox", { name: /Offre/ }).fill("jardinier");
    await counsellor.page.getByRole("button", { name: /^Choisir « Jardinier ou jardinière d'espaces verts — Jardins de Belleville/ }).click();
    assert.equal(await counsellor.page.getByLabel("Candidat", { exact: true }).inputValue(), candidateId, "the person of the profile is chosen");
    await counsellor.page.getByLabel("Message à l'employeur (facultatif)").fill("Chloé a fait un stage en horticulture.");
    await assertAccessible(counsellor.page);
    await counsellor.page.getByRole("button", { name: "Envoyer la candidature" }).click();
    await counsellor.page.getByRole("heading", { level: 1, name: /Chloé Martin/ }).waitFor();
    assert.match(await counsellor.page.locator("main").innerText(), /Nouvelle candidature/i, "the badge (shown in capitals)");

    // The employer finds it in the inbox and accepts with a start date.
    const boss = await pageAs(browser, app, emma.cookie());
    await boss.page.goto(`${app.baseUrl}/candidatures/recues?etat=new`);
    await waitForTitle(boss.page, "Candidatures reçues — Tremplin");
    await boss.page.getByRole("link", { name: "Voir la candidature de Chloé Martin" }).waitFor();
    // The four filters of a row are aligned: same label top, same field top.
    const filters = boss.page.getByRole("form", { name: "Filtrer les candidatures" });
    const tops = async (selector: string) => Promise.all((await filters.locator(selector).all()).map(async (el) => Math.round((await el.boundingBox())!.y)));
    const labelTops = await tops("label.fr-label");
    const fieldTops = await tops("select.fr-select, input.fr-input");
    assert.equal(fieldTops.length, 4);
    assert.equal(new Set(labelTops).size, 1, `labels at ${labelTops.join(", ")}`);
    assert.equal(new Set(fieldTops).size, 1, `fields at ${fieldTops.join(", ")}`);
    await screenshot(boss.page, "candidatures-recues-filtres");
    await assertAccessible(boss.page);
    await boss.page.getByRole("link", { name: "Voir la candidature de Chloé Martin" }).click();
    await boss.page.getByRole("button", { name: "Accepter" }).click();
    const start = addDays(parisDate(new Date()), 14);
    await boss.page.getByLabel(/Date de début du contrat/).fill(start);
    await assertAccessible(boss.page);
    await boss.page.getByRole("form", { name: "Accepter" }).getByRole("button", { name: "Accepter" }).click();
    await boss.page.getByText("C'est fait : « Accepter ».").waitFor();
    assert.match(await boss.page.locator("main").innerText(), new RegExp(`Candidature acceptée[\\s\\S]*Contrat du ${frenchDate(start).replace(/\//g, "\\/")}`, "i"));
    // The start moves by a week before the contract begins: the application stays accepted, the history says so.
    const later = addDays(start, 7);
    await boss.page.getByRole("button", { name: "Modifier les dates du contrat" }).click();
    const datesForm = boss.page.getByRole("form", { name: "Modifier les dates du contrat" });
    await datesForm.getByLabel(/Date de début du contrat/).fill(later);
    await assertAccessible(boss.page);
    await datesForm.getByRole("button", { name: "Enregistrer les nouvelles dates" }).click();
    await boss.page.getByText("Les nouvelles dates du contrat sont enregistrées.").waitFor();
    const moved = await boss.page.locator("main").innerText();
    assert.match(moved, new RegExp(`Contrat du ${frenchDate(later).replace(/\//g, "\\/")}`), moved);
    assert.match(moved, new RegExp(`Dates du contrat modifiées par Emma Employeuse — du ${frenchDate(later).replace(/\//g, "\\/")}`), moved);
    await screenshot(boss.page, "dates-du-contrat");

    // The candidate sees the result.
    await person.page.goto(`${app.baseUrl}/mes-candidatures`);
    await waitForTitle(person.page, "Mes candidatures — Tremplin");
    await person.page.getByRole("link", { name: /Jardins de Belleville/ }).waitFor();
    assert.match(await person.page.locator("table").innerText(), /Jardins de Belleville[\s\S]*Candidature acceptée/i);
    await assertAccessible(person.page);
    for (const { errors } of [counsellor, boss, person]) assert.deepEqual(errors, []);
  });

  it("candidate and applications screens on the shared session: signed-out hint with the way back, wrong account kind or family explained", async () => {
    const anonymous = await newPage(browser);
    await anonymous.page.goto(`${app.baseUrl}/candidats/nouveau`);
    await waitForTitle(anonymous.page, "Créer un profil candidat — Tremplin");
    await anonymous.page.getByText("Connectez-vous pour accéder à cette page.").waitFor();
    assert.equal(await anonymous.page.getByRole("link", { name: "Se connecter" }).last().getAttribute("href"), "/connexion?retour=%2Fcandidats%2Fnouveau");
    await assertAccessible(anonymous.page);

    const sam = await apiClient(app, "sam@example.org", "candidate", "Sam Candidat");
    const person = await pageAs(browser, app, sam.cookie());
    await person.page.goto(`${app.baseUrl}/candidats`);
    await person.page.getByText("Cette page est réservée aux comptes professionnels.").waitFor();
    await person.page.goto(`${app.baseUrl}/mon-profil`);
    await person.page.getByRole("heading", { level: 1, name: "Créer mon profil" }).waitFor();

    const ines = await apiClient(app, "ines@boulangerie.example", "professional", "Inès Employeuse");
    await ines.call("POST", "/api/v1/organisations", { kind: "EI", name: "Boulangerie solidaire", siret: "13002526500013" });
    const employer = await pageAs(browser, app, ines.cookie());
    await employer.page.goto(`${app.baseUrl}/candidats`);
    await employer.page.getByText("Cette page est réservée aux membres d'un prescripteur ou orienteur.").waitFor();
    await employer.page.goto(`${app.baseUrl}/mon-profil`);
    await employer.page.getByText("Cette page est réservée aux personnes qui ont un compte candidat.").waitFor();
    await assertAccessible(employer.page);
    // The applications screens have the same guards: an employer cannot send for a candidate, a candidate has no inbox.
    await employer.page.goto(`${app.baseUrl}/candidatures/nouvelle`);
    await employer.page.getByText("Cette page est réservée aux membres d'un prescripteur ou orienteur.").waitFor();
    await person.page.goto(`${app.baseUrl}/candidatures/recues`);
    await person.page.getByText("Cette page est réservée aux comptes professionnels.").waitFor();
    await anonymous.page.goto(`${app.baseUrl}/mes-candidatures`);
    await anonymous.page.getByText("Connectez-vous pour accéder à cette page.").waitFor();
    for (const { errors } of [anonymous, employer]) assert.deepEqual(errors, []);
    // Her profile does not exist yet: the API's 404, which the page turns into the creation form.
    assert.deepEqual(person.errors.filter((e) => !/status of 404/.test(e)), []);
  });
});
