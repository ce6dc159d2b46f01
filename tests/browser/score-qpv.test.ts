// Browser test of the Score QPV: upload, columns, mapping, progress, report page, downloads, axe.
import assert from "node:assert/strict";
import { resolve } from "node:path";
import { before, describe, it } from "node:test";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { type RunningServer, describeViolations, newPage, runAxe, screenshot, waitForTitle, withServerAndBrowser } from "./harness.ts";

const fixture = (name: string) => resolve(import.meta.dirname, "fixtures", name);
const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A workbook as HR software exports it: a notes sheet first, title rows above the headers, real date cells. */
const workbook = async () => {
  const book = new ExcelJS.Workbook();
  const notes = book.addWorksheet("Lisez-moi");
  notes.addRow(["Rubrique", "Description"]);
  notes.addRow(["Origine", "Export généré par le logiciel de paie"]);
  notes.addRow(["Contact", "Service des ressources humaines"]);
  const hires = book.addWorksheet("Embauches 2024");
  hires.addRow(["Embauches 2024 — société Exemple"]);
  hires.addRow([]);
  hires.addRow(["Matricule", "Adresse", "Date d'entrée", "Type de contrat"]);
  hires.addRow(["A001", "2 rue de Tanger 75019 Paris", new Date(Date.UTC(2024, 2, 15)), "CDI"]);
  hires.addRow(["A002", "20 avenue de Ségur 75007 Paris", new Date(Date.UTC(2024, 2, 18)), "CDD"]);
  hires.addRow(["A003", "12 rue du Maroc 75019 Paris", new Date(Date.UTC(2024, 3, 2)), "CDI"]);
  return Buffer.from(await book.xlsx.writeBuffer());
};

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
  withServerAndBrowser<RunningServer>((started, chromium) => {
    server = started;
    browser = chromium;
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

    // 12 rows finish within the first poll: the progress may not be seen at all, but what is seen must be well formed.
    const progress = await runToReport(page);
    assert.ok(progress.every((text) => /^\d[\d\s\u202f\u00a0]* lignes traitées( sur \d[\d\s\u202f\u00a0]*)?$|commencer/.test(text)), JSON.stringify(progress));

    // Expected values derived outside Tremplin (BAN points of the fixture, ray casting in the QPV 2024 file):
    // the period is the 12 months before the last hire (14/10/2024), so A012 (2023) is out and 11 hires remain;
    // 2 rue de Tanger, 12 rue du Maroc and 13 avenue de Flandre are in QN07513M "Stalingrad Riquet" → 3 / 11.
    // "4 rue Inconnue 75099 Paris" is located at the commune level only (Paris), hence counted and uncertain.
    // Uncertain: 4 points under 30 m from a perimeter (Tanger 16 m, Maroc 10 m, Flandre 20 m, Belleville 3 m),
    // the street-level "3 place de la République 75011" and the commune-level rue Inconnue → 6.
    await waitForTitle(page, "Rapport Score QPV — Tremplin");
    const share = (await page.getByTestId("qpv-share").innerText()).replace(/\s/g, " ");
    assert.equal(share, "27,3 %");
    const main = await page.locator("main").innerText();
    assert.match(main, /supérieure de 19,3 points à la référence nationale/);
    // Paris: 6 455 of the 158 048 BAN addresses are in a QPV 2024 (4,1 %): 27,3 − 4,1 = 23,2 points.
    assert.match(main, /supérieure de 23,2 points/);
    assert.match(main, /< 5/);
    assert.match(main, /Stalingrad Riquet/);
    assert.match(main, /QPV 2024/);
    assert.equal(await page.getByTestId("uncertain").innerText(), "6");
    // Hires before 1 July 2024 are measured against the ZRR, later ones against the FRR; each scheme named once.
    assert.match(main, /ZRR 2017-2018 \(COG 2021\) : 7 embauches mesurées/);
    assert.match(main, /FRR au 10 juillet 2025 : 4 embauches mesurées/);
    assert.match(main, /Géocodage : base d'adresses locale, sur ce serveur/);
    assert.doesNotMatch(main, /ZRR ZRR|FRR FRR|offline/);
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
    // 2 rue de Tanger and 12 rue du Maroc are in QN07513M, 20 avenue de Ségur is 1,5 km from any QPV: 2 / 3.
    assert.equal((await page.getByTestId("qpv-share").innerText()).replace(/\s/g, " "), "66,7 %");
  });

  it("shows the API's French message when the file is refused", async () => {
    const { page } = await newPage(browser);
    await page.goto(`${server.baseUrl}/score-qpv`);
    await page.locator("#score-file").setInputFiles({ name: "vide.csv", mimeType: "text/csv", buffer: Buffer.alloc(0) });
    await page.getByRole("button", { name: "Analyser le fichier" }).click();
    await page.getByText(/Le fichier est vide/).waitFor();
    await page.locator("#score-file").setInputFiles({ name: "embauches.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF") });
    await page.getByRole("button", { name: "Analyser le fichier" }).click();
    await page.getByText("Le fichier doit être au format CSV ou XLSX").waitFor();
  });

  it("offers the sheets of a workbook, inspects the chosen one, and scores real date cells", async () => {
    const { page } = await newPage(browser);
    await page.goto(`${server.baseUrl}/score-qpv`);
    await page.locator("#score-file").setInputFiles({ name: "embauches.xlsx", mimeType: XLSX_MIME, buffer: await workbook() });
    await page.getByRole("button", { name: "Analyser le fichier" }).click();
    const sheet = page.getByLabel("Feuille du classeur");
    await sheet.waitFor();
    // The server picks the sheet whose rows look like headers, below the two title rows.
    assert.equal(await sheet.inputValue(), "Embauches 2024");
    assert.match(await page.locator("main").innerText(), /Feuille « Embauches 2024 » retenue parmi 2/);
    assert.match(await page.locator("table").first().innerText(), /2 rue de Tanger 75019 Paris/);

    await sheet.selectOption("Lisez-moi");
    await page.waitForFunction(() => (document.getElementById("inspection-sheet") as HTMLSelectElement | null)?.value === "Lisez-moi");
    await page.getByText("Les en-têtes ne suffisent pas à reconnaître les colonnes").waitFor();
    await sheet.selectOption("Embauches 2024");
    await page.locator("table").first().getByText("2 rue de Tanger 75019 Paris").waitFor();
    await runToReport(page);
    // Same addresses as the headerless CSV (Tanger and Maroc in QN07513M, Ségur outside): 2 / 3.
    assert.equal((await page.getByTestId("qpv-share").innerText()).replace(/\s/g, " "), "66,7 %");
  });

  it("shows the API's message for an unknown report", async () => {
    const { page } = await newPage(browser);
    await page.goto(`${server.baseUrl}/score-qpv/rapports/inconnu`);
    await page.getByText("Rapport introuvable").waitFor();
  });
});
