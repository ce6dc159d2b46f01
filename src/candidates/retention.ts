// The 2-year rule (RGPD): a profile without activity for 2 years is notified by
// mail, then anonymised once the notice period has passed without activity.
// Run by the server every hour (idempotent, any instance) and by
// `tremplin rgpd anonymise-inactive [--apply]` (dry-run by default).
import { recordAudit } from "../authorization/audit.queries.ts";
import type { Mailer } from "../mail/mailer.ts";
import type { Database } from "../server/db.ts";
import { runInTransaction } from "../server/transaction.ts";
import { retention, retentionCutoffs } from "./candidates.domain.ts";
import { recordChange } from "./candidates.queries.ts";
import { inactivityNoticeMail } from "./candidates.mail.ts";
import { anonymiseCandidate } from "./personal-data.ts";

export type RetentionReport = { toNotify: number; toAnonymise: number; notified: number; anonymised: number; applied: boolean };

const dueForNotice = (db: Database, now: Date) => {
  const { inactiveBefore } = retentionCutoffs(now);
  return db
    .selectFrom("candidates")
    .where("anonymised_at", "is", null)
    .where("last_activity_at", "<", inactiveBefore)
    .where((eb) => eb.or([eb("inactivity_notified_at", "is", null), eb("inactivity_notified_at", "<", eb.ref("last_activity_at"))]));
};

const dueForAnonymisation = (db: Database, now: Date) => {
  const { inactiveBefore, notifiedBefore } = retentionCutoffs(now);
  return db
    .selectFrom("candidates")
    .where("anonymised_at", "is", null)
    .where("last_activity_at", "<", inactiveBefore)
    .where("inactivity_notified_at", "is not", null)
    .where("inactivity_notified_at", ">=", (eb) => eb.ref("last_activity_at"))
    .where("inactivity_notified_at", "<=", notifiedBefore);
};

export const runRetention = async (deps: { db: Database; mailer: Mailer; publicUrl: string }, now: Date, options: { apply: boolean }): Promise<RetentionReport> => {
  const count = async (query: ReturnType<typeof dueForNotice>) => Number((await query.select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
  const report: RetentionReport = {
    toNotify: await count(dueForNotice(deps.db, now)),
    toAnonymise: await count(dueForAnonymisation(deps.db, now)),
    notified: 0,
    anonymised: 0,
    applied: options.apply,
  };
  if (!options.apply) return report;

  // Anonymise first: a profile notified in this very run must keep its whole notice period.
  for (const { id } of await dueForAnonymisation(deps.db, now).select("id").orderBy("id").execute()) {
    await runInTransaction(deps.db, async (tx) => {
      await anonymiseCandidate(tx, id, now);
      await recordChange(tx, id, { action: "anonymised", fields: [], byUserId: null, byOrganisationId: null, at: now });
      await recordAudit(tx, { actorUserId: null, organisationId: null, action: "candidate.anonymised", subjectType: "candidate", subjectId: id, details: { reason: "inactivity" }, at: now });
    });
    report.anonymised += 1;
  }
  const anonymiseOn = new Date(now.getTime() + retention.noticeMs);
  for (const row of await dueForNotice(deps.db, now).select(["id", "email", "first_name"]).orderBy("id").execute()) {
    await runInTransaction(deps.db, async (tx) => {
      if (row.email) await deps.mailer.enqueue(tx, row.email, inactivityNoticeMail({ firstName: row.first_name ?? "", anonymiseOn, link: `${deps.publicUrl}/mon-profil` }));
      await tx.updateTable("candidates").set({ inactivity_notified_at: now }).where("id", "=", row.id).execute();
      await recordChange(tx, row.id, { action: row.email ? "inactivity_notified" : "inactivity_noted_no_email", fields: [], byUserId: null, byOrganisationId: null, at: now });
    });
    report.notified += 1;
  }
  deps.mailer.afterCommit();
  return report;
};

/** Starts the hourly run in the server; returns the stop function. */
export const startRetentionSchedule = (deps: { db: Database; mailer: Mailer; publicUrl: string }, intervalMs = 60 * 60_000): (() => void) => {
  const run = () => {
    runRetention(deps, new Date(), { apply: true }).catch((error) => console.error("Anonymisation des profils inactifs impossible", error));
  };
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
};
