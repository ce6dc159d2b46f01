import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { emailError, looksLikeEmail, newPasswordErrors, passwordRuleError, tokenFromLink } from "./password-reset.domain.ts";

const token = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde";

describe("password reset pages", () => {
  it("applies the server's password rule, for sign-up too: 10 to 200 characters", () => {
    assert.match(passwordRuleError("court")!, /au moins 10/);
    assert.equal(passwordRuleError("une phrase de passe"), undefined);
    assert.match(passwordRuleError("x".repeat(201))!, /200/);
  });
  it("reads the token of the e-mailed link from the fragment, tolerating the query string", () => {
    assert.equal(token.length, 43);
    assert.equal(tokenFromLink(`#jeton=${token}`), token);
    assert.equal(tokenFromLink("", `?jeton=${token}`), token);
    assert.equal(tokenFromLink(`#autre=1&jeton=${token}`), token);
    assert.equal(tokenFromLink(`#jeton=${token.slice(0, 30)}`), null, "a link cut by the mail client");
    assert.equal(tokenFromLink("#jeton=<script>"), null);
    assert.equal(tokenFromLink(""), null);
  });

  it("checks the e-mail address before asking the server", () => {
    assert.equal(emailError(""), "Saisissez votre adresse électronique.");
    assert.equal(emailError("   "), "Saisissez votre adresse électronique.");
    assert.match(emailError("nadia")!, /invalide/);
    assert.match(emailError("nadia@example")!, /invalide/);
    assert.equal(emailError(" nadia@example.org "), undefined);
    assert.equal(looksLikeEmail("a b@example.org"), false);
    assert.match(emailError(`${"a".repeat(250)}@example.org`)!, /invalide/);
  });

  it("applies the sign-up rules to the new password and asks for the same confirmation", () => {
    assert.deepEqual(newPasswordErrors({ password: "un mot de passe solide", confirmation: "un mot de passe solide" }), {});
    assert.deepEqual(newPasswordErrors({ password: "court", confirmation: "court" }), { password: "Le mot de passe doit contenir au moins 10 caractères." });
    assert.deepEqual(newPasswordErrors({ password: "a".repeat(201), confirmation: "a".repeat(201) }), { password: "Le mot de passe ne peut pas dépasser 200 caractères." });
    assert.deepEqual(newPasswordErrors({ password: "un mot de passe solide", confirmation: "" }), { confirmation: "Saisissez à nouveau le mot de passe pour le confirmer." });
    assert.deepEqual(newPasswordErrors({ password: "un mot de passe solide", confirmation: "un mot de passe solid" }), { confirmation: "Les deux mots de passe ne sont pas identiques." });
    assert.equal(Object.keys(newPasswordErrors({ password: "a".repeat(10), confirmation: "a".repeat(10) })).length, 0, "10 characters are enough");
  });
});
