// Browser tests of the password reset and the organisation screens, reading the links from the mails the real app writes; with axe.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { waitForMail } from "../support/mail-dir.ts";
import { type RunningServer, describeViolations, newPage, runAxe, screenshot, waitForTitle, withServerAndBrowser } from "./harness.ts";

const password = "un mot de passe solide";

const assertNoViolation = async (page: Page, where: string) => {
  const violations = await runAxe(page);
  assert.equal(violations.length, 0, `${where}\n${describeViolations(violations)}`);
};

const linkIn = (text: string, path: string) => {
  const match = new RegExp(`https?://\\S+${path.replace(/\//g, "\\/")}#jeton=[A-Za-z0-9_-]{43}`).exec(text);
  assert.ok(match, `lien ${path} absent du courriel :\n${text}`);
  return match[0];
};

describe("password reset and organisations in the browser", () => {
  let server: RunningServer;
  let browser: Browser;
  const seen = new Set<string>();
  withServerAndBrowser<RunningServer>((started, chromium) => {
    server = started;
    browser = chromium;
  });

  const mailTo = (email: string) => waitForMail(server.mailDir!, email, { seen });

  /** A verified professional account created through the API, as another browser would. */
  const accountThroughApi = async (email: string, name: string) => {
    const signup = await fetch(`${server.baseUrl}/api/v1/auth/signup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password, name, kind: "professional" }),
    });
    assert.equal(signup.status, 202);
    const code = /\b(\d{6})\b/.exec((await mailTo(email)).text)![1];
    const verify = await fetch(`${server.baseUrl}/api/v1/auth/verify-email`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, code }),
    });
    assert.equal(verify.status, 204);
  };

  const signIn = async (page: Page, email: string, pass = password) => {
    await page.goto(`${server.baseUrl}/connexion`);
    await page.locator("#signin-email").fill(email);
    await page.locator("#signin-password").fill(pass);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL(`${server.baseUrl}/`);
  };

  it("resets a forgotten password with the link of the mail, once", async () => {
    await accountThroughApi("lea@example.org", "Léa Martin");
    const { page, errors } = await newPage(browser);
    await page.goto(`${server.baseUrl}/connexion`);
    await page.getByRole("link", { name: "Mot de passe oublié ?" }).first().click();
    await page.getByRole("heading", { level: 1, name: "Mot de passe oublié" }).waitFor();
    await waitForTitle(page, "Mot de passe oublié — Tremplin");
    await page.getByRole("button", { name: "Recevoir le lien" }).click();
    await page.getByRole("alert").filter({ hasText: "Saisissez votre adresse électronique." }).waitFor();
    await assertNoViolation(page, "mot de passe oublié (erreur)");

    // An unknown address gets the same answer as a known one.
    await page.getByLabel("Adresse électronique").fill("personne@example.org");
    await page.getByRole("button", { name: "Recevoir le lien" }).click();
    const neutral = await page.getByRole("status").filter({ hasText: "Si un compte Tremplin existe pour personne@example.org" }).textContent();
    await page.getByRole("button", { name: "Faire une nouvelle demande" }).click();
    await page.getByLabel("Adresse électronique").fill("lea@example.org");
    await page.getByRole("button", { name: "Recevoir le lien" }).click();
    const known = await page.getByRole("status").filter({ hasText: "Si un compte Tremplin existe pour lea@example.org" }).textContent();
    assert.equal(known!.replace("lea@example.org", "X"), neutral!.replace("personne@example.org", "X"));
    await assertNoViolation(page, "mot de passe oublié (demande faite)");

    const link = linkIn((await mailTo("lea@example.org")).text, "/mot-de-passe/nouveau");
    await page.goto(link);
    await page.getByRole("heading", { level: 1, name: "Nouveau mot de passe" }).waitFor();
    assert.equal(new URL(page.url()).hash, "", "the token leaves the address bar");
    await page.locator("#reset-password").fill("nouveau mot de passe de Léa");
    await page.locator("#reset-confirmation").fill("nouveau mot de passe de Lea");
    await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
    await page.getByRole("alert").filter({ hasText: "Les deux mots de passe ne sont pas identiques." }).waitFor();
    await screenshot(page, "nouveau-mot-de-passe");
    await assertNoViolation(page, "nouveau mot de passe");
    await page.locator("#reset-confirmation").fill("nouveau mot de passe de Léa");
    await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
    await page.waitForURL(`${server.baseUrl}/connexion`);
    await page.getByText("Votre mot de passe est changé").waitFor();

    await page.locator("#signin-email").fill("lea@example.org");
    await page.locator("#signin-password").fill("nouveau mot de passe de Léa");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByRole("button", { name: "Léa Martin" }).first().waitFor();

    // The link served once.
    const other = await newPage(browser);
    await other.page.goto(link);
    await other.page.locator("#reset-password").fill("encore un autre mot de passe");
    await other.page.locator("#reset-confirmation").fill("encore un autre mot de passe");
    await other.page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
    await other.page.getByText("Lien expiré ou déjà utilisé").waitFor();
    await other.page.getByText("Ce lien de réinitialisation est expiré ou a déjà servi.").waitFor();
    await assertNoViolation(other.page, "lien déjà utilisé");
    // A link without its token (cut by a mail client) is explained, not an error page.
    await other.page.goto(`${server.baseUrl}/invitations/accepter`);
    await other.page.getByText("Lien d'invitation incomplet").waitFor();
    await assertNoViolation(other.page, "invitation sans jeton");
    assert.deepEqual(errors.filter((e) => !/40[013]|Failed to load resource/.test(e)), []);
  });

  it("creates an organisation, invites a colleague who signs up through the mailed link, and sees them as member", async () => {
    await accountThroughApi("samia@jardins.example", "Samia Kaci");
    const admin = await newPage(browser);
    await signIn(admin.page, "samia@jardins.example");
    await admin.page.getByRole("link", { name: "Créer une organisation" }).first().click();
    await admin.page.getByRole("heading", { level: 1, name: "Créer une organisation" }).waitFor();
    await admin.page.getByRole("button", { name: "Créer l'organisation" }).click();
    await admin.page.getByRole("alert").filter({ hasText: "Le formulaire contient 3 erreurs" }).waitFor();
    await assertNoViolation(admin.page, "créer une organisation (erreurs)");
    const groups = await admin.page.locator("#organisation-kind optgroup").evaluateAll((nodes) => nodes.map((n) => n.getAttribute("label")));
    assert.deepEqual(groups, ["Employeurs", "Prescripteurs et orienteurs", "Opérateurs territoriaux"]);
    assert.equal(await admin.page.locator('#organisation-kind option[value="FT"]').count(), 0, "France Travail is created by a platform admin");

    await admin.page.locator("#organisation-kind").selectOption("ACI");
    await admin.page.getByLabel("Nom de l'organisation").fill("Jardins de Belleville");
    await admin.page.getByLabel("SIRET").fill("732 829 320 00008");
    await admin.page.getByRole("button", { name: "Créer l'organisation" }).click();
    await admin.page.getByRole("alert").getByRole("link", { name: /clé de contrôle est fausse/ }).waitFor();
    await admin.page.getByLabel("SIRET").fill("732 829 320 00009");
    await admin.page.getByRole("button", { name: "Créer l'organisation" }).click();
    await admin.page.waitForURL(`${server.baseUrl}/mon-organisation`);
    await admin.page.getByText("L'organisation Jardins de Belleville est créée. Vous agissez maintenant pour elle.").waitFor();
    await admin.page.getByRole("heading", { level: 1, name: "Jardins de Belleville" }).waitFor();
    await admin.page.getByText("732 829 320 00009").waitFor();
    await admin.page.getByRole("button", { name: "Pour : Jardins de Belleville" }).first().waitFor();

    await admin.page.getByRole("button", { name: "Envoyer l'invitation" }).click();
    await admin.page.getByRole("alert").filter({ hasText: "Saisissez l'adresse électronique de la personne à inviter." }).waitFor();
    await admin.page.getByLabel("Adresse électronique").fill("karim@jardins.example");
    await admin.page.getByRole("button", { name: "Envoyer l'invitation" }).click();
    await admin.page.getByText("Invitation envoyée à karim@jardins.example.").waitFor();
    await admin.page.getByTestId("organisation-invitations").getByRole("rowheader", { name: "karim@jardins.example" }).waitFor();
    await screenshot(admin.page, "mon-organisation-invitation");
    await assertNoViolation(admin.page, "mon organisation (invitation envoyée)");

    // The colleague opens the link of the mail, signed out: signs up, confirms the address, comes back and accepts.
    const link = linkIn((await mailTo("karim@jardins.example")).text, "/invitations/accepter");
    const colleague = await newPage(browser);
    await colleague.page.goto(link);
    await colleague.page.getByRole("heading", { level: 1, name: "Rejoindre une organisation" }).waitFor();
    await colleague.page.getByText("connectez-vous ou créez un compte professionnel").waitFor();
    assert.equal(new URL(colleague.page.url()).hash, "");
    await assertNoViolation(colleague.page, "accepter une invitation (déconnecté)");
    await colleague.page.getByRole("link", { name: "Créer un compte professionnel" }).click();
    await colleague.page.getByRole("heading", { level: 1, name: "Créer un compte" }).waitFor();
    await colleague.page.getByRole("radio", { name: /Professionnel·le/ }).check({ force: true });
    await colleague.page.getByLabel("Prénom et nom").fill("Karim Ait");
    await colleague.page.locator("#signup-email").fill("karim@jardins.example");
    await colleague.page.locator("#signup-password").fill(password);
    await colleague.page.getByRole("button", { name: "Créer mon compte" }).click();
    await colleague.page.getByRole("heading", { level: 1, name: "Confirmer votre adresse électronique" }).waitFor();
    const code = /\b(\d{6})\b/.exec((await mailTo("karim@jardins.example")).text)![1];
    await colleague.page.getByLabel("Code de vérification").fill(code);
    await colleague.page.getByRole("button", { name: "Confirmer" }).click();
    await colleague.page.waitForURL(`${server.baseUrl}/invitations/accepter`);
    await colleague.page.getByText("Vous êtes connecté·e en tant que Karim Ait (karim@jardins.example).").waitFor();
    await assertNoViolation(colleague.page, "accepter une invitation (connecté)");
    await colleague.page.getByRole("button", { name: "Accepter l'invitation" }).click();
    await colleague.page.waitForURL(`${server.baseUrl}/mon-organisation`);
    await colleague.page.getByText("Vous avez rejoint Jardins de Belleville.").waitFor();
    await colleague.page.getByRole("button", { name: "Pour : Jardins de Belleville" }).first().waitFor();
    assert.equal(await colleague.page.getByRole("button", { name: "Envoyer l'invitation" }).count(), 0, "a member does not invite");
    await assertNoViolation(colleague.page, "mon organisation (membre)");

    // The admin sees the colleague as a member; the invitation is no longer pending.
    await admin.page.reload();
    const karim = admin.page.getByTestId("organisation-members").getByRole("row").filter({ hasText: "karim@jardins.example" });
    await karim.waitFor();
    assert.match((await karim.textContent())!, /Membre/);
    await admin.page.getByText("Aucune invitation en attente.").waitFor();
    // The last admin cannot step down: the API's French message is shown.
    await admin.page.getByRole("button", { name: "Retirer le rôle d'administrateur·rice (Samia Kaci)" }).click();
    await admin.page.getByRole("alert").filter({ hasText: "L'organisation doit garder au moins un administrateur" }).waitFor();
    await admin.page.getByRole("button", { name: "Nommer administrateur·rice (Karim Ait)" }).click();
    await admin.page.getByText("Karim Ait est maintenant administrateur·rice.").waitFor();
    await screenshot(admin.page, "mon-organisation-membres");
    await assertNoViolation(admin.page, "mon organisation (membres)");

    // A second organisation: then the person chooses which one they act for.
    await admin.page.goto(`${server.baseUrl}/mon-organisation/creer`);
    await admin.page.locator("#organisation-kind").selectOption("ML");
    await admin.page.getByLabel("Nom de l'organisation").fill("Mission locale de l'Est parisien");
    await admin.page.getByLabel("SIRET").fill("73282932000017");
    await admin.page.getByRole("button", { name: "Créer l'organisation" }).click();
    await admin.page.getByRole("heading", { level: 1, name: "Mission locale de l'Est parisien" }).waitFor();
    await admin.page.getByText("En attente de validation").waitFor();
    await admin.page.getByRole("link", { name: "Changer d'organisation" }).click();
    await admin.page.getByRole("heading", { level: 1, name: "Choisir une organisation" }).waitFor();
    await waitForTitle(admin.page, "Choisir une organisation — Tremplin");
    await assertNoViolation(admin.page, "choisir une organisation");
    await admin.page.getByRole("radio", { name: /Jardins de Belleville/ }).check({ force: true });
    await admin.page.getByRole("button", { name: "Agir pour cette organisation" }).click();
    await admin.page.waitForURL(`${server.baseUrl}/mon-organisation`);
    await admin.page.getByText("Vous agissez maintenant pour Jardins de Belleville.").waitFor();
    await admin.page.getByRole("heading", { level: 1, name: "Jardins de Belleville" }).waitFor();
    assert.deepEqual(admin.errors.filter((e) => !/40[0139]|Failed to load resource/.test(e)), []);
  });
});
