import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type Action, type Actor, actions, authorize, decide, type Resource, type Role, resources, roleOf, roles } from "./authorization.domain.ts";

// The matrix written a second time, independently: per role, per resource, the
// rules for read/create/update/delete/manage (A allowed, O own organisation, S self, - denied).
const expected: Record<Role, Record<Resource, string>> = {
  anonymous:         { organisation: "-----", membership: "-----", invitation: "-----", offer: "A----", candidate: "-----", application: "-----", score_report: "-----", api_key: "-----", audit_log: "-----" },
  candidate:         { organisation: "-----", membership: "-----", invitation: "-----", offer: "A----", candidate: "SSSS-", application: "SSS--", score_report: "-----", api_key: "-----", audit_log: "-----" },
  professional:      { organisation: "-A---", membership: "-----", invitation: "-----", offer: "A----", candidate: "-----", application: "-----", score_report: "-----", api_key: "-----", audit_log: "-----" },
  prescriber_member: { organisation: "OA---", membership: "O--S-", invitation: "-----", offer: "A----", candidate: "OOOO-", application: "OOO--", score_report: "-----", api_key: "-----", audit_log: "-----" },
  prescriber_admin:  { organisation: "OAO--", membership: "OOOO-", invitation: "OO-O-", offer: "A----", candidate: "OOOO-", application: "OOO--", score_report: "-----", api_key: "OO-O-", audit_log: "O----" },
  employer_member:   { organisation: "OA---", membership: "O--S-", invitation: "-----", offer: "AOO--", candidate: "OO---", application: "OOO--", score_report: "OO---", api_key: "-----", audit_log: "-----" },
  employer_admin:    { organisation: "OAO--", membership: "OOOO-", invitation: "OO-O-", offer: "AOOO-", candidate: "OO---", application: "OOO--", score_report: "OO-O-", api_key: "OO-O-", audit_log: "O----" },
  operator_member:   { organisation: "OA---", membership: "O--S-", invitation: "-----", offer: "A----", candidate: "-----", application: "-----", score_report: "-----", api_key: "-----", audit_log: "-----" },
  operator_admin:    { organisation: "OAO--", membership: "OOOO-", invitation: "OO-O-", offer: "A----", candidate: "-----", application: "-----", score_report: "-----", api_key: "OO-O-", audit_log: "O----" },
  platform_admin:    { organisation: "AAAAA", membership: "A--AA", invitation: "A--A-", offer: "A---A", candidate: "-----", application: "-----", score_report: "-----", api_key: "A--A-", audit_log: "A----" },
};

const actorFor = (role: Role, organisationId: string | null = "org-1"): Actor | null =>
  role === "anonymous"
    ? null
    : { userId: "u-1", kind: role === "candidate" ? "candidate" : role === "platform_admin" ? "admin" : "professional", organisationId, role, authorizedPrescriber: false };

const ownOrganisation = { organisationIds: ["org-9", "org-1"], ownerUserId: "u-2" };
const otherOrganisation = { organisationIds: ["org-2"], ownerUserId: "u-2" };
const self = { organisationIds: ["org-2"], ownerUserId: "u-1" };
const nothing = {};

describe("authorisation matrix", () => {
  for (const role of roles) {
    for (const resource of resources) {
      actions.forEach((action: Action, index) => {
        const rule = expected[role][resource][index];
        it(`${role} ${action} ${resource}: ${rule}`, () => {
          const actor = actorFor(role);
          const verdicts = [ownOrganisation, otherOrganisation, self, nothing].map((context) => authorize(actor, action, resource, context));
          if (rule === "A") assert.deepEqual(verdicts, [true, true, true, true]);
          if (rule === "-") assert.deepEqual(verdicts, [false, false, false, false]);
          if (rule === "O") {
            assert.deepEqual(verdicts, [true, false, false, false]);
            assert.equal(authorize(actorFor(role, null), action, resource, { organisationIds: [null] }), false, "no acting organisation");
          }
          if (rule === "S") assert.deepEqual(verdicts, [false, false, true, false]);
          if (rule !== "A") {
            const reason = decide(actor, action, resource, otherOrganisation);
            assert.deepEqual(reason, { allowed: false, reason: rule === "-" ? "role" : "not_owner" });
          }
        });
      });
    }
  }

  it("maps people to roles", () => {
    assert.equal(roleOf("admin", null), "platform_admin");
    assert.equal(roleOf("candidate", null), "candidate");
    assert.equal(roleOf("professional", null), "professional");
    assert.equal(roleOf("professional", { family: "prescriber", membershipRole: "admin" }), "prescriber_admin");
    assert.equal(roleOf("professional", { family: "employer", membershipRole: "member" }), "employer_member");
    assert.equal(roleOf("professional", { family: "operator", membershipRole: "member" }), "operator_member");
  });
});
