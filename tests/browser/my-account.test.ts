// Browser test of "Mon compte": reached from the user menu, change of password (wrong current one, then the
// right one, other sessions signed out), sign-in with the new password; the explanation for accounts without one. With axe.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { waitForMail } from "../support/mail-dir.ts";
import { type RunningServer, describeViolations, newPage, runAxe, screenshot, waitForTitle, withServerAndBrowser } from "./harness.ts";

const password = "un mot de passe solide";
const newPassword = "une phrase toute neuve";

const assertNoViolation = async (page: Page, where: string) => {
  const violations = await runAxe(page);
  assert.equal(violations.length, 0, `${where}\n${describeViolations(violations)}`);
};

/** The French message that the field's aria-describedby points to. */
const describedBy = (page: Page, fieldId: string) =>
  page.evaluate((id) => {
    const ids = document.getElementById(id)?.getAttribute("aria-describedby")?.split(/\s+/) ?? [];
    return ids.map((ref) => document.getElementById(ref)?.textContent?.trim() ?? "").filter(Boolean).join(" | ");
  }, fieldId);

describe("Mon compte in the browser", () => {
  let server: RunningServer;
  let browser: Browser;
  withServerAndBrowser<RunningServer>((started, chromium) => {
    server = started;
    browser = chromium;
  });

  /** A verified account created through the API, as another browser would. */
  const accountThroughApi = async (email: string, name: string, kind: "candidate" | "professional") => {
    const signup = await fetch(`${server.baseUrl}/api/v1/auth/signup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password, name, kind }),
    });
    assert.equal(signup.status, 202);
    const code = /\b(\d{6})\b/.exec((await waitForMail(server.mailDir!, email)).text)![1];
    const verify = await fetch(`${server.baseUrl}/api/v1/auth/verify-email`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, code }),
    });
    assert.equal(verify.status, 204);
  };

  const signIn = async (page: Page, email: string, pass: string) => {
    await page.goto(`${server.baseUrl}/connexion`);
    await page.locator("#signin-email").fill(email);
    await page.locator("#signin-password").fill(pass);
    await page.getByRole("button", { name: "Se connecter" }).click();
  };

  const authenticated = (page: Page) => page.evaluate(() => fetch("/api/v1/auth/session").then((r) => r.json()).then((s: { authenticated: boolean }) => s.authenticated));

  it("changes the password from the user menu, signs out the other sessions, then signs in with the new one", async () => {
    await accountThroughApi("ines.moreau@example.org", "Inès Moreau", "candidate");
    const { page, errors } = await newPage(browser);
    await signIn(page, "ines.moreau@example.org", password);
    await page.waitForURL(`${server.baseUrl}/`);
    // Another browser signed in with the same account: its session ends with the change.
    const { page: elsewhere } = await newPage(browser);
    await signIn(elsewhere, "ines.moreau@example.org", password);
    await elsewhere.waitForURL(`${server.baseUrl}/`);
    assert.equal(await authenticated(elsewhere), true);

    await page.getByRole("button", { name: "Inès Moreau" }).first().click();
    await page.getByRole("link", { name: "Mon compte" }).first().waitFor();
    await screenshot(page, "menu-mon-compte");
    await page.getByRole("link", { name: "Mon compte" }).first().click();
    await page.waitForURL(`${server.baseUrl}/mon-compte`);
    await page.getByRole("heading", { level: 1, name: "Mon compte" }).waitFor();
    await waitForTitle(page, "Mon compte — Tremplin");
    const details = page.locator("dl");
    for (const text of ["Inès Moreau", "ines.moreau@example.org", "Candidat·e"]) await details.getByText(text, { exact: true }).waitFor();
    await assertNoViolation(page, "Mon compte");

    // Empty form: the summary takes the focus; each message is linked to its field.
    await page.getByRole("button", { name: "Changer mon mot de passe" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "Le formulaire contient 3 erreurs" });
    await summary.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains("tremplin-error-summary")), true);
    assert.match(await describedBy(page, "account-current-password"), /Saisissez votre mot de passe actuel\./);
    assert.match(await describedBy(page, "account-new-password"), /au moins 10 caractères/);
    await summary.getByRole("link", { name: "Saisissez à nouveau le mot de passe pour le confirmer." }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), "account-confirmation");
    await assertNoViolation(page, "Mon compte, erreurs du formulaire");

    // Wrong current password: the server's refusal, said in French on the field.
    await page.locator("#account-current-password").fill("pas le bon mot de passe");
    await page.locator("#account-new-password").fill(newPassword);
    await page.locator("#account-confirmation").fill(newPassword);
    await page.getByRole("button", { name: "Changer mon mot de passe" }).click();
    await page.getByRole("alert").filter({ hasText: "Le mot de passe actuel est incorrect." }).waitFor();
    assert.equal(await describedBy(page, "account-current-password"), "Le mot de passe actuel est incorrect.");
    await screenshot(page, "mon-compte-erreur");
    assert.equal(await authenticated(elsewhere), true, "a refused change signs nobody out");

    await page.locator("#account-current-password").fill(password);
    await page.getByRole("button", { name: "Changer mon mot de passe" }).click();
    await page.getByText("Vos autres sessions ont été déconnectées", { exact: false }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.includes("Mot de passe changé")), true, "the notice takes the focus");
    assert.equal(await page.getByRole("alert").filter({ hasText: "Le formulaire contient" }).count(), 0);
    assert.equal(await page.locator("#account-current-password").inputValue(), "", "the form is emptied");
    await screenshot(page, "mon-compte");
    await assertNoViolation(page, "Mon compte, mot de passe changé");
    assert.equal(await authenticated(page), true, "this session stays");
    assert.equal(await authenticated(elsewhere), false, "the other session is signed out");

    await page.getByRole("button", { name: "Inès Moreau" }).first().click();
    await page.getByRole("button", { name: "Se déconnecter" }).first().click();
    await page.getByText("Vous êtes déconnecté·e").waitFor();
    await signIn(page, "ines.moreau@example.org", password);
    await page.getByText("Adresse électronique ou mot de passe incorrect.").first().waitFor();
    await signIn(page, "ines.moreau@example.org", newPassword);
    await page.waitForURL(`${server.baseUrl}/`);
    await page.getByRole("button", { name: "Inès Moreau" }).first().waitFor();
    assert.deepEqual(errors.filter((e) => !/401|Failed to load resource/.test(e)), []);
  });

  it("explains, instead of the form, that an account made through ProConnect has no password", async () => {
    await accountThroughApi("agent.pro@example.org", "Agnès Conseil", "professional");
    const { page } = await newPage(browser);
    await signIn(page, "agent.pro@example.org", password);
    await page.waitForURL(`${server.baseUrl}/`);
    // The session as the API gives it for an account created by ProConnect (no password_hash).
    await page.route("**/api/v1/auth/session", async (route) => {
      const response = await route.fetch();
      const session = await response.json();
      await route.fulfill({ response, json: { ...session, user: { ...session.user, hasPassword: false } } });
    });
    await page.goto(`${server.baseUrl}/mon-compte`);
    await page.getByRole("heading", { name: "Votre compte n'a pas de mot de passe" }).waitFor();
    await page.locator("dl").getByText("Professionnel·le", { exact: true }).waitFor();
    assert.equal(await page.locator("#account-current-password").count(), 0);
    assert.equal(await page.getByRole("link", { name: "Choisir un mot de passe" }).getAttribute("href"), "/mot-de-passe/oubli");
    await screenshot(page, "mon-compte-sans-mot-de-passe");
    await assertNoViolation(page, "Mon compte sans mot de passe");
  });

  it("sends a signed-out person to the sign-in page, coming back to Mon compte", async () => {
    const { page } = await newPage(browser);
    await page.goto(`${server.baseUrl}/mon-compte`);
    await page.waitForURL(`${server.baseUrl}/connexion?retour=%2Fmon-compte`);
  });
});
