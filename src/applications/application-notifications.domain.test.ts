import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { type ApplicationEvent, noticesFor, notificationKinds, notificationKindsFor, recipientsFor, wantsNotice } from "./application-notifications.domain.ts";
import { senderKinds, transitionNames } from "./application-states.domain.ts";

const show = (event: ApplicationEvent, senderKind: (typeof senderKinds)[number]) =>
  noticesFor(event, senderKind).map((n) => `${n.audience}:${n.kind}`);

describe("notification rules", () => {
  it("tells the employer's members of a new application, and confirms to the candidate and the counsellor", () => {
    assert.deepEqual(show({ kind: "sent" }, "prescriber"), ["employer_members:application_received", "candidate:application_sent", "sender:application_sent"]);
    assert.deepEqual(show({ kind: "sent" }, "candidate"), ["employer_members:application_received", "candidate:application_sent"]);
    assert.deepEqual(show({ kind: "sent" }, "employer"), [], "a hire recorded by the employer itself");
  });

  it("tells the candidate and the counsellor of each answer; only the counsellor of a cancelled hire", () => {
    const expected: Record<string, string[]> = {
      accept: ["candidate:application_accepted", "sender:application_accepted"],
      refuse: ["candidate:application_refused", "sender:application_refused"],
      postpone: ["candidate:application_postponed", "sender:application_postponed"],
      add_to_pool: ["candidate:application_pooled", "sender:application_pooled"],
      cancel: ["sender:hire_cancelled"],
    };
    for (const transition of transitionNames) {
      assert.deepEqual(show({ kind: "transition", transition }, "prescriber"), expected[transition] ?? [], transition);
      assert.deepEqual(
        show({ kind: "transition", transition }, "candidate"),
        (expected[transition] ?? []).filter((n) => n.startsWith("candidate")),
        `${transition} without counsellor`,
      );
    }
  });

  it("does not tell the counsellor of an automatic refusal (the candidate is told)", () => {
    assert.deepEqual(show({ kind: "transition", transition: "refuse", refusalReason: "auto" }, "prescriber"), ["candidate:application_refused"]);
  });

  it("routes messages to the other side, only between an employer and a counsellor", () => {
    assert.deepEqual(show({ kind: "message", from: "employer" }, "prescriber"), ["sender:message_received"]);
    assert.deepEqual(show({ kind: "message", from: "prescriber" }, "prescriber"), ["employer_members:message_received"]);
    assert.deepEqual(show({ kind: "message", from: "employer" }, "candidate"), []);
  });

  it("lists the settings of each family, every kind covered", () => {
    const covered = new Set([...notificationKindsFor("employer"), ...notificationKindsFor("prescriber")]);
    assert.deepEqual([...covered].sort(), [...notificationKinds].sort());
  });

  it("filters professionals by their settings and never writes to the person who acted", () => {
    const people = {
      employerMembers: [
        { userId: "e1", email: "e1@x.fr", settings: {} },
        { userId: "e2", email: "e2@x.fr", settings: { application_received: false } },
        { userId: "e3", email: "e3@x.fr", settings: { application_received: true } },
      ],
      sender: { userId: "p1", email: "p1@x.fr", settings: { application_accepted: false } },
      candidateEmail: "c@x.fr",
      actorUserId: "e3",
    };
    assert.deepEqual(recipientsFor({ audience: "employer_members", kind: "application_received" }, people), ["e1@x.fr"]);
    assert.deepEqual(recipientsFor({ audience: "sender", kind: "application_accepted" }, people), []);
    assert.deepEqual(recipientsFor({ audience: "sender", kind: "application_refused" }, people), ["p1@x.fr"]);
    assert.deepEqual(recipientsFor({ audience: "candidate", kind: "application_refused" }, people), ["c@x.fr"]);
    assert.deepEqual(recipientsFor({ audience: "candidate", kind: "application_refused" }, { ...people, candidateEmail: null }), []);
    assert.deepEqual(recipientsFor({ audience: "sender", kind: "application_refused" }, { ...people, actorUserId: "p1" }), []);
    assert.deepEqual(recipientsFor({ audience: "sender", kind: "application_sent" }, { ...people, actorUserId: "p1" }), ["p1@x.fr"], "the confirmation of one's own send");
  });

  it("is on by default for every kind, off only when switched off (property)", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...notificationKinds), fc.boolean()), fc.constantFrom(...notificationKinds), (settings, kind) => {
        assert.equal(wantsNotice(settings, kind), settings[kind] !== false);
      }),
    );
  });
});
