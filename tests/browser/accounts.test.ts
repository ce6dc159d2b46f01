// Browser tests of the signed-in shell: sign-in page, header menus, guard, sign-out; with axe.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { waitForMail } from "../support/mail-dir.ts";
import { type RunningServer, describeViolations, newPage, runAxe, screenshot, waitForTitle, withServerAndBrowser } from "./harness.ts";

const password = "un mot de passe solide";

const assertNoViolation = async (page: Page) => {
  const violations = await runAxe(page);
  assert.equal(violations.length, 0, describeViolations(violations));
};

describe("accounts in the browser", () => {
  let server: RunningServer;
  let browser: Browser;
  withServerAndBrowser<RunningServer>((started, chromium) => {
    server = started;
    browser = chromium;
  });

  /** Creates a verified account through the API (as another browser would), reading the code from the mail directory. */
  const accountThroughApi = async (email: string, name: string, kind: "candidate" | "professional" = "professional") => {
    const signup = await fetch(`${server.baseUrl}/api/v1/auth/signup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password, name, kind }),
    });
    assert.equal(signup.status, 202);
    const mail = await waitForMail(server.mailDir!, email);
    const code = /\b(\d{6})\b/.exec(mail.text)![1];
    const verify = await fetch(`${server.baseUrl}/api/v1/auth/verify-email`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, code }),
    });
    assert.equal(verify.status, 204);
  };

  it("signs in with a password, shows the user menu, and signs out", async () => {
    await accountThroughApi("nadia@example.org", "Nadia Benali");
    const { page, errors } = await newPage(browser);
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole("link", { name: "Se connecter" }).click();
    await page.getByRole("heading", { level: 1, name: "Se connecter" }).waitFor();
    await waitForTitle(page, "Se connecter — Tremplin");
    assert.equal(await page.getByRole("link", { name: /ProConnect/ }).count(), 0, "no ProConnect button without OIDC configuration");
    await screenshot(page, "connexion");
    await assertNoViolation(page);

    // Empty form: the error summary takes the focus and links to the fields.
    await page.getByRole("button", { name: "Se connecter" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "Le formulaire contient 2 erreurs" });
    await summary.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains("tremplin-error-summary")), true);
    await summary.getByRole("link", { name: "Saisissez votre mot de passe." }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), "signin-password");

    await page.getByLabel("Adresse électronique").fill("nadia@example.org");
    await page.getByLabel("Mot de passe", { exact: false }).first().fill("pas le bon mot de passe");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByText("Adresse électronique ou mot de passe incorrect.").first().waitFor();

    await page.locator("#signin-password").fill(password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL(`${server.baseUrl}/`);
    const menu = page.getByRole("button", { name: "Nadia Benali" }).first();
    await menu.waitFor();
    await menu.click();
    await page.getByText("Connecté·e avec nadia@example.org").first().waitFor();
    await screenshot(page, "menu-utilisateur");
    await assertNoViolation(page);
    await page.getByRole("button", { name: "Se déconnecter" }).first().click();
    await page.getByText("Vous êtes déconnecté·e").waitFor();
    await page.getByRole("link", { name: "Se connecter" }).first().waitFor();
    const session = await page.evaluate(() => fetch("/api/v1/auth/session").then((r) => r.json()));
    assert.equal(session.authenticated, false);
    assert.deepEqual(errors.filter((e) => !/401|Failed to load resource/.test(e)), []);
  });

  it("signs up as a professional, verifies the e-mail with the code from the mail directory, and is signed in", async () => {
    const { page } = await newPage(browser);
    await page.goto(`${server.baseUrl}/inscription`);
    await page.getByRole("heading", { level: 1, name: "Créer un compte" }).waitFor();
    await page.getByRole("button", { name: "Créer mon compte" }).click();
    await page.getByRole("alert").filter({ hasText: "Le formulaire contient 4 erreurs" }).waitFor();
    await screenshot(page, "inscription-erreurs");
    await assertNoViolation(page);

    await page.getByRole("radio", { name: /Professionnel·le/ }).check({ force: true });
    await page.getByLabel("Prénom et nom").fill("Samir Haddad");
    await page.locator("#signup-email").fill("samir@jardins.example");
    await page.locator("#signup-password").fill(password);
    await page.getByRole("button", { name: "Créer mon compte" }).click();
    await page.getByRole("heading", { level: 1, name: "Confirmer votre adresse électronique" }).waitFor();
    assert.equal(await page.locator("#verify-email").inputValue(), "samir@jardins.example");
    await assertNoViolation(page);

    const code = /\b(\d{6})\b/.exec((await waitForMail(server.mailDir!, "samir@jardins.example")).text)![1];
    await page.getByLabel("Code de vérification").fill(code === "000000" ? "111111" : "000000");
    await page.getByRole("button", { name: "Confirmer" }).click();
    await page.getByText(/Ce code est incorrect/).first().waitFor();
    await page.getByLabel("Code de vérification").fill(code);
    await page.getByRole("button", { name: "Confirmer" }).click();
    await page.getByText("Votre adresse est confirmée").waitFor();
    await page.getByRole("button", { name: "Samir Haddad" }).first().waitFor();
    await screenshot(page, "inscription-confirmee");
  });
});
