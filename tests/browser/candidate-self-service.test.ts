// Browser test of the candidate's own path, as a person would do it: sign up as a candidate, confirm the
// e-mail with the code from the mail directory, create "Mon profil" (address in a QPV, ROME job and skill,
// language, licence, mobility, availability, barrier), upload a CV (and a wrong file), download the JSON
// export, see "Mes candidatures", ask for erasure and check nothing personal is left. Axe on every page,
// a screenshot at each step (/tmp/shot-candidate-*.png).
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { waitForMail } from "../support/mail-dir.ts";
import { type RunningServer, describeViolations, newPage, runAxe, screenshot, waitForTitle, withServerAndBrowser } from "./harness.ts";
import { samplePdf } from "../support/sample-pdf.ts";

const password = "un mot de passe solide";
const email = "awa.diallo@example.org";

const assertAccessible = async (page: Page) => {
  const violations = await runAxe(page);
  assert.deepEqual(violations, [], describeViolations(violations));
};


/** Every key of a JSON value, at any depth. */
const keysOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.flatMap(keysOf) : value && typeof value === "object" ? Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]) : [];

describe("Parcours de la candidate, en autonomie", () => {
  let server: RunningServer;
  let browser: Browser;
  const seenMails = new Set<string>();
  withServerAndBrowser<RunningServer>((started, chromium) => {
    server = started;
    browser = chromium;
  });

  /** An account signed up and confirmed through the JSON API (as another browser would), with its session cookie. */
  const accountThroughApi = async (address: string, name: string, kind: "candidate" | "professional") => {
    const send = async (path: string, body: unknown, session?: { cookie: string; csrf: string }) => {
      const response = await fetch(`${server.baseUrl}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: server.baseUrl, ...(session ? { cookie: session.cookie, "x-csrf-token": session.csrf } : {}) },
        body: JSON.stringify(body),
      });
      const text = await response.text();
      assert.ok(response.ok, `${path}: ${response.status} ${text}`);
      return { response, json: text ? JSON.parse(text) : null };
    };
    await send("/api/v1/auth/signup", { email: address, password, name, kind });
    const code = /\b(\d{6})\b/.exec((await waitForMail(server.mailDir!, address, { seen: seenMails })).text)![1]!;
    const cookie = (await send("/api/v1/auth/verify-email", { email: address, code })).response.headers.get("set-cookie")!.split(";")[0]!;
    const session = { cookie, csrf: "" };
    const refresh = async () => {
      session.csrf = (await (await fetch(`${server.baseUrl}/api/v1/auth/session`, { headers: { cookie } })).json()).csrfToken;
    };
    await refresh();
    return { post: (path: string, body: unknown) => send(path, body, session), refresh, cookieValue: cookie.split("=").slice(1).join("=") };
  };

  /** Another person, with a profile made through the JSON API: her data must never show in Awa's export. */
  const otherCandidate = async () => {
    const bintou = await accountThroughApi("bintou.traore@example.org", "Bintou Traoré", "candidate");
    const created = await bintou.post("/api/v1/candidates", { firstName: "Bintou", lastName: "Traoré", phone: "07 00 00 00 01", address: "12 rue du Maroc 75019 Paris", consent: true });
    return created.json.id as string;
  };

  it("signs up, creates her profile in a QPV, uploads a CV, exports her data, sees her applications, and erases everything", async () => {
    const otherId = await otherCandidate();
    const { page, errors } = await newPage(browser);

    // 1. Sign-up as a candidate, then the e-mail is confirmed with the code received.
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole("link", { name: "Créer un compte" }).first().click();
    await waitForTitle(page, "Créer un compte — Tremplin");
    await page.getByRole("radio", { name: /Candidat·e/ }).check({ force: true });
    await page.getByLabel("Prénom et nom").fill("Awa Diallo");
    await page.locator("#signup-email").fill(email);
    await page.locator("#signup-password").fill(password);
    await screenshot(page, "candidate-01-inscription");
    await assertAccessible(page);
    await page.getByRole("button", { name: "Créer mon compte" }).click();
    await page.getByRole("heading", { level: 1, name: "Confirmer votre adresse électronique" }).waitFor();
    await assertAccessible(page);
    const code = /\b(\d{6})\b/.exec((await waitForMail(server.mailDir!, email, { seen: seenMails })).text)![1]!;
    await page.getByLabel("Code de vérification").fill(code);
    await screenshot(page, "candidate-02-code");
    await page.getByRole("button", { name: "Confirmer" }).click();

    // 2. A new candidate lands on "Mon profil", which she creates; the user menu leads there too.
    await page.getByText("Votre adresse est confirmée").waitFor();
    await page.getByRole("heading", { level: 1, name: "Créer mon profil" }).waitFor();
    assert.equal(new URL(page.url()).pathname, "/mon-profil");
    await waitForTitle(page, "Mon profil — Tremplin");
    await page.getByRole("button", { name: "Awa Diallo" }).first().click();
    const menu = page.locator(".tremplin-menu__panel:visible");
    assert.deepEqual(await menu.getByRole("link").allInnerTexts(), ["Mon compte", "Mon profil", "Mes candidatures"]);
    await screenshot(page, "candidate-03-menu");
    await assertAccessible(page);
    await page.keyboard.press("Escape");
    // Her name and address come from the account; the texts speak to her.
    assert.equal(await page.getByLabel("Prénom").inputValue(), "Awa");
    assert.equal(await page.getByLabel("Nom", { exact: true }).inputValue(), "Diallo");
    assert.equal(await page.getByLabel("Adresse électronique").inputValue(), email);
    await page.getByRole("group", { name: "Votre accord" }).waitFor();
    assert.match(await page.locator("form").innerText(), /si vous résidez en quartier prioritaire/);
    await screenshot(page, "candidate-03-profil-vide");
    await assertAccessible(page);

    await page.getByLabel("Téléphone").fill("06 12 34 56 78");
    await page.getByLabel(/^Année de naissance/).fill("1994");
    // 5 rue de Tanger (BAN) lies inside the QPV 2024 Stalingrad Riquet, far enough from its edge for a certain answer.
    await page.getByLabel(/^Adresse postale/).fill("5 rue de Tanger 75019 Paris");
    await page.getByLabel(/^Métiers recherchés/).fill("jardinier");
    await page.getByRole("button", { name: "Ajouter « Jardinier / Jardinière d'espaces verts »" }).click();
    await page.getByRole("button", { name: "Retirer « Jardinier / Jardinière d'espaces verts »" }).waitFor();
    await page.getByLabel(/^Compétences/).fill("tailler les arbres");
    await page.getByRole("button", { name: "Ajouter « Tailler les arbres »" }).click();
    await page.getByRole("button", { name: "Ajouter une langue" }).click();
    await page.getByLabel("Langue 1").fill("Wolof");
    await page.getByLabel("Niveau 1").selectOption({ label: "Langue maternelle" });
    await page.getByRole("button", { name: "Ajouter une langue" }).click();
    await page.getByLabel("Langue 2").fill("Anglais");
    await page.getByLabel("Niveau 2").selectOption({ label: "Notions" });
    await page.getByRole("group", { name: "Permis de conduire" }).getByRole("checkbox", { name: "B", exact: true }).check({ force: true });
    await page.getByLabel(/^Distance maximale/).fill("10");
    await page.getByRole("checkbox", { name: "Transports en commun" }).check({ force: true });
    await page.getByRole("checkbox", { name: "Vélo" }).check({ force: true });
    await page.getByLabel("Disponibilité").selectOption({ label: "Disponible immédiatement" });
    await page.getByRole("group", { name: /Freins périphériques/ }).getByRole("checkbox", { name: "Mobilité" }).check({ force: true });
    await screenshot(page, "candidate-04-profil-rempli");
    await assertAccessible(page);

    // Forgetting her agreement: the summary says so and leads to the checkbox.
    await page.getByRole("button", { name: "Créer mon profil" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "Le formulaire comporte une erreur" });
    await summary.getByRole("link", { name: "Cochez la case pour donner votre accord : il est nécessaire pour créer votre profil." }).waitFor();
    await screenshot(page, "candidate-05-accord-oublie");
    await assertAccessible(page);
    await summary.getByRole("link").click();
    await page.getByRole("checkbox", { name: "J'ai lu et j'accepte le texte ci-dessus." }).check({ force: true });
    await page.getByRole("button", { name: "Créer mon profil" }).click();

    await page.getByRole("heading", { level: 1, name: "Mon profil" }).waitFor();
    await page.getByRole("button", { name: "Modifier le profil" }).waitFor();
    const profile = await page.locator("main").innerText();
    assert.match(profile, /En QPV : Stalingrad Riquet \(QN07513M\)/i, profile);
    assert.match(profile, /Résultat fiable/i);
    assert.match(profile, /Hors ZRR \/ FRR/i);
    assert.match(profile, /06 12 34 56 78/);
    assert.match(profile, /1994/);
    assert.match(profile, /Jardinier \/ Jardinière d'espaces verts/);
    assert.match(profile, /Tailler les arbres/);
    assert.match(profile, /Wolof \(langue maternelle\), Anglais \(notions\)/);
    assert.match(profile, /Permis\nB\n/);
    assert.match(profile, /Jusqu'à 10 km, Transports en commun, Vélo/);
    assert.match(profile, /Disponible immédiatement/);
    assert.match(profile, /Accord donné le .* \(par vous\)\./);
    assert.match(profile, /Vous pouvez obtenir une copie de vos données/);
    assert.match(await page.locator("section", { has: page.getByRole("heading", { name: "Freins périphériques" }) }).innerText(), /Mobilité/);
    await screenshot(page, "candidate-06-profil");
    await assertAccessible(page);
    // Editing it speaks to her too; she changes her mind and cancels.
    await page.getByRole("button", { name: "Modifier le profil" }).click();
    await page.getByText(/Ce qui peut gêner votre retour à l'emploi/).waitFor();
    assert.equal(await page.getByLabel(/^Adresse postale/).inputValue(), "5 rue de Tanger 75019 Paris");
    await screenshot(page, "candidate-06-modifier");
    await assertAccessible(page);
    await page.getByRole("button", { name: "Annuler" }).click();
    await page.getByRole("button", { name: "Modifier le profil" }).waitFor();

    // 3. Her CV: a real PDF is listed; another file is refused in French, next to the file field.
    const cvSection = page.locator("section", { has: page.getByRole("heading", { name: "CV", exact: true }) });
    await page.getByLabel(/^Déposer un CV/).setInputFiles({ name: "CV Awa Diallo.pdf", mimeType: "application/pdf", buffer: await samplePdf() });
    await page.getByRole("button", { name: "Envoyer le CV" }).click();
    await cvSection.getByText("CV enregistré.", { exact: true }).waitFor();
    await cvSection.getByText(/^CV Awa Diallo\.pdf \(\d+ ko, déposé le /).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), "candidate-status-cv", "the focus goes to the message, in the CV section");
    const cv = await page.request.get(`${server.baseUrl}${await cvSection.getByRole("link", { name: "Télécharger le CV" }).getAttribute("href")}`);
    assert.equal((await cv.body()).subarray(0, 5).toString(), "%PDF-");
    await screenshot(page, "candidate-07-cv");
    await assertAccessible(page);

    await page.getByLabel(/^Déposer un CV/).setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: Buffer.from("\x89PNG\r\n\x1a\n pas un PDF") });
    await page.getByRole("button", { name: "Envoyer le CV" }).click();
    await cvSection.getByText("Le CV doit être un fichier PDF (le contenu envoyé n'en est pas un).").waitFor();
    const fileInput = page.getByLabel(/^Déposer un CV/);
    assert.equal(await fileInput.getAttribute("aria-invalid"), "true");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "candidate-cv-file", "the focus stays on the file field");
    assert.match((await fileInput.evaluate((input) => (input as HTMLInputElement).labels?.[0]?.parentElement?.innerText)) ?? "", /Le CV doit être un fichier PDF/);
    await cvSection.getByText(/^CV Awa Diallo\.pdf/).waitFor();
    await screenshot(page, "candidate-08-cv-refuse");
    await assertAccessible(page);

    // 4. The JSON export: her profile, readable, and nothing of anybody else nor any secret.
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Exporter les données (JSON)" }).click();
    const download = await downloading;
    assert.match(download.suggestedFilename(), /^donnees-tremplin-[0-9a-f-]{36}\.json$/);
    const text = await readFile((await download.path())!, "utf8");
    const exported = JSON.parse(text);
    assert.equal(exported.format, "tremplin-donnees-personnelles");
    assert.deepEqual(exported.sections.compte.email, email);
    const mine = exported.sections.profil;
    assert.equal(mine.id, exported.candidateId);
    assert.deepEqual([mine.firstName, mine.lastName, mine.phone, mine.birthYear, mine.address], ["Awa", "Diallo", "06 12 34 56 78", 1994, "5 rue de Tanger 75019 Paris"]);
    assert.equal(mine.location.qpv.code, "QN07513M");
    assert.deepEqual(mine.targetAppellationLabels.map((a: { label: string }) => a.label), ["Jardinier / Jardinière d'espaces verts"]);
    assert.deepEqual(mine.skillLabels.map((s: { label: string }) => s.label), ["Tailler les arbres"]);
    assert.deepEqual(mine.languages, [{ name: "Wolof", level: "native", levelLabel: "Langue maternelle" }, { name: "Anglais", level: "basic", levelLabel: "Notions" }]);
    assert.deepEqual([mine.drivingLicences, mine.mobilityRadiusKm, mine.barriers], [["B"], 10, ["mobilite"]]);
    assert.equal(exported.sections.cv.fileName, "CV Awa Diallo.pdf");
    assert.equal(Buffer.from(exported.sections.cv.contentBase64, "base64").subarray(0, 5).toString(), "%PDF-");
    assert.deepEqual(exported.sections.consentements.map((c: { decision: string; givenBy: string }) => [c.decision, c.givenBy]), [["given", "candidate"]]);
    assert.doesNotMatch(text, /Bintou|Traoré|bintou|rue du Maroc|07 00 00 00 01/, "nothing of another person");
    assert.ok(!text.includes(otherId), "not even another person's id");
    assert.deepEqual(keysOf(exported).filter((k) => /password|hash|token|csrf|secret|session|code_?hash/i.test(k)), [], "no secret");
    assert.doesNotMatch(text, /\$argon2/, "no password hash");

    // 4b. Deleting the CV is asked first: the focus goes to the question; Escape and "Annuler" keep the CV.
    const cvDelete = cvSection.getByRole("button", { name: "Supprimer le CV", exact: true });
    await cvDelete.click();
    const cvDialog = page.getByRole("alertdialog", { name: "Supprimer le CV ?" });
    await cvDialog.getByText("Votre CV sera supprimé de Tremplin. Vous pourrez en déposer un autre.").waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute("role") === "alertdialog");
    await screenshot(page, "candidate-08b-cv-suppression-confirmation");
    await assertAccessible(page);
    await page.keyboard.press("Escape");
    await cvDialog.waitFor({ state: "detached" });
    await page.waitForFunction(() => document.activeElement?.textContent === "Supprimer le CV");
    await cvDelete.click();
    await cvDialog.getByRole("button", { name: "Annuler" }).click();
    await cvDialog.waitFor({ state: "detached" });
    await cvSection.getByText(/^CV Awa Diallo\.pdf/).waitFor();
    await cvDelete.click();
    await cvDialog.getByRole("button", { name: "Oui, supprimer le CV" }).click();
    await cvSection.getByText("CV supprimé.", { exact: true }).waitFor();
    await cvSection.getByText("Aucun CV enregistré.").waitFor();
    await page.waitForFunction(() => document.activeElement?.id === "candidate-status-cv");

    // 5. "Mes candidatures", from the user menu: none yet, and what to expect.
    await page.getByRole("button", { name: "Awa Diallo" }).first().click();
    await page.locator(".tremplin-menu__panel:visible").getByRole("link", { name: "Mes candidatures" }).click();
    await waitForTitle(page, "Mes candidatures — Tremplin");
    await page.getByText(/Vous n'avez pas encore de candidature\. Postulez depuis la page d'une offre d'emploi, ou demandez à votre conseiller ou conseillère de postuler pour vous/).waitFor();
    assert.equal(await page.getByRole("link", { name: "Chercher une offre d'emploi" }).getAttribute("href"), "/offres");
    await screenshot(page, "candidate-09-mes-candidatures");
    await assertAccessible(page);

    // 6. Erasure: asked, confirmed, said; she is signed out and her account is gone.
    await page.getByRole("button", { name: "Awa Diallo" }).first().click();
    await page.locator(".tremplin-menu__panel:visible").getByRole("link", { name: "Mon profil" }).click();
    await page.getByRole("button", { name: "Effacer les données" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Effacer définitivement les données ?" });
    await dialog.getByText(/ainsi que votre compte : vous ne pourrez plus vous connecter/).waitFor();
    await screenshot(page, "candidate-10-effacement-confirmation");
    await assertAccessible(page);
    await dialog.getByRole("button", { name: "Oui, effacer les données" }).click();
    await page.getByRole("heading", { level: 1, name: "Vos données ont été effacées" }).waitFor();
    await waitForTitle(page, "Vos données ont été effacées — Tremplin");
    assert.equal(new URL(page.url()).pathname, "/mon-profil/donnees-effacees");
    await page.getByRole("link", { name: "Se connecter" }).first().waitFor();
    const erased = await page.locator("main").innerText();
    assert.match(erased, /votre compte Tremplin ont été effacés, et vous avez été déconnecté·e/);
    assert.doesNotMatch(erased, /Awa|Diallo|Tanger|06 12/);
    assert.equal(await page.getByRole("button", { name: "Awa Diallo" }).count(), 0, "the header shows her signed out");
    assert.equal((await page.evaluate(() => fetch("/api/v1/auth/session").then((r) => r.json()))).authenticated, false);
    await screenshot(page, "candidate-11-effacee");
    await assertAccessible(page);

    // Signing back in no longer works: the account has no password any more.
    await page.getByRole("link", { name: "Se connecter" }).first().click();
    await page.getByLabel("Adresse électronique").fill(email);
    await page.locator("#signin-password").fill(password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByText("Adresse électronique ou mot de passe incorrect.").first().waitFor();
    await screenshot(page, "candidate-12-reconnexion-refusee");
    await assertAccessible(page);
    // Signing up again with the same address starts from nothing: no old data comes back.
    await page.goto(`${server.baseUrl}/inscription`);
    await page.getByRole("radio", { name: /Candidat·e/ }).check({ force: true });
    await page.getByLabel("Prénom et nom").fill("Awa Diallo");
    await page.locator("#signup-email").fill(email);
    await page.locator("#signup-password").fill(password);
    await page.getByRole("button", { name: "Créer mon compte" }).click();
    const again = /\b(\d{6})\b/.exec((await waitForMail(server.mailDir!, email, { seen: seenMails })).text)![1]!;
    await page.getByLabel("Code de vérification").fill(again);
    await page.getByRole("button", { name: "Confirmer" }).click();
    await page.getByRole("heading", { level: 1, name: "Créer mon profil" }).waitFor();
    assert.equal(await page.getByLabel("Téléphone").inputValue(), "");
    assert.equal(await page.getByLabel(/^Adresse postale/).inputValue(), "");
    assert.equal(await page.getByRole("button", { name: /^Retirer « / }).count(), 0);

    // Expected: the 404 of the profile not created yet (twice), the 400 of the forgotten agreement, the 415 of
    // the refused file, the 401 of the refused sign-in.
    assert.deepEqual(errors.filter((e) => !/status of (400|401|404|415)/.test(e)), []);
  });

  it("a counsellor erasing a profile sees the result above the anonymised profile, with the focus on it", async () => {
    const paul = await accountThroughApi("paul@ml.example", "Paul Conseiller", "professional");
    await paul.post("/api/v1/organisations", { kind: "ML", name: "Mission locale Paris Est", siret: "55208131766522" });
    await paul.refresh();
    const created = await paul.post("/api/v1/candidates", { firstName: "Chloé", lastName: "Martin", address: "5 rue de Tanger 75019 Paris", consent: true });
    const { page, errors } = await newPage(browser);
    await page.context().addCookies([{ name: "tremplin_session", value: paul.cookieValue, url: server.baseUrl }]);
    await page.goto(`${server.baseUrl}/candidats/${created.json.id}`);
    await page.getByRole("heading", { level: 1, name: "Profil de Chloé Martin" }).waitFor();
    assert.match(await page.locator("main").innerText(), /La personne peut obtenir une copie de ses données/);
    await page.getByRole("button", { name: "Effacer les données" }).click();
    await page.getByRole("alertdialog").getByText(/^L'identité, les coordonnées/).waitFor();
    await page.getByRole("button", { name: "Oui, effacer les données" }).click();
    await page.getByRole("heading", { level: 1, name: "Profil anonymisé", exact: true }).waitFor();
    await waitForTitle(page, "Profil anonymisé — Tremplin");
    await page.getByText("Les données ont été effacées.").waitFor();
    await page.waitForFunction(() => document.activeElement?.id === "candidate-status-rgpd");
    assert.match(await page.locator("main").innerText(), /En QPV : Stalingrad Riquet/i, "the statistics are kept");
    await screenshot(page, "candidate-13-effacement-par-conseiller");
    await assertAccessible(page);
    assert.deepEqual(errors, []);
  });
});
