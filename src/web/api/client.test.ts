import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ApiError, fieldErrors, requestHeaders } from "./client.ts";

describe("web API client", () => {
  it("sends the CSRF token on unsafe methods only", () => {
    assert.deepEqual(requestHeaders("GET", undefined, "tok"), { accept: "application/json" });
    assert.deepEqual(requestHeaders(undefined, undefined, "tok"), { accept: "application/json" });
    for (const method of ["POST", "PUT", "PATCH", "DELETE", "post"]) {
      assert.equal(requestHeaders(method, undefined, "tok")["x-csrf-token"], "tok", method);
    }
    assert.equal(requestHeaders("POST", undefined, null)["x-csrf-token"], undefined, "no session, no token");
    assert.equal(requestHeaders("POST", { "content-type": "application/json" }, "tok")["content-type"], "application/json");
  });

  it("maps a 400 answer to a French message per body field", () => {
    const error = new ApiError("validation", "Requête invalide", 400, [
      { field: "body.email", message: "Adresse électronique invalide." },
      { field: "body.password", message: "Le mot de passe doit contenir au moins 10 caractères." },
      { field: "body.email", message: "second message ignored" },
      { nonsense: true },
    ]);
    assert.deepEqual(fieldErrors(error), { email: "Adresse électronique invalide.", password: "Le mot de passe doit contenir au moins 10 caractères." });
    assert.deepEqual(fieldErrors(new Error("x")), {});
  });
});
