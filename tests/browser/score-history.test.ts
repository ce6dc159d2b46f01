// Browser test of the Score QPV history: an employer signs in, scores a file, saves the report to its
// organisation and sees it on the history chart and table, next to an earlier year; an administrator deletes
// a saved score; the history is filtered by label and a saved score opens on its own page, also once its
// original report is deleted; a signed-out visitor gets a hint to sign in. Accounts, the organisation and the
// earlier scores are set up through the JSON API; signing in, scoring, saving and the history go through the screens.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { after, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { hashPassword } from "../../src/accounts/passwords.ts";
import { insertUser } from "../../src/accounts/users.queries.ts";
import { deleteReport } from "../../src/score-qpv/score-qpv.queries.ts";
import { type RunningApp, startRealApp } from "../support/real-app.ts";
import { describeViolations, newPage, runAxe, screenshot, waitForTitle, withServerAndBrowser } from "./harness.ts";

const password = "un mot de passe solide";
const fixture = resolve(import.meta.dirname, "fixtures", "embauches.csv");
const text = (value: string) => value.replace(/[\s\u202f\u00a0]+/g, " ");

const assertAccessible = async (page: Page) => {
  const violations = await runAxe(page);
  assert.deepEqual(violations, [], describeViolations(violations));
};

/** A signed-in HTTP client of the running app (cookie + CSRF token). */
const apiClient = async (app: RunningApp, email: string, name: string) => {
  await insertUser(app.runtime.db, { email, name, kind: "professional", passwordHash: await hashPassword(password), emailVerifiedAt: new Date(), now: new Date() });
  let cookie = "";
  let csrf = "";
  const call = async (method: string, path: string, body?: unknown) => {
    const isForm = body instanceof FormData;
    const response = await fetch(`${app.baseUrl}${path}`, {
      method,
      headers: { origin: app.baseUrl, cookie, ...(csrf ? { "x-csrf-token": csrf } : {}), ...(body === undefined || isForm ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
    const setCookie = response.headers.get("set-cookie");
    if (setCookie) cookie = setCookie.split(";")[0];
    const answer = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${answer}`);
    return answer ? JSON.parse(answer) : null;
  };
  await call("POST", "/api/v1/auth/login", { email, password });
  const refresh = async () => { csrf = (await call("GET", "/api/v1/auth/session")).csrfToken; };
  await refresh();
  return { call, refresh };
};

/** Scores the fixture for a period through the API and returns the report id. */
const scoreThroughApi = async (client: Awaited<ReturnType<typeof apiClient>>, from: string, to: string): Promise<string> => {
  const form = new FormData();
  form.set("from", from);
  form.set("to", to);
  form.set("file", new Blob([readFileSync(fixture)], { type: "text/csv" }), "embauches.csv");
  const job = await client.call("POST", "/api/v1/score-qpv/jobs", form);
  for (let i = 0; i < 200; i++) {
    const current = await client.call("GET", `/api/v1/score-qpv/jobs/${job.id}`);
    if (current.status === "succeeded") return current.reportId;
    if (current.status === "failed") throw new Error(JSON.stringify(current.error));
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("score still running");
};

describe("Historique du Score QPV", () => {
  let app: RunningApp;
  let browser: Browser;
  withServerAndBrowser<RunningApp>((started, chromium) => {
    app = started;
    browser = chromium;
  }, startRealApp);

  it("an employer saves its Score QPV and sees it year after year on the history chart and table", async () => {
    const emma = await apiClient(app, "emma@jardins.example", "Emma Employeuse");
    const organisation = await emma.call("POST", "/api/v1/organisations", { kind: "ACI", name: "Jardins de Belleville", siret: "73282932000074" });
    await emma.refresh();
    // The previous year, saved earlier (only A012, hired in February 2023, is in 2023).
    const previous = await scoreThroughApi(emma, "2023-01-01", "2023-12-31");
    await emma.call("POST", `/api/v1/organisations/${organisation.id}/score-history`, { reportId: previous, label: "Paris" });

    // Signs in through the sign-in page, coming back to the Score QPV.
    const { page, errors } = await newPage(browser);
    await page.goto(`${app.baseUrl}/connexion?retour=%2Fscore-qpv`);
    await page.getByLabel("Adresse électronique").fill("emma@jardins.example");
    await page.getByLabel("Mot de passe", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Se connecter", exact: true }).click();
    await page.waitForURL(/\/score-qpv$/);
    await waitForTitle(page, "Score QPV — Tremplin");
    await page.getByRole("link", { name: "Historique du Score QPV de mon organisation" }).waitFor();

    // Scores the file for the calendar year 2024.
    await page.locator("#score-file").setInputFiles(fixture);
    await page.getByRole("button", { name: "Analyser le fichier" }).click();
    await page.getByRole("heading", { name: "Colonnes du fichier" }).waitFor();
    await page.getByLabel("Du", { exact: true }).fill("2024-01-01");
    await page.getByLabel("Au", { exact: true }).fill("2024-12-31");
    await page.getByRole("button", { name: "Calculer le Score QPV" }).click();
    await page.waitForURL(/\/score-qpv\/rapports\/[^/]+$/, { timeout: 20_000 });
    await page.getByTestId("qpv-share").waitFor();
    assert.equal(text(await page.getByTestId("qpv-share").innerText()), "27,3 %");
    const reportPath = new URL(page.url()).pathname;

    // Saves it with a label.
    await page.getByRole("heading", { name: "Suivre ce score dans le temps" }).waitFor();
    assert.match(await page.locator("main").innerText(), /Enregistrez ce rapport dans l'historique de « Jardins de Belleville »/);
    await page.getByLabel(/Libellé \(facultatif\)/).fill("Paris");
    await assertAccessible(page);
    await page.getByRole("button", { name: "Enregistrer dans mon organisation" }).click();
    await page.getByText("Score enregistré dans l'historique de « Jardins de Belleville ».").waitFor();
    await assertAccessible(page);

    // Sees it on the history, next to 2023.
    await page.getByRole("link", { name: "Voir l'historique du Score QPV" }).click();
    await waitForTitle(page, "Historique du Score QPV — Tremplin");
    const table = text(await page.getByTestId("history-table").innerText());
    assert.match(table, /2023 · Paris/);
    assert.match(table, /2024 · Paris 11 27,3 % [+−]\d+(,\d)? points? \+19,3 points/);
    assert.ok(table.indexOf("2023 · Paris") < table.indexOf("2024 · Paris"), "oldest period first");
    const chart = page.getByRole("img", { name: "Part des embauches en QPV et en zone rurale (ZRR/FRR) par période" });
    await chart.waitFor();
    const svg = text((await chart.textContent()) ?? "");
    assert.match(svg, /référence nationale de 8 %/);
    assert.match(text(await page.locator("figcaption").innerText()), /Référence nationale QPV : 8 %/);
    assert.match(svg, /27,3 %/);
    assert.match(svg, /2023 ?Paris/);
    assert.match(svg, /2024 ?Paris/);
    const saved = text(await page.getByTestId("saved-scores").innerText());
    assert.match(saved, /par Emma Employeuse/);
    assert.match(saved, /du 1er janvier 2024 au 31 décembre 2024/);
    assert.equal(await page.getByRole("link", { name: "Voir le rapport d'origine — 2024 · Paris" }).getAttribute("href"), reportPath);
    assert.match(await page.getByRole("link", { name: "Voir le score enregistré — 2024 · Paris" }).getAttribute("href") ?? "", /^\/score-qpv\/historique\/[0-9a-f-]{36}$/);
    assert.equal(await page.getByTestId("label-filter").count(), 0, "one label only: nothing to filter");
    await screenshot(page, "score-qpv-historique");
    await assertAccessible(page);

    // The header's user menu links to the history.
    await page.getByRole("button", { name: /Emma Employeuse/ }).first().click();
    assert.equal(await page.getByRole("link", { name: "Historique du Score QPV" }).first().getAttribute("href"), "/score-qpv/historique");
    await page.keyboard.press("Escape");

    // An administrator deletes the 2023 score, after confirming.
    await page.getByRole("button", { name: /Supprimer le score — 2023 · Paris/ }).click();
    await page.getByRole("button", { name: /Confirmer la suppression du score — 2023 · Paris/ }).click();
    await page.getByText("Score supprimé de l'historique.").waitFor();
    await page.waitForFunction(() => !document.querySelector("[data-testid=history-table]")?.textContent?.includes("2023"));
    assert.match(text(await page.getByTestId("history-table").innerText()), /2024 · Paris/);
    await assertAccessible(page);
    assert.deepEqual(errors, []);
  });

  it("filters the history by label and opens a saved score's copy, also once its original report is deleted", async () => {
    const ines = await apiClient(app, "ines@ressourcerie.example", "Inès Employeuse");
    const organisation = await ines.call("POST", "/api/v1/organisations", { kind: "EI", name: "Ressourcerie du Canal", siret: "13002526500013" });
    await ines.refresh();
    const history = `/api/v1/organisations/${organisation.id}/score-history`;
    const report2024 = await scoreThroughApi(ines, "2024-01-01", "2024-12-31");
    for (const [reportId, label] of [
      [await scoreThroughApi(ines, "2023-01-01", "2023-12-31"), "Paris"],
      [report2024, "Paris"],
      [await scoreThroughApi(ines, "2024-01-01", "2024-12-31"), "Lyon"],
      [await scoreThroughApi(ines, "2024-01-01", "2024-12-31"), undefined],
    ] as const) await ines.call("POST", history, { reportId, label });

    const { page, errors } = await newPage(browser);
    await page.goto(`${app.baseUrl}/connexion?retour=%2Fscore-qpv%2Fhistorique`);
    await page.getByLabel("Adresse électronique").fill("ines@ressourcerie.example");
    await page.getByLabel("Mot de passe", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Se connecter", exact: true }).click();
    await page.waitForURL(/\/score-qpv\/historique$/);
    await waitForTitle(page, "Historique du Score QPV — Tremplin");

    // "Tous", each label, and the scores without one.
    const filter = page.getByLabel(/^Libellé/);
    assert.deepEqual(await filter.locator("option").allInnerTexts(), ["Tous", "Lyon", "Paris", "Sans libellé"]);
    assert.match(text(await page.getByTestId("history-table").innerText()), /2023 · Paris.*2024 .*2024 · Lyon.*2024 · Paris/);
    await filter.focus();
    await filter.selectOption({ label: "Paris" });
    await page.waitForURL(/\/score-qpv\/historique\?libelle=Paris$/);
    await page.getByText("2 scores enregistrés sur 4 pour « Paris ».").waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), "SELECT", "the filter keeps focus (applied in place)");
    const table = text(await page.getByTestId("history-table").innerText());
    assert.match(table, /2023 · Paris.*2024 · Paris 11 27,3 %/);
    assert.doesNotMatch(table, /Lyon|2024 [0-9]/);
    const chart = text((await page.getByRole("img", { name: /Part des embauches en QPV/ }).textContent()) ?? "");
    assert.doesNotMatch(chart, /Lyon/);
    assert.equal(await page.getByTestId("saved-scores").locator("tbody tr").count(), 2);
    await screenshot(page, "score-qpv-historique-filtre");
    await assertAccessible(page);

    // The filter is in the address: a reload keeps it; the scores without a label have theirs.
    await page.goto(`${app.baseUrl}/score-qpv/historique?libelle=Lyon`);
    await page.getByText("1 score enregistré sur 4 pour « Lyon ».").waitFor();
    assert.equal(await filter.inputValue(), "/score-qpv/historique?libelle=Lyon");
    assert.equal(await page.getByTestId("saved-scores").locator("tbody tr").count(), 1);
    await filter.selectOption({ label: "Sans libellé" });
    await page.waitForURL(/\?libelle=$/);
    await page.getByText("1 score enregistré sur 4 sans libellé.").waitFor();
    await filter.selectOption({ label: "Tous" });
    await page.waitForURL(/\/score-qpv\/historique$/);
    assert.equal(await page.getByTestId("saved-scores").locator("tbody tr").count(), 4);
    // A label no score has (an old link) shows them all, and leaves the address.
    await page.goto(`${app.baseUrl}/score-qpv/historique?libelle=Marseille`);
    await page.waitForURL(/\/score-qpv\/historique$/);
    assert.equal(await page.getByTestId("saved-scores").locator("tbody tr").count(), 4);
    assert.equal(await filter.inputValue(), "/score-qpv/historique");

    // A saved score's page: the copy, with who saved it, when, the period, and the original report while it is kept.
    await filter.selectOption({ label: "Paris" });
    await page.getByRole("link", { name: "Voir le score enregistré — 2024 · Paris" }).click();
    await page.waitForURL(/\/score-qpv\/historique\/[0-9a-f-]{36}$/);
    const scorePath = new URL(page.url()).pathname;
    await waitForTitle(page, "Score QPV enregistré — 2024 · Paris — Tremplin");
    await page.getByRole("heading", { level: 1, name: "Score QPV enregistré — 2024 · Paris" }).waitFor();
    assert.equal(text(await page.getByTestId("qpv-share").innerText()), "27,3 %");
    const facts = text(await page.getByTestId("saved-facts").innerText());
    assert.match(facts, /Libellé Paris/);
    assert.match(facts, /Enregistré le \d{1,2}(er)? \p{L}+ \d{4} par Inès Employeuse/u);
    assert.match(facts, /Période du 1er janvier 2024 au 31 décembre 2024/);
    const copy = text(await page.getByTestId("saved-copy").innerText());
    assert.match(copy, /Copie enregistrée le/);
    assert.match(copy, /le rapport tel qu'il était quand il a été enregistré dans l'historique de « Ressourcerie du Canal » : cette copie ne change plus\./);
    assert.equal(await page.getByRole("link", { name: /voir le rapport d'origine/ }).getAttribute("href"), `/score-qpv/rapports/${report2024}`);
    for (const heading of ["Résultats", "Comparaison avec les références", "Lignes du fichier", "Répartitions", "Millésimes et sources"]) {
      assert.equal(await page.getByRole("heading", { level: 2, name: heading }).count(), 1, heading);
    }
    assert.match(text(await page.getByTestId("national-comparison").innerText()), /supérieure de 19,3 points à la référence nationale/);
    await screenshot(page, "score-qpv-score-enregistre");
    await assertAccessible(page);

    // The original report is deleted (as the reports' housekeeping does): the copy still opens.
    assert.equal(await deleteReport(app.runtime.db, report2024), true);
    await page.goto(`${app.baseUrl}/score-qpv/historique?libelle=Paris`);
    await page.getByTestId("saved-scores").waitFor();
    const saved = text(await page.getByTestId("saved-scores").innerText());
    assert.match(saved, /Voir le score Rapport d'origine non conservé/);
    assert.equal(await page.getByRole("link", { name: "Voir le rapport d'origine — 2024 · Paris" }).count(), 0);
    assert.equal(await page.getByRole("link", { name: "Voir le rapport d'origine — 2023 · Paris" }).count(), 1);
    await screenshot(page, "score-qpv-historique-sans-rapport");
    await page.getByRole("link", { name: "Voir le score enregistré — 2024 · Paris" }).click();
    await page.waitForURL((url) => url.pathname === scorePath);
    await page.getByTestId("qpv-share").waitFor();
    assert.equal(text(await page.getByTestId("qpv-share").innerText()), "27,3 %");
    assert.match(text(await page.getByTestId("saved-copy").innerText()), /Le rapport d'origine n'est plus conservé ; cette copie en garde tous les effectifs agrégés\./);
    assert.equal(await page.getByRole("link", { name: /voir le rapport d'origine/ }).count(), 0);
    await screenshot(page, "score-qpv-score-enregistre-sans-rapport");
    await assertAccessible(page);
    await page.getByRole("link", { name: "Retour à l'historique du Score QPV" }).click();
    await waitForTitle(page, "Historique du Score QPV — Tremplin");

    // Another organisation's score id is not found.
    await page.goto(`${app.baseUrl}/score-qpv/historique/00000000-0000-4000-8000-000000000000`);
    await page.getByRole("heading", { name: "Score enregistré introuvable" }).waitFor();
    assert.deepEqual(errors.filter((e) => !/404/.test(e)), []);
  });

  it("asks a signed-out visitor of a report to sign in to save it", async () => {
    const { page, errors } = await newPage(browser);
    const emma = await apiClient(app, "leo@boulangerie.example", "Léo");
    const reportId = await scoreThroughApi(emma, "2024-01-01", "2024-12-31");
    await page.goto(`${app.baseUrl}/score-qpv/rapports/${reportId}`);
    await page.getByText(/Connectez-vous avec un compte employeur pour enregistrer ce score/).waitFor();
    assert.equal(await page.getByRole("button", { name: "Enregistrer dans mon organisation" }).count(), 0);
    const signIn = await page.getByRole("main").getByRole("link", { name: "Se connecter" }).getAttribute("href");
    assert.equal(signIn, `/connexion?retour=${encodeURIComponent(`/score-qpv/rapports/${reportId}`)}`);
    await assertAccessible(page);

    await page.goto(`${app.baseUrl}/score-qpv/historique`);
    await page.waitForURL(/\/connexion\?retour=%2Fscore-qpv%2Fhistorique$/);
    assert.deepEqual(errors, []);
  });
});
