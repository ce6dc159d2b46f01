import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { changePasswordErrors } from "./my-account.domain.ts";

describe("Mon compte", () => {
  it("asks for the current password and applies the new-password rules of the reset page", () => {
    const good = { currentPassword: "l'ancien", newPassword: "un mot de passe solide", confirmation: "un mot de passe solide" };
    assert.deepEqual(changePasswordErrors(good), {});
    assert.deepEqual(changePasswordErrors({ currentPassword: "", newPassword: "", confirmation: "" }), {
      currentPassword: "Saisissez votre mot de passe actuel.",
      newPassword: "Le mot de passe doit contenir au moins 10 caractères.",
      confirmation: "Saisissez à nouveau le mot de passe pour le confirmer.",
    });
    assert.deepEqual(changePasswordErrors({ ...good, newPassword: "a".repeat(201), confirmation: "a".repeat(201) }), { newPassword: "Le mot de passe ne peut pas dépasser 200 caractères." });
    assert.deepEqual(changePasswordErrors({ ...good, confirmation: "un mot de passe solid" }), { confirmation: "Les deux mots de passe ne sont pas identiques." });
  });
});
