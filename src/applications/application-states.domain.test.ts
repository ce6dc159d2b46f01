import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import fc from "fast-check";
import { addDays, addMonths, daysBetween, frenchDate, isLocalDate, type LocalDate, parisDate } from "./application-dates.domain.ts";
import { activeStates, type ActorKind, type ApplicationSnapshot, type ApplicationState, applicationStates, availableTransitions, canSend, canEditHiringDates, checkHiringDateEdit, editHiringDates, choosableRefusalReasons, isActive, obsoletedByHire, type RefusalReason, refusalReasons, replay, stateLabels, transition, type TransitionCommand, type TransitionEntry, type TransitionName, transitionNames } from "./application-states.domain.ts";
import { autoRefusal, employerVisibilityCutoff, isDueForAutoRefusal, visibleToEmployer } from "./application-deadlines.domain.ts";

// The official table, written a second time from IAE-RULES.md §3 (transition: from states → to).
const officialTable: Record<TransitionName, [string, ApplicationState]> = {
  process: ["new pool", "processing"],
  postpone: ["new pool processing prior_to_hire", "postponed"],
  accept: ["new pool processing postponed prior_to_hire obsolete refused cancelled", "accepted"],
  add_to_pool: ["new processing postponed cancelled obsolete", "pool"],
  move_to_prior_to_hire: ["new pool processing postponed obsolete refused cancelled", "prior_to_hire"],
  cancel_prior_to_hire: ["prior_to_hire", "processing"],
  refuse: ["new pool processing prior_to_hire postponed", "refused"],
  cancel: ["accepted", "cancelled"],
  render_obsolete: ["new processing postponed", "obsolete"],
};

const today = "2026-12-02";
const snapshot = (state: ApplicationState, senderKind: ApplicationSnapshot["senderKind"] = "prescriber"): ApplicationSnapshot => ({
  state,
  senderKind,
  hiringStartAt: null,
  hiringEndAt: null,
  refusalReason: null,
});

/** A valid command of each transition, taken by whoever may take it. */
const commandFor = (name: TransitionName): { command: TransitionCommand; actor: ActorKind } => {
  switch (name) {
    case "postpone":
      return { command: { transition: name, answer: "Entretien à reprogrammer en janvier." }, actor: "employer" };
    case "accept":
      return { command: { transition: name, hiringStartAt: "2026-12-14", hiringEndAt: null }, actor: "employer" };
    case "refuse":
      return { command: { transition: name, reason: "no_position", reasonSharedWithCandidate: true, answerToCandidate: "Merci." }, actor: "employer" };
    case "render_obsolete":
      return { command: { transition: name }, actor: "system" };
    default:
      return { command: { transition: name } as TransitionCommand, actor: "employer" };
  }
};

