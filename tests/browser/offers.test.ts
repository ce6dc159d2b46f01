// Browser test of the public offer search: list and offline map, filters through the URL, offer page, employer directory, axe.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { offerSearchText } from "../../src/offers/offers.domain.ts";
import { startRealApp } from "../support/real-app.ts";
import { type RunningServer, describeViolations, newPage, runAxe, screenshot, waitForTitle, withServerAndBrowser } from "./harness.ts";

/** The real app with two employers and three offers in Paris (ROME codes and labels of the shipped v460 reference). */
const startWithOffers = async (): Promise<RunningServer> => {
  const app = await startRealApp();
  const db = app.runtime.db;
  const [bakery, garden] = await db
    .insertInto("organisations")
    .values([
      { family: "employer", kind: "entreprise", name: "Boulangerie des Pyrénées", siret: "73282932000074" },
      { family: "employer", kind: "ACI", name: "Jardins de Belleville", siret: "13002526500013" },
    ])
    .returning("id")
    .execute();
  const offer = (organisationId: string, appellationCode: string, title: string, appellationLabel: string, romeLabel: string, communeInsee: string, lat: number, lon: number, contractType: string) => ({
    organisation_id: organisationId,
    appellation_code: appellationCode,
    title,
    description: "Poste en équipe, formation assurée.",
    contract_type: contractType,
    hours_per_week: 35,
    positions: 1,
    commune_insee: communeInsee,
    lat,
    lon,
    without_cv: true,
    search_norm: offerSearchText({ title, appellationLabel, romeLabel }),
  });
  await db
    .insertInto("offers")
    .values([
      offer(bakery.id, "11573", "Boulanger de nuit", "Boulanger / Boulangère", "Boulanger / Boulangère", "75120", 48.8709, 2.3925, "PERMANENT"),
      offer(bakery.id, "10868", "Aide-boulanger en alternance", "Aide-boulanger / Aide-boulangère", "Boulanger / Boulangère", "75120", 48.8646, 2.3984, "APPRENTICESHIP"),
      offer(garden.id, "10675", "Agent d'entretien des jardins partagés", "Agent / Agente d'entretien des parcs et jardins", "Agent / Agente d'entretien des espaces verts", "75111", 48.8592, 2.3801, "FIXED_TERM_I"),
    ])
    .execute();
  return app;
};

describe("Offres d'emploi (public search)", () => {
  let server: RunningServer;
  let browser: Browser;
  withServerAndBrowser<RunningServer>((started, chromium) => {
    server = started;
    browser = chromium;
  }, startWithOffers);

  it("searches by keywords around an address, lists the offers and draws them on an offline map", async () => {
    const { page, errors } = await newPage(browser);
    const outside: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(server.baseUrl) && !request.url().startsWith("blob:") && !request.url().startsWith("data:")) outside.push(request.url());
    });
    await page.goto(`${server.baseUrl}/offres`);
    await waitForTitle(page, "Offres d'emploi — Tremplin");
    await page.getByTestId("offers-count").getByText("3 offres").waitFor();

    await page.getByRole("searchbox", { name: /Métier ou mots-clés/ }).fill("boulang");
    await page.getByRole("textbox", { name: /Commune ou adresse/ }).fill("10 rue des Pyrénées 75020 Paris");
    await page.getByRole("combobox", { name: "Rayon" }).selectOption("5");
    await page.getByRole("button", { name: "Rechercher" }).click();
    await page.waitForFunction(() => /rayon/.test(document.querySelector("[data-testid=offers-count]")?.textContent ?? ""), undefined, { timeout: 20000 }).catch(() => {});
    assert.match(await page.getByTestId("offers-count").innerText(), /^2 offres dans un rayon de 5 km autour de « 10 rue des Pyrénées 75020 Paris »$/);
    assert.match(page.url(), /\/offres\?q=boulang&lieu=10\+rue\+des\+Pyr%C3%A9n%C3%A9es\+75020\+Paris&rayon=5$/);
    const titles = await page.getByTestId("offer-result").locator("h3").allInnerTexts();
    assert.deepEqual(titles.sort(), ["Aide-boulanger en alternance", "Boulanger de nuit"]);
    assert.match(await page.getByTestId("offer-result").first().innerText(), /Boulangerie des Pyrénées \(Entreprise\) — Paris 20e Arrondissement, à/);

    const map = page.getByTestId("offers-map");
    await map.locator("canvas").waitFor();
    await page.waitForTimeout(500);
    await screenshot(page, "offres-recherche");
    assert.deepEqual(outside, [], "the map must not fetch tiles, glyphs or sprites");
    assert.deepEqual(errors, []);
    const violations = await runAxe(page);
    assert.equal(violations.length, 0, describeViolations(violations));

    await page.getByRole("combobox", { name: "Type de contrat" }).selectOption("APPRENTICESHIP");
    await page.getByRole("button", { name: "Rechercher" }).click();
    await page.getByTestId("offers-count").getByText(/1 offre dans un rayon/).waitFor();

    await page.getByRole("link", { name: "Aide-boulanger en alternance" }).click();
    await waitForTitle(page, "Aide-boulanger en alternance — Tremplin");
    const article = await page.locator("main article").innerText();
    assert.match(article, /Contrat d'apprentissage/);
    assert.match(article, /Aide-boulanger \/ Aide-boulangère \(D1102/);
    assert.match(article, /Sans CV/i);
    const offerViolations = await runAxe(page);
    assert.equal(offerViolations.length, 0, describeViolations(offerViolations));
  });

  it("says when the place cannot be found, on its field", async () => {
    const { page } = await newPage(browser);
    await page.goto(`${server.baseUrl}/offres?lieu=${encodeURIComponent("1 rue de la République 13001 Marseille")}&rayon=10`);
    await page.getByText(/Lieu non trouvé/).waitFor();
    const field = page.getByRole("textbox", { name: /Commune ou adresse/ });
    const describedBy = (await field.getAttribute("aria-describedby")) ?? "";
    const messages = await Promise.all(describedBy.split(" ").filter(Boolean).map((id) => page.locator(`[id="${id}"]`).innerText().catch(() => "")));
    assert.ok(messages.some((m) => /Lieu non trouvé : commune dont les adresses ne sont pas importées/.test(m)), JSON.stringify(messages));
  });

  it("lists the employers with open offers and links to their offers", async () => {
    const { page } = await newPage(browser);
    await page.goto(`${server.baseUrl}/employeurs`);
    await waitForTitle(page, "Annuaire des employeurs — Tremplin");
    await page.getByText("2 employeurs").waitFor();
    await page.getByRole("link", { name: "Voir les offres de Jardins de Belleville" }).click();
    await page.getByTestId("offers-count").getByText(/1 offre chez un employeur précis/).waitFor();
    const violations = await runAxe(page);
    assert.equal(violations.length, 0, describeViolations(violations));
  });
});
