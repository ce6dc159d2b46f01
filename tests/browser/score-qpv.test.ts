// Browser test of the Score QPV: upload, columns, mapping, progress, report page, downloads, axe.
import assert from "node:assert/strict";
import { resolve } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { type RunningServer, describeViolations, launchBrowser, newPage, runAxe, screenshot, startServer, waitForTitle } from "./harness.ts";

const fixture = (name: string) => resolve(import.meta.dirname, "fixtures", name);

const assertNoViolation = async (page: Page) => {
  const violations = await runAxe(page);
  assert.equal(violations.length, 0, describeViolations(violations));
};

const upload = async (page: Page, baseUrl: string, file: string) => {
  await page.goto(`${baseUrl}/score-qpv`);
  await page.locator("#score-file").setInputFiles(fixture(file));
  await page.getByRole("button", { name: "Analyser le fichier" }).click();
  await page.getByRole("heading", { name: "Colonnes du fichier" }).waitFor();
};

/** Starts the computation and waits for the report page; returns the progress texts seen on the way. */
const runToReport = async (page: Page) => {
  const seen = new Set<string>();
  const watcher = setInterval(() => {
    page.getByTestId("progress-text").innerText({ timeout: 50 }).then((text) => seen.add(text), () => {});
  }, 100);
  await page.getByRole("button", { name: "Calculer le Score QPV" }).click();
  await page.waitForURL(/\/score-qpv\/rapports\/[^/]+$/, { timeout: 20_000 });
  clearInterval(watcher);
  await page.getByTestId("qpv-share").waitFor();
  return [...seen];
};

describe("Score QPV", () => {
  let server: RunningServer;
  let browser: Browser;
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it("scores an HR export with recognised headers and shows the QPV share on the report page", async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(`${server.baseUrl}/score-qpv`);
    await waitForTitle(page, "Score QPV — Tremplin");
    assert.match(await page.locator("main").innerText(), /aucune adresse ni ligne n'est conservée, seul le rapport agrégé l'est/);
    await screenshot(page, "score-qpv-depot");
    await assertNoViolation(page);

    await upload(page, server.baseUrl, "embauches.csv");
    const columns = await page.locator("table").first().innerText();
    assert.match(columns, /Adresse/);
    assert.match(columns, /2 rue de Tanger 75019 Paris/);
    assert.match(columns, /Adresse complète/);
    assert.match(columns, /Date d'embauche/);
    await screenshot(page, "score-qpv-colonnes");
    await assertNoViolation(page);

    const progress = await runToReport(page);
    assert.ok(progress.length > 0 && progress.every((text) => /lignes traitées sur|commencer/.test(text)), JSON.stringify(progress));

    await waitForTitle(page, "Rapport Score QPV — Tremplin");
    const share = (await page.getByTestId("qpv-share").innerText()).replace(/\s/g, " ");
    assert.equal(share, "30,0 %");
    const main = await page.locator("main").innerText();
    assert.match(main, /supérieure de 22 points à la référence nationale/);
    assert.match(main, /< 5/);
    assert.match(main, /Adresse introuvable dans la base d'adresses/);
    assert.match(main, /QPV 2024/);
    assert.equal(await page.getByTestId("uncertain").innerText(), "1");
    await screenshot(page, "score-qpv-rapport");
    await assertNoViolation(page);

    for (const format of ["PDF", "CSV", "Markdown"]) {
      const href = await page.getByRole("link", { name: `Télécharger le ${format}` }).getAttribute("href");
      const response = await page.request.get(`${server.baseUrl}${href}`);
      assert.equal(response.status(), 200, `${format} → ${href}`);
    }
    assert.deepEqual(errors, []);
  });

  it("asks for the column mapping when headers are unclear, with errors linked to the fields", async () => {
    const { page } = await newPage(browser);
    await upload(page, server.baseUrl, "sans-entetes.csv");
    await page.getByText("Les en-têtes ne suffisent pas à reconnaître les colonnes").waitFor();
    await page.getByRole("button", { name: "Calculer le Score QPV" }).click();

    const address = page.getByLabel("Adresse complète", { exact: true });
    await page.waitForFunction(() => document.activeElement?.id === "mapping-address");
    const describedBy = (await address.getAttribute("aria-describedby")) ?? "";
    const messages = await Promise.all(describedBy.split(/\s+/).filter(Boolean).map((id) => page.locator(`#${id}`).innerText().catch(() => "")));
    assert.ok(messages.some((m) => /Choisissez la colonne de l'adresse complète/.test(m)), describedBy);
    await screenshot(page, "score-qpv-correspondance");
    await assertNoViolation(page);

    await address.selectOption({ label: "1. Col1 (ex. : 2 rue de Tanger 75019 Paris)" });
    await page.getByLabel("Date d'embauche", { exact: true }).selectOption("1");
    await page.getByLabel("Du", { exact: true }).fill("2024-01-01");
    await page.getByLabel("Au", { exact: true }).fill("2023-01-01");
    await page.getByRole("button", { name: "Calculer le Score QPV" }).click();
    await page.getByText("La date de fin doit être postérieure à la date de début.").waitFor();
    await page.getByLabel("Au", { exact: true }).fill("2024-12-31");
    await runToReport(page);
    assert.match(await page.getByTestId("qpv-share").innerText(), /%/);
  });

  it("shows the API's French message when the file is refused", async () => {
    const { page } = await newPage(browser);
    await page.goto(`${server.baseUrl}/score-qpv`);
    await page.locator("#score-file").setInputFiles({ name: "vide.csv", mimeType: "text/csv", buffer: Buffer.alloc(0) });
    await page.getByRole("button", { name: "Analyser le fichier" }).click();
    await page.getByText("Le fichier est vide.").waitFor();
    await page.locator("#score-file").setInputFiles({ name: "embauches.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF") });
    await page.getByRole("button", { name: "Analyser le fichier" }).click();
    await page.getByText("Le fichier doit être au format CSV ou XLSX").waitFor();
  });

  it("offers the sheets of a workbook and inspects the chosen one", async () => {
    const { page } = await newPage(browser);
    await page.goto(`${server.baseUrl}/score-qpv`);
    // The fake API answers any .xlsx with a two-sheet inspection; the real server reads the workbook.
    await page.locator("#score-file").setInputFiles({ name: "embauches.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from("PK fake") });
    await page.getByRole("button", { name: "Analyser le fichier" }).click();
    const sheet = page.getByLabel("Feuille du classeur");
    await sheet.waitFor();
    assert.equal(await sheet.inputValue(), "Embauches");
    await sheet.selectOption("Lisez-moi");
    await page.waitForFunction(() => (document.getElementById("inspection-sheet") as HTMLSelectElement | null)?.value === "Lisez-moi");
    assert.match(await page.locator("main").innerText(), /2 lignes de titre ignorées/);
  });

  it("shows the API's message for an unknown report", async () => {
    const { page } = await newPage(browser);
    await page.goto(`${server.baseUrl}/score-qpv/rapports/inconnu`);
    await page.getByText("Rapport introuvable").waitFor();
  });
});