describe("application states", () => {
  // /work/shared from the main checkout (/work/main) or from a worktree (/work/wt/<name>).
  const referenceFile = ["../../../shared/", "../../../../shared/"]
    .map((base) => new URL(`${base}data/reference/job_application_states.json`, import.meta.url))
    .find((url) => existsSync(url)) ?? new URL("file:///nonexistent");
  it("matches the reference file's states and refusal reasons (workspace only)", { skip: !existsSync(referenceFile) }, () => {
    const reference = JSON.parse(readFileSync(referenceFile, "utf8"));
    assert.deepEqual(Object.keys(reference.states).sort(), [...applicationStates].sort());
    for (const state of applicationStates) assert.equal(stateLabels[state], reference.states[state]);
    assert.deepEqual(Object.keys(reference.refusal_reasons).sort(), Object.keys(refusalReasons).sort());
    for (const reason of choosableRefusalReasons) assert.equal(refusalReasons[reason], reference.refusal_reasons[reason]);
  });

  it("offers every reason but `auto` to employers", () => {
    assert.equal(choosableRefusalReasons.length, 13);
    assert.ok(!choosableRefusalReasons.includes("auto"));
  });

  describe("every (transition, state) pair", () => {
    for (const name of transitionNames) {
      for (const state of applicationStates) {
        const [from, to] = officialTable[name];
        const allowed = from.split(" ").includes(state);
        it(`${name} from ${state}: ${allowed ? `→ ${to}` : "invalid"}`, () => {
          const { command, actor } = commandFor(name);
          const outcome = transition(snapshot(state), command, { actor, employerKind: "GEIQ", today });
          if (allowed) {
            assert.ok(outcome.ok, JSON.stringify(outcome));
            assert.equal(outcome.application.state, to);
            assert.equal(outcome.entry.from, state);
            assert.equal(outcome.entry.to, to);
          } else {
            assert.deepEqual(outcome, { ok: false, error: "application.transition_not_allowed", params: { transition: name, state } });
          }
        });
      }
    }
  });

  it("lets only employers act; the platform alone renders obsolete and refuses automatically", () => {
    for (const actor of ["prescriber", "candidate"] as const) {
      for (const name of transitionNames) {
        const { command } = commandFor(name);
        const outcome = transition(snapshot("new"), command, { actor, employerKind: "GEIQ", today });
        if (officialTable[name][0].split(" ").includes("new")) assert.equal(outcome.ok ? "ok" : outcome.error, "application.actor_not_allowed", `${actor} ${name}`);
      }
      assert.deepEqual(availableTransitions({ state: "new" }, { actor, employerKind: "ACI" }), []);
    }
    assert.equal((transition(snapshot("new"), { transition: "render_obsolete" }, { actor: "employer", employerKind: "ACI", today }) as { error: string }).error, "application.actor_not_allowed");
    assert.deepEqual(availableTransitions({ state: "new" }, { actor: "system", employerKind: "ACI" }), ["refuse", "render_obsolete"]);
    assert.deepEqual(availableTransitions({ state: "new" }, { actor: "employer", employerKind: "ACI" }), ["process", "postpone", "accept", "add_to_pool", "refuse"]);
    assert.deepEqual(availableTransitions({ state: "accepted" }, { actor: "employer", employerKind: "EI" }), ["cancel"]);
  });

  it("keeps prior actions to GEIQ", () => {
    const outcome = transition(snapshot("processing"), { transition: "move_to_prior_to_hire" }, { actor: "employer", employerKind: "ACI", today });
    assert.deepEqual(outcome, { ok: false, error: "application.geiq_only", params: undefined });
    assert.ok(availableTransitions({ state: "processing" }, { actor: "employer", employerKind: "GEIQ" }).includes("move_to_prior_to_hire"));
  });

  it("reserves the reason `auto` to the platform, and the platform to `auto`", () => {
    const employer = transition(snapshot("new"), { ...autoRefusal }, { actor: "employer", employerKind: "EI", today });
    assert.equal(employer.ok ? "ok" : employer.error, "application.refusal_reason_reserved");
    const system = transition(snapshot("new"), { transition: "refuse", reason: "other", reasonSharedWithCandidate: true }, { actor: "system", employerKind: "EI", today });
    assert.equal(system.ok ? "ok" : system.error, "application.refusal_reason_reserved");
    const auto = transition(snapshot("processing"), autoRefusal, { actor: "system", employerKind: "EI", today });
    assert.ok(auto.ok);
    assert.equal(auto.entry.refusalReason, "auto");
    assert.equal(auto.entry.reasonSharedWithCandidate, true);
    assert.match(auto.entry.answerToCandidate ?? "", /60 jours/);
  });

  it("requires a comment to postpone; keeps both refusal messages; drops the counsellor's when no counsellor sent it", () => {
    const silent = transition(snapshot("new"), { transition: "postpone", answer: "   " }, { actor: "employer", employerKind: "EI", today });
    assert.equal(silent.ok ? "ok" : silent.error, "application.postpone_answer_required");
    const refuse: TransitionCommand = { transition: "refuse", reason: "lacking_skills", reasonSharedWithCandidate: false, answerToCandidate: " Merci de votre intérêt. ", answerToSender: "Manque le CACES." };
    const fromCounsellor = transition(snapshot("new", "prescriber"), refuse, { actor: "employer", employerKind: "EI", today });
    assert.ok(fromCounsellor.ok);
    assert.deepEqual([fromCounsellor.entry.answerToCandidate, fromCounsellor.entry.answerToSender, fromCounsellor.entry.reasonSharedWithCandidate], ["Merci de votre intérêt.", "Manque le CACES.", false]);
    assert.equal(fromCounsellor.application.refusalReason, "lacking_skills");
    const fromCandidate = transition(snapshot("new", "candidate"), refuse, { actor: "employer", employerKind: "EI", today });
    assert.ok(fromCandidate.ok);
    assert.equal(fromCandidate.entry.answerToSender, null);
    const long = transition(snapshot("new"), { ...refuse, answerToCandidate: "x".repeat(3001) } as TransitionCommand, { actor: "employer", employerKind: "EI", today });
    assert.equal(long.ok ? "ok" : long.error, "application.answer_too_long");
  });

  describe("acceptance dates", () => {
    const accept = (start: LocalDate, end: LocalDate | null = null, employerKind = "ACI", day = today) =>
      transition(snapshot("processing"), { transition: "accept", hiringStartAt: start, hiringEndAt: end }, { actor: "employer", employerKind, today: day });
    const error = (outcome: ReturnType<typeof accept>) => (outcome.ok ? "ok" : outcome.error);

    it("accepts today, refuses yesterday (a GEIQ may backdate)", () => {
      assert.equal(error(accept(today)), "ok");
      assert.equal(error(accept("2026-12-01")), "application.hiring_start_in_past");
      assert.equal(error(accept("2026-12-01", null, "GEIQ")), "ok");
    });
    it("allows up to 6 calendar months ahead, day clamped to the month's end", () => {
      assert.equal(error(accept("2027-06-02")), "ok");
      assert.equal(error(accept("2027-06-03")), "application.hiring_start_too_far");
      // 31/08 + 6 months = 28/02 (29/02 in a leap year).
      assert.equal(error(accept("2027-02-28", null, "ACI", "2026-08-31")), "ok");
      assert.equal(error(accept("2027-03-01", null, "ACI", "2026-08-31")), "application.hiring_start_too_far");
      assert.equal(error(accept("2028-02-29", null, "ACI", "2027-08-31")), "ok");
      assert.equal(error(accept("2028-03-01", null, "ACI", "2027-08-31")), "application.hiring_start_too_far");
    });
    it("takes an optional end date not before the start (same day allowed)", () => {
      assert.equal(error(accept("2026-12-14", "2026-12-14")), "ok");
      assert.equal(error(accept("2026-12-14", "2026-12-13")), "application.hiring_end_before_start");
      const outcome = accept("2026-12-14", "2027-06-13");
      assert.ok(outcome.ok);
      assert.deepEqual([outcome.application.hiringStartAt, outcome.application.hiringEndAt], ["2026-12-14", "2027-06-13"]);
    });
    it("clears the hire dates when the hire is cancelled", () => {
      const accepted = accept("2026-12-14");
      assert.ok(accepted.ok);
      const cancelled = transition(accepted.application, { transition: "cancel" }, { actor: "employer", employerKind: "ACI", today });
      assert.ok(cancelled.ok);
      assert.deepEqual([cancelled.application.state, cancelled.application.hiringStartAt], ["cancelled", null]);
    });
    it("lets the start be moved once accepted: not started, within 30 days", () => {
      const accepted = { state: "accepted" as const, hiringStartAt: "2026-12-10" };
      assert.equal(checkHiringDateEdit(accepted, "2027-01-01", null, today), null);
      assert.equal(checkHiringDateEdit(accepted, "2027-01-02", null, today), "application.hiring_postpone_too_far");
      assert.equal(checkHiringDateEdit(accepted, "2026-12-01", null, today), "application.hiring_start_in_past");
      assert.equal(checkHiringDateEdit({ state: "accepted", hiringStartAt: today }, "2026-12-20", null, today), "application.hire_started");
      assert.equal(checkHiringDateEdit({ state: "refused", hiringStartAt: null }, "2026-12-20", null, today), "application.transition_not_allowed");
      assert.equal(checkHiringDateEdit(accepted, "2026-12-20", "2026-12-19", today), "application.hiring_end_before_start");
    });
    it("moves the dates as a log row that keeps the state, which replays; not on an application that is not a hire", () => {
      const hired = accept("2026-12-14");
      assert.ok(hired.ok);
      assert.equal(canEditHiringDates(hired.application, today), true);
      assert.equal(canEditHiringDates({ state: "accepted", hiringStartAt: today }, today), false, "started today");
      const moved = editHiringDates(hired.application, { hiringStartAt: "2026-12-21", hiringEndAt: null }, today);
      assert.ok(moved.ok);
      assert.deepEqual([moved.application.state, moved.application.hiringStartAt, moved.entry.transition, moved.entry.from, moved.entry.to], ["accepted", "2026-12-21", "edit_hiring_dates", "accepted", "accepted"]);
      const processed = { transition: "process" as const, from: "new" as const, to: "processing" as const };
      assert.equal(replay([processed, hired.entry, moved.entry]), "accepted");
      assert.throws(() => replay([moved.entry]), /dates moved/);
      const postponed = { ...hired.application, state: "postponed" as const };
      const refused = editHiringDates(postponed, { hiringStartAt: "2026-12-21", hiringEndAt: null }, today);
      assert.deepEqual(refused, { ok: false, error: "application.transition_not_allowed", params: undefined });
    });
  });

  describe("hire, duplicates, automatic refusal, visibility", () => {
    it("renders the person's other pending applications obsolete on hire, not the others", () => {
      const others = applicationStates.map((state, i) => ({ id: `a${i}`, state }));
      const ids = obsoletedByHire({ id: "a0" }, others);
      assert.deepEqual(ids.map((id) => others.find((o) => o.id === id)!.state), ["processing", "postponed"], "a0 (new) is the hired one");
    });
    it("refuses a second active application to the same offer, and reviving one beside an active one", () => {
      assert.equal(canSend([]), true);
      assert.equal(canSend(["refused", "cancelled", "obsolete"]), true);
      for (const state of activeStates) assert.equal(canSend(["refused", state]), false, state);
      const revive = transition(snapshot("refused"), { transition: "accept", hiringStartAt: today }, { actor: "employer", employerKind: "EI", today, otherActiveToSameOffer: true });
      assert.equal(revive.ok ? "ok" : revive.error, "application.already_active");
      const moveWithin = transition(snapshot("new"), { transition: "process" }, { actor: "employer", employerKind: "EI", today, otherActiveToSameOffer: true });
      assert.ok(moveWithin.ok, "an already active application may move on");
    });
    it("auto-refuses new and processing applications untouched for 60 days to the millisecond, never postponed ones", () => {
      const now = new Date("2026-12-02T08:00:00Z");
      const sixtyDays = new Date("2026-10-03T08:00:00Z");
      assert.equal(isDueForAutoRefusal({ state: "new", updatedAt: sixtyDays }, now), true);
      assert.equal(isDueForAutoRefusal({ state: "processing", updatedAt: sixtyDays }, now), true);
      assert.equal(isDueForAutoRefusal({ state: "new", updatedAt: new Date(sixtyDays.getTime() + 1) }, now), false);
      for (const state of applicationStates.filter((s) => s !== "new" && s !== "processing")) {
        assert.equal(isDueForAutoRefusal({ state, updatedAt: new Date("2020-01-01T00:00:00Z") }, now), false, state);
      }
    });
    it("shows employers applications of less than 730 days, and accepted ones of any age", () => {
      const now = new Date("2026-12-02T08:00:00Z");
      const cutoff = employerVisibilityCutoff(now);
      assert.equal(cutoff.toISOString(), "2024-12-02T08:00:00.000Z");
      assert.equal(visibleToEmployer({ state: "refused", createdAt: cutoff }, now), true);
      assert.equal(visibleToEmployer({ state: "refused", createdAt: new Date(cutoff.getTime() - 1) }, now), false);
      assert.equal(visibleToEmployer({ state: "accepted", createdAt: new Date("2015-01-01") }, now), true);
    });
  });

  describe("properties", () => {
    const actors: ActorKind[] = ["employer", "prescriber", "candidate", "system"];
    const dates = fc.integer({ min: -40, max: 220 }).map((offset) => addDays(today, offset));
    const reason = fc.constantFrom(...(Object.keys(refusalReasons) as RefusalReason[]));
    const command: fc.Arbitrary<TransitionCommand> = fc.oneof(
      fc.constant({ transition: "process" } as const),
      fc.string({ maxLength: 5 }).map((answer) => ({ transition: "postpone", answer }) as const),
      fc.tuple(dates, fc.option(dates)).map(([hiringStartAt, hiringEndAt]) => ({ transition: "accept", hiringStartAt, hiringEndAt }) as const),
      fc.constant({ transition: "add_to_pool" } as const),
      fc.constant({ transition: "move_to_prior_to_hire" } as const),
      fc.constant({ transition: "cancel_prior_to_hire" } as const),
      fc.tuple(reason, fc.boolean()).map(([r, shared]) => ({ transition: "refuse", reason: r, reasonSharedWithCandidate: shared }) as const),
      fc.constant({ transition: "cancel" } as const),
      fc.constant({ transition: "render_obsolete" } as const),
    );
    const step = fc.record({
      command,
      actor: fc.constantFrom(...actors),
      employerKind: fc.constantFrom("GEIQ", "ACI", "entreprise"),
      otherActive: fc.boolean(),
    });

    const run = (steps: { command: TransitionCommand; actor: ActorKind; employerKind: string; otherActive: boolean }[], senderKind: ApplicationSnapshot["senderKind"]) => {
      let application = snapshot("new", senderKind);
      const log: TransitionEntry[] = [];
      for (const s of steps) {
        const outcome = transition(application, s.command, { actor: s.actor, employerKind: s.employerKind, today, otherActiveToSameOffer: s.otherActive });
        if (!outcome.ok) {
          continue;
        }
        application = outcome.application;
        log.push(outcome.entry);
      }
      return { application, log };
    };

    it("no sequence of actions reaches an invalid state; state-only fields stay coherent", () => {
      fc.assert(
        fc.property(fc.array(step, { maxLength: 40 }), fc.constantFrom("prescriber", "candidate", "employer" as const), (steps, senderKind) => {
          const { application, log } = run(steps, senderKind);
          assert.ok(applicationStates.includes(application.state));
          assert.equal(application.refusalReason !== null, application.state === "refused", "a reason exactly when refused");
          if (application.state === "accepted") assert.ok(application.hiringStartAt !== null, "an accepted application has a start date");
          if (application.state === "cancelled") assert.equal(application.hiringStartAt, null);
          for (const entry of log) {
            assert.ok(entry.actor === "employer" || entry.actor === "system", "counsellors and candidates never move an application");
            if (entry.transition === "render_obsolete") assert.equal(entry.actor, "system");
            if (entry.refusalReason === "auto") assert.equal(entry.actor, "system");
            if (entry.hiringStartAt) {
              assert.ok(entry.hiringStartAt <= addMonths(today, 6));
              if (entry.hiringEndAt) assert.ok(entry.hiringEndAt >= entry.hiringStartAt);
            }
            if (senderKind !== "prescriber") assert.equal(entry.answerToSender, null);
          }
        }),
        { numRuns: 500 },
      );
    });

    it("the transitions log replays to the current state", () => {
      fc.assert(
        fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
          const { application, log } = run(steps, "prescriber");
          assert.equal(replay(log), application.state);
        }),
        { numRuns: 500 },
      );
    });

    it("a refused step changes nothing, and replay refuses a log with a gap", () => {
      fc.assert(
        fc.property(fc.constantFrom(...applicationStates), step, (state, s) => {
          const before = snapshot(state);
          const outcome = transition(before, s.command, { actor: s.actor, employerKind: s.employerKind, today, otherActiveToSameOffer: s.otherActive });
          assert.deepEqual(before, snapshot(state), "the input is never mutated");
          if (outcome.ok) assert.equal(outcome.entry.from, state);
        }),
      );
      assert.throws(() => replay([{ transition: "cancel", from: "accepted", to: "cancelled" }]), /does not follow state new/);
      assert.throws(() => replay([{ transition: "process", from: "new", to: "refused" }]));
    });

    it("never holds two active applications of one person to one offer", () => {
      // Several applications of the same person to one offer, driven at random; sending checks canSend.
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.nat(3), step, fc.boolean()), { maxLength: 60 }), (moves) => {
          const apps: ApplicationSnapshot[] = [];
          for (const [pick, s, send] of moves) {
            if (send || apps.length === 0) {
              if (canSend(apps.map((a) => a.state))) apps.push(snapshot("new"));
              continue;
            }
            const index = pick % apps.length;
            const others = apps.filter((_, i) => i !== index);
            const outcome = transition(apps[index], s.command, { actor: s.actor, employerKind: s.employerKind, today, otherActiveToSameOffer: others.some((a) => isActive(a.state)) });
            if (outcome.ok) apps[index] = outcome.application;
            assert.ok(apps.filter((a) => isActive(a.state)).length <= 1);
          }
        }),
        { numRuns: 300 },
      );
    });
  });
});

