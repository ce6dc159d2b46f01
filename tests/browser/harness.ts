// Shared helpers of the browser tests: server to test against, Debian chromium, axe-core, screenshots.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { after, before } from "node:test";
import { type Browser, type Page, chromium } from "playwright-core";
import { startRealApp } from "../support/real-app.ts";

/** `mailDir` is where the real app writes its mails (absent for an external server). */
export type RunningServer = { baseUrl: string; mailDir?: string; close: () => Promise<void> };
export type ServerStarter = () => Promise<RunningServer>;

/**
 * The server the browser tests run against. By default the whole real application (built web from dist/web,
 * real routes, a private copy of the seeded reference database) on a free port; set TREMPLIN_TEST_BASE_URL to
 * use a server that is already running.
 */
export const startServer = async (start: ServerStarter = startRealApp): Promise<RunningServer> => {
  const external = process.env.TREMPLIN_TEST_BASE_URL;
  if (external) return { baseUrl: external.replace(/\/$/, ""), close: async () => {} };
  // The real app silently serves no page without a built web: fail loudly instead of timing out on every page.
  if (!existsSync(resolve(import.meta.dirname, "../../dist/web/index.html"))) {
    throw new Error("dist/web/index.html est absent : construisez d'abord l'interface (npm run build:web).");
  }
  return start();
};

const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  // Software WebGL for maplibre when there is no GPU (recent Chromium needs this flag to allow SwiftShader).
  "--enable-unsafe-swiftshader",
];

/** Launches the system chromium; fails loudly when it is missing rather than skipping the tests. */
export const launchBrowser = async (): Promise<Browser> => {
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium introuvable à ${executablePath}. Installez-le (apt-get install chromium) ou indiquez son chemin dans CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({ executablePath, args: chromiumArgs });
};

/**
 * The before/after hooks of a browser suite: starts the server (the real app by default) and chromium before
 * its tests, hands them to `use`, and closes both after. Call it inside the suite's `describe`.
 */
export const withServerAndBrowser = <S extends RunningServer>(use: (server: S, browser: Browser) => void, start?: () => Promise<S>) => {
  let server: S | undefined;
  let browser: Browser | undefined;
  before(async () => {
    server = (await startServer(start)) as S;
    browser = await launchBrowser();
    use(server, browser);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
};

/** A French page with console errors collected, so a test can assert there were none. */
export const newPage = async (browser: Browser) => {
  const context = await browser.newContext({ locale: "fr-FR", viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  return { page, errors };
};

type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] };

/** Runs axe-core (WCAG 2.x A/AA rules and best practices) on the current page and returns its violations. */
export const runAxe = async (page: Page): Promise<AxeViolation[]> => {
  const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
};

/** Readable summary for assertion messages. */
export const describeViolations = (violations: AxeViolation[]) =>
  violations.map((v) => `${v.impact ?? "?"} ${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`).join("\n");

export const screenshot = (page: Page, name: string) => page.screenshot({ path: `/tmp/shot-${name}.png`, fullPage: true });

/** Waits until the page's document.title is `title` (titles are set once the page has rendered). */
export const waitForTitle = (page: Page, title: string) =>
  page.waitForFunction((expected) => document.title === expected, title, { timeout: 5_000 });
