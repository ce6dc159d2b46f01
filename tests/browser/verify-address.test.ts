// Browser test of "Vérifier une adresse": result text, uncertainty, field errors, offline map, axe.
import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { type RunningServer, describeViolations, newPage, runAxe, screenshot, waitForTitle, withServerAndBrowser } from "./harness.ts";

const check = async (page: Page, address: string) => {
  await page.getByRole("textbox", { name: /^Adresse/ }).fill(address);
  await page.getByRole("button", { name: "Vérifier" }).click();
};

describe("Vérifier une adresse", () => {
  let server: RunningServer;
  let browser: Browser;
  withServerAndBrowser<RunningServer>((started, chromium) => {
    server = started;
    browser = chromium;
  });

  it("shows the QPV of an address, its precision, and draws the map without any network request outside the app", async () => {
    const { page, errors } = await newPage(browser);
    const outside: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(server.baseUrl) && !request.url().startsWith("blob:") && !request.url().startsWith("data:")) outside.push(request.url());
    });
    await page.goto(`${server.baseUrl}/verifier-une-adresse`);
    await waitForTitle(page, "Vérifier une adresse — Tremplin");
    await check(page, "2 rue de Tanger 75019 Paris");

    const qpv = page.getByTestId("locate-qpv");
    await qpv.waitFor();
    assert.match(await qpv.innerText(), /Stalingrad Riquet \(QN07513M\), périmètres 2024/);
    assert.match(await page.getByTestId("locate-label").innerText(), /2 Rue de Tanger 75019 Paris/);
    // The BAN point of 2 rue de Tanger (2.367096, 48.884467) is inside QN07513M, 16 m from its edge (computed
    // outside Tremplin from the QPV 2024 file): under the 30 m margin, so the answer is rightly uncertain.
    const result = await page.locator(".tremplin-result").innerText();
    assert.match(result, /Localisée au niveau\s+numéro/);
    assert.match(result, /48,88447, 2,36710/);
    assert.match(result, /75119/);
    assert.match(result, /Distance à la limite de périmètre QPV la plus proche\s+16 m/);
    assert.match(result, /Commune non classée/);
    assert.match(result, /Résultat incertain/i);
    assert.match(result, /quelques dizaines de mètres d'un périmètre QPV/);
    assert.doesNotMatch(result, /score inférieur|voie ou à la commune/);
    // Focus moves to the result heading (after React has rendered it: wait for it, don't race it).
    await page.waitForFunction(() => document.activeElement?.textContent === "Résultat", undefined, { timeout: 5000 });

    await page.getByText(/Contour de la commune Paris 19e Arrondissement \(contour approximatif\)/).waitFor();
    const map = page.getByTestId("locate-map");
    await map.locator("canvas").waitFor();
    await page.waitForFunction(() => !!document.querySelector(".maplibregl-canvas"));
    await page.waitForTimeout(500);
    await screenshot(page, "verifier-une-adresse");
    assert.deepEqual(outside, [], "the map must not fetch tiles, glyphs or sprites");
    assert.deepEqual(errors, []);

    const violations = await runAxe(page);
    assert.equal(violations.length, 0, describeViolations(violations));
  });

  it("says when the answer is uncertain, with the reasons", async () => {
    const { page } = await newPage(browser);
    await page.goto(`${server.baseUrl}/verifier-une-adresse`);
    await check(page, "Rue de Tanger 75019 Paris");
    const alert = page.locator(".fr-alert--warning");
    await alert.waitFor();
    const text = await alert.innerText();
    assert.match(text, /Ce résultat pourrait changer/);
    assert.match(text, /score inférieur à 0,8/);
    assert.match(text, /voie ou à la commune/);
    assert.match(await page.locator(".tremplin-result").innerText(), /Localisée au niveau\s+voie/);
    await screenshot(page, "verifier-une-adresse-incertain");
  });

  it("links a field error to its field and reports an address that cannot be found", async () => {
    const { page } = await newPage(browser);
    await page.goto(`${server.baseUrl}/verifier-une-adresse`);
    await check(page, "ab");
    const input = page.locator("#locate-address");
    const describedBy = (await input.getAttribute("aria-describedby")) ?? "";
    const messages = await Promise.all(describedBy.split(/\s+/).filter(Boolean).map((id) => page.locator(`#${id}`).innerText().catch(() => "")));
    assert.ok(messages.some((m) => /au moins 3 caractères/.test(m)), `aria-describedby=${describedBy}`);
    await page.waitForFunction(() => document.activeElement?.id === "locate-address", undefined, { timeout: 5000 });

    // Only the Paris BAN is shipped: a Marseille address cannot be located, and the page says why.
    await check(page, "1 rue de la Paix 13001 Marseille");
    await page.getByText("Adresse non localisée").waitFor();
    assert.match(await page.locator("main").innerText(), /Commune dont les adresses ne sont pas importées/);
    assert.equal(await page.getByTestId("locate-map").count(), 0, "no map without a point");

    // An unknown street of a known city is located at the commune only, and said to be uncertain.
    await check(page, "4 rue Inconnue 75099 Paris");
    await page.getByTestId("locate-qpv").waitFor();
    const result = await page.locator(".tremplin-result").innerText();
    assert.match(result, /Localisée au niveau\s+commune/);
    assert.match(result, /Résultat incertain/i);
    await screenshot(page, "verifier-une-adresse-erreurs");
  });

  it("can be used with the keyboard only", async () => {
    const { page } = await newPage(browser);
    await page.goto(`${server.baseUrl}/verifier-une-adresse`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.locator("#locate-address").focus();
    await page.keyboard.type("20 avenue de Ségur 75007 Paris");
    await page.keyboard.press("Enter");
    await page.getByTestId("locate-qpv").waitFor();
    assert.match(await page.getByTestId("locate-qpv").innerText(), /Hors QPV/);
    // 20 avenue de Ségur is 1,5 km from the nearest QPV 2024 perimeter: a certain answer.
    assert.doesNotMatch(await page.locator(".tremplin-result").innerText(), /incertain/i);
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.tagName ?? "");
    assert.notEqual(focused, "BODY", "focus stays in the page after the result");
  });

  it("checks coordinates with a decimal comma", async () => {
    const { page } = await newPage(browser);
    await page.goto(`${server.baseUrl}/verifier-une-adresse`);
    await page.locator("label", { hasText: "Des coordonnées (latitude et longitude)" }).click();
    await page.getByRole("textbox", { name: /^Latitude/ }).fill("48,850699");
    await page.getByRole("textbox", { name: /^Longitude/ }).fill("2,308628");
    await page.getByRole("button", { name: "Vérifier" }).click();
    await page.getByTestId("locate-qpv").waitFor();
    assert.match(await page.getByTestId("locate-qpv").innerText(), /Hors QPV \(périmètres 2024\)/);
    assert.match(await page.getByTestId("locate-label").innerText(), /Point 48,85070, 2,30863/);
  });

  it("checks the coordinates of a point inside a QPV and draws it on the map", async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(`${server.baseUrl}/verifier-une-adresse`);
    await page.locator("label", { hasText: "Des coordonnées (latitude et longitude)" }).click();
    // The BAN point of 2 rue de Tanger, 75019.
    await page.getByRole("textbox", { name: /^Latitude/ }).fill("48,884467");
    await page.getByRole("textbox", { name: /^Longitude/ }).fill("2,367096");
    await page.getByRole("button", { name: "Vérifier" }).click();
    await page.getByTestId("locate-qpv").waitFor();
    assert.match(await page.getByTestId("locate-qpv").innerText(), /Stalingrad Riquet \(QN07513M\), périmètres 2024/);
    assert.match(await page.locator(".tremplin-result").innerText(), /16 m/);
    await page.getByTestId("locate-map").locator("canvas").waitFor();
    await page.getByText(/Périmètre QPV contenant le point : Stalingrad Riquet/).waitFor();
    await screenshot(page, "verifier-des-coordonnees");
    const violations = await runAxe(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    assert.deepEqual(errors, []);
  });
});