describe("calendar dates (Europe/Paris, relativedelta)", () => {
  it("takes the Paris calendar day of an instant", () => {
    assert.equal(parisDate(new Date("2026-12-01T23:30:00Z")), "2026-12-02", "00:30 in Paris (winter, UTC+1)");
    assert.equal(parisDate(new Date("2026-06-30T21:59:00Z")), "2026-06-30", "23:59 in Paris (summer, UTC+2)");
    assert.equal(parisDate(new Date("2026-06-30T22:00:00Z")), "2026-07-01");
  });
  it("adds calendar months with the day clamped, and plain days", () => {
    assert.equal(addMonths("2026-08-31", 6), "2027-02-28");
    assert.equal(addMonths("2027-08-31", 6), "2028-02-29");
    assert.equal(addMonths("2026-12-02", 6), "2027-06-02");
    assert.equal(addMonths("2026-01-31", 1), "2026-02-28");
    assert.equal(addMonths("2026-03-31", -1), "2026-02-28");
    assert.equal(addDays("2026-12-02", 30), "2027-01-01");
    assert.equal(addDays("2028-02-28", 1), "2028-02-29");
    assert.equal(daysBetween("2026-12-02", "2027-01-01"), 30);
    assert.equal(frenchDate("2027-03-01"), "01/03/2027");
  });
  it("recognises real calendar days only", () => {
    assert.equal(isLocalDate("2028-02-29"), true);
    assert.equal(isLocalDate("2027-02-29"), false);
    assert.equal(isLocalDate("2027-13-01"), false);
    assert.equal(isLocalDate("02/03/2027"), false);
  });
  it("months then back never moves a day forward (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 1, max: 36 }), (offset, months) => {
        const date = addDays("2000-01-01", offset);
        const there = addMonths(date, months);
        assert.ok(addMonths(there, -months) <= date);
        assert.ok(isLocalDate(there));
        assert.equal(addDays(addDays(date, months), -months), date);
      }),
    );
  });
});
