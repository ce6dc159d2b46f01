// Browser test of the employer's "Mes offres" screens: an employer signs in, finds "Mes offres" in the header
// menu, sees an old offer flagged for refreshing and confirms it, publishes an offer through the form (ROME
// appellation picker, address geocoded offline, French errors on their fields), finds it in the public search,
// edits it and closes it. axe on every screen.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { hashPassword } from "../../src/accounts/passwords.ts";
import { insertUser } from "../../src/accounts/users.queries.ts";
import { type RunningApp, startRealApp } from "../support/real-app.ts";
import { describeViolations, newPage, runAxe, screenshot, waitForTitle, withServerAndBrowser } from "./harness.ts";

const password = "un mot de passe solide";

const assertAccessible = async (page: Page) => {
  const violations = await runAxe(page);
  assert.deepEqual(violations, [], describeViolations(violations));
};

/** The messages linked to a field through aria-describedby. */
const describedBy = async (page: Page, id: string) => {
  const ids = ((await page.locator(`[id="${id}"]`).getAttribute("aria-describedby")) ?? "").split(" ").filter(Boolean);
  return (await Promise.all(ids.map((i) => page.locator(`[id="${i}"]`).innerText().catch(() => "")))).join(" | ");
};

describe("Mes offres (employeur)", () => {
  let app: RunningApp;
  let browser: Browser;
  withServerAndBrowser<RunningApp>((started, chromium) => {
    app = started;
    browser = chromium;
  }, startRealApp);

  it("publishes, finds, edits and closes an offer; an old offer is flagged and confirmed", async () => {
    // The employer's account and organisation, and an offer not updated for 70 days (through the API and the database).
    const db = app.runtime.db;
    await insertUser(db, { email: "emma@boulangerie.example", name: "Emma Employeuse", kind: "professional", passwordHash: await hashPassword(password), emailVerifiedAt: new Date(), now: new Date() });
    let cookie = "";
    let csrf = "";
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${app.baseUrl}${path}`, {
        method,
        headers: { origin: app.baseUrl, cookie, ...(csrf ? { "x-csrf-token": csrf } : {}), ...(body === undefined ? {} : { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const setCookie = response.headers.get("set-cookie");
      if (setCookie) cookie = setCookie.split(";")[0]!;
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
      return text ? JSON.parse(text) : null;
    };
    await call("POST", "/api/v1/auth/login", { email: "emma@boulangerie.example", password });
    csrf = (await call("GET", "/api/v1/auth/session")).csrfToken;
    const employer = await call("POST", "/api/v1/organisations", { kind: "entreprise", name: "Boulangerie des Pyrénées", siret: "73282932000074" });
    csrf = (await call("GET", "/api/v1/auth/session")).csrfToken;
    const old = await call("POST", `/api/v1/organisations/${employer.id}/offers`, { appellationCode: "10868", title: "Vendeur en boulangerie", contractType: "FIXED_TERM", hoursPerWeek: 24, communeInsee: "75120" });
    await db.updateTable("offers").set({ updated_at: new Date(Date.now() - 70 * 24 * 3600 * 1000) }).where("id", "=", old.id).execute();

    const { page, errors } = await newPage(browser);
    await page.context().addCookies([{ name: "tremplin_session", value: cookie.split("=").slice(1).join("="), url: app.baseUrl }]);

    // "Mes offres" from the header's user menu.
    await page.goto(`${app.baseUrl}/`);
    await page.getByRole("button", { name: /Emma Employeuse/ }).first().click();
    await page.getByRole("link", { name: "Mes offres" }).first().click();
    await waitForTitle(page, "Mes offres — Tremplin");
    await page.getByRole("heading", { name: "1 offre à mettre à jour" }).waitFor();
    const oldCard = page.getByTestId("my-offer").filter({ hasText: "Vendeur en boulangerie" });
    assert.match(await oldCard.innerText(), /À mettre à jour[\s\S]*fermée automatiquement le .* \(dans 20 jours\)/i);
    await assertAccessible(page);

    // Confirm it is still up to date.
    await page.getByRole("button", { name: "Confirmer qu'elle est à jour (offre « Vendeur en boulangerie »)" }).click();
    await page.getByText("L'offre « Vendeur en boulangerie » est confirmée").waitFor();
    assert.equal(await page.getByRole("heading", { name: /à mettre à jour/ }).count(), 0);
    assert.doesNotMatch(await oldCard.innerText(), /À mettre à jour/i);

    // Publish a new offer: empty form first, then the appellation picker, a place that cannot be found, then a good one.
    await page.getByRole("link", { name: "Publier une offre" }).click();
    await waitForTitle(page, "Publier une offre — Tremplin");
    await page.getByRole("button", { name: "Publier l'offre" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "Le formulaire contient" });
    await summary.waitFor();
    assert.match(await summary.innerText(), /Choisissez le métier[\s\S]*Indiquez l'intitulé du poste[\s\S]*Choisissez le type de contrat[\s\S]*Indiquez la commune du lieu de travail/);
    assert.match(await describedBy(page, "offer-title"), /Indiquez l'intitulé du poste/);
    await assertAccessible(page);

    await page.getByRole("searchbox", { name: /Métier \(appellation ROME 4.0\)/ }).fill("boulanger");
    await page.getByRole("button", { name: "Choisir « Boulanger / Boulangère »" }).click();
    const title = page.getByRole("textbox", { name: /Intitulé du poste/ });
    assert.equal(await title.inputValue(), "Boulanger / Boulangère", "the title follows the chosen job");
    await title.fill("Boulanger de nuit");
    await page.getByLabel("Description").fill("Fabrication du pain et des viennoiseries, de 3 h à 10 h. Formation assurée.");
    const contract = page.getByRole("combobox", { name: /Type de contrat/ });
    assert.deepEqual((await contract.locator("option:not([disabled])").allInnerTexts()), ["CDI", "CDD", "Contrat de mission intérimaire", "Contrat d'apprentissage", "Contrat de professionnalisation", "Stage", "Autre type de contrat"]);
    await contract.selectOption({ label: "CDI" });
    await page.getByRole("textbox", { name: /Nombre de postes/ }).fill("2");
    await page.getByRole("radio", { name: "Une adresse précise" }).check({ force: true });
    await page.getByRole("textbox", { name: /Adresse/ }).fill("1 rue de la République 13001 Marseille");
    await page.getByRole("checkbox", { name: "Recrutement sans CV" }).check({ force: true });
    await page.getByRole("checkbox", { name: "Ouvert aux débutants" }).check({ force: true });
    await page.getByRole("button", { name: "Publier l'offre" }).click();
    await page.getByRole("alert").filter({ hasText: "Adresse non localisée" }).waitFor();
    assert.match(await describedBy(page, "offer-address"), /Adresse non localisée : commune dont les adresses ne sont pas importées/);
    await page.getByRole("textbox", { name: /Adresse/ }).fill("10 rue des Pyrénées 75020 Paris");
    await screenshot(page, "mes-offres-formulaire");
    await page.getByRole("button", { name: "Publier l'offre" }).click();

    // Back in "Mes offres" with a notice.
    await waitForTitle(page, "Mes offres — Tremplin");
    await page.getByText("L'offre « Boulanger de nuit » est publiée.").waitFor();
    const card = page.getByTestId("my-offer").filter({ hasText: "Boulanger de nuit" });
    assert.match(await card.innerText(), /CDI · 35 h par semaine · 2 postes · 10 Rue des Pyrénées 75020 Paris[\s\S]*Ouverte[\s\S]*Sans CV/i);
    await page.getByRole("heading", { name: "Offres ouvertes (2)" }).waitFor();
    await screenshot(page, "mes-offres-liste");
    await assertAccessible(page);

    // On the public search.
    await page.goto(`${app.baseUrl}/offres?q=boulanger`);
    await page.getByRole("link", { name: "Boulanger de nuit" }).waitFor();
    assert.match(await page.getByTestId("offer-result").filter({ hasText: "Boulanger de nuit" }).innerText(), /Boulangerie des Pyrénées \(Entreprise\) — Paris 20e Arrondissement/);

    // Edit it: title and place (a commune now, found by its postcode in the commune picker).
    await page.goto(`${app.baseUrl}/mes-offres`);
    await page.getByRole("link", { name: "Modifier l'offre « Boulanger de nuit »" }).click();
    await waitForTitle(page, "Modifier l'offre « Boulanger de nuit » — Tremplin");
    assert.equal(await page.getByRole("textbox", { name: /Adresse/ }).inputValue(), "10 Rue des Pyrénées 75020 Paris");
    assert.equal(await page.getByRole("checkbox", { name: "Recrutement sans CV" }).isChecked(), true);
    await assertAccessible(page);
    await page.getByRole("textbox", { name: /Intitulé du poste/ }).fill("Boulanger ou boulangère de nuit");
    await page.getByRole("radio", { name: "Une commune" }).check({ force: true });
    await page.getByRole("searchbox", { name: /Commune/ }).fill("75011");
    await page.getByRole("button", { name: "Choisir « Paris 11e Arrondissement (75011) »" }).click();
    await page.getByRole("button", { name: "Retirer « Paris 11e Arrondissement (75011) »" }).waitFor();
    await assertAccessible(page);
    await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
    await page.getByText("L'offre « Boulanger ou boulangère de nuit » est enregistrée.").waitFor();
    const edited = page.getByTestId("my-offer").filter({ hasText: "Boulanger ou boulangère de nuit" });
    assert.match(await edited.innerText(), /Paris 11e Arrondissement/);

    // Close it with a reason: it moves to the closed offers and leaves the public search.
    await page.getByRole("button", { name: "Fermer l'offre « Boulanger ou boulangère de nuit »" }).click();
    await page.getByRole("combobox", { name: "Motif de fermeture" }).selectOption({ label: "Poste pourvu" });
    await assertAccessible(page);
    await page.getByRole("button", { name: "Fermer l'offre", exact: true }).click();
    await page.getByText("L'offre « Boulanger ou boulangère de nuit » est fermée.").waitFor();
    await page.getByRole("heading", { name: "Offres fermées (1)" }).waitFor();
    assert.match(await page.locator("section", { has: page.getByRole("heading", { name: "Offres fermées (1)" }) }).innerText(), /Boulanger ou boulangère de nuit[\s\S]*Fermée/i);
    await page.getByRole("button", { name: "Rouvrir l'offre « Boulanger ou boulangère de nuit »" }).waitFor();
    await screenshot(page, "mes-offres-fermee");
    await assertAccessible(page);
    // Its edit page keeps the history of openings and closings, with who and why.
    await page.getByRole("link", { name: "Modifier l'offre « Boulanger ou boulangère de nuit »" }).click();
    const history = page.locator("section", { has: page.getByRole("heading", { name: "Historique de l'offre" }) });
    await history.getByText(/Poste pourvu/).waitFor();
    assert.match(await history.innerText(), /Offre publiée par [^\n]+\n[\s\S]*Poste pourvu par /);
    await assertAccessible(page);
    await page.goto(`${app.baseUrl}/mes-offres`);
    const search = await (await fetch(`${app.baseUrl}/api/v1/offers?q=boulanger`)).json();
    assert.deepEqual(search.results.map((o: { title: string }) => o.title), ["Vendeur en boulangerie"], "the closed offer is no longer public");
    // The refusal above (address not found) is a 400 answer the browser logs; nothing else.
    assert.deepEqual(errors.filter((e) => !/status of 400/.test(e)), []);
    assert.equal(errors.length, 1);
  });
});
