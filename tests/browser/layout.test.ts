// Browser test of the frame: French document, titles per route, real links with client navigation, axe on home.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { type RunningServer, describeViolations, launchBrowser, newPage, runAxe, screenshot, waitForTitle, withServerAndBrowser } from "./harness.ts";

describe("layout and home page", () => {
  let server: RunningServer;
  let browser: Browser;
  withServerAndBrowser<RunningServer>((started, chromium) => {
    server = started;
    browser = chromium;
  });

  it("is in French, titled per page, and navigates with real links without reloading", async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(`${server.baseUrl}/`);
    assert.equal(await page.getAttribute("html", "lang"), "fr");
    await page.getByRole("heading", { level: 1 }).waitFor();
    await waitForTitle(page, "Accueil — Tremplin");
    assert.match(await page.getByRole("heading", { level: 1 }).innerText(), /Tremplin/);

    const nav = page.getByRole("navigation", { name: /menu principal/i });
    const hrefs = await nav.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    assert.deepEqual(hrefs, ["/", "/verifier-une-adresse", "/score-qpv", "/offres", "/employeurs", "/api/docs"]);

    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    await nav.getByRole("link", { name: "Score QPV" }).click();
    await page.waitForURL(/\/score-qpv$/);
    await page.getByRole("heading", { level: 1, name: "Score QPV" }).waitFor();
    await waitForTitle(page, "Score QPV — Tremplin");
    assert.equal(await page.evaluate(() => (window as unknown as { marker?: number }).marker), 42, "navigation must not reload the page");
    assert.equal(await nav.getByRole("link", { name: "Score QPV" }).getAttribute("aria-current"), "page");
    // Focus moves to the new page's heading.
    await page.waitForFunction(() => document.activeElement?.tagName === "H1", undefined, { timeout: 5000 });

    await page.goBack();
    await page.getByRole("heading", { level: 1, name: /Tremplin, le recrutement inclusif/ }).waitFor();
    assert.deepEqual(errors, []);
  });

  it("has skip links to existing targets, and a not-found page", async () => {
    const { page } = await newPage(browser);
    await page.goto(`${server.baseUrl}/`);
    const anchors = await page.locator(".fr-skiplinks a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    assert.ok(anchors.length >= 2);
    for (const anchor of anchors) assert.equal(await page.locator(anchor!).count(), 1, `target of ${anchor}`);
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Contenu");

    await page.goto(`${server.baseUrl}/nulle-part`);
    await page.getByRole("heading", { level: 1, name: "Page introuvable" }).waitFor();
    await waitForTitle(page, "Page introuvable — Tremplin");
  });

  it("home page passes axe with no violation and does not load the map library", async () => {
    const { page } = await newPage(browser);
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await screenshot(page, "home");
    const violations = await runAxe(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    assert.deepEqual(requested.filter((url) => /LocateMap|OffersMap|OfflineMap|maplibre/i.test(url)), []);
  });

  it("refuses to run without chromium, with a clear message", async () => {
    const previous = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = "/nonexistent/chromium";
    try {
      await assert.rejects(launchBrowser(), /Chromium introuvable à \/nonexistent\/chromium/);
    } finally {
      if (previous === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = previous;
    }
  });
});
