// Scheduled job on stale offers: an open offer not updated for 60 days is
// flagged to its employer's members (once per update), and closed after 90
// days — the closing is a status row by the platform (by_user_id null).
// Safe with several server instances: rows are claimed by UPDATE … RETURNING.
import { sql } from "kysely";
import { recordAudit } from "../authorization/audit.queries.ts";
import type { Mailer } from "../mail/mailer.ts";
import type { Database } from "../server/db.ts";
import { runInTransaction, type Tx } from "../server/transaction.ts";
import { autoCloseDate, expiredSince, staleSince } from "./offers.domain.ts";
import { offersAutoClosedMail, type OfferLine, staleOffersMail } from "./offers.mail.ts";

export type OfferHousekeepingDeps = { db: Database; mailer: Mailer; publicUrl: string };
export type OfferHousekeepingResult = { flagged: number; closed: number };

type Claimed = { id: string; organisation_id: string; title: string; updated_at: Date | string };

const byOrganisation = (rows: Claimed[]) => {
  const groups = new Map<string, Claimed[]>();
  for (const row of rows) groups.set(row.organisation_id, [...(groups.get(row.organisation_id) ?? []), row]);
  return groups;
};

const notify = async (
  tx: Tx,
  deps: OfferHousekeepingDeps,
  rows: Claimed[],
  build: (input: { organisationName: string; offers: OfferLine[]; listLink: string }) => ReturnType<typeof staleOffersMail>,
  withCloseDate: boolean,
) => {
  for (const [organisationId, offers] of byOrganisation(rows)) {
    const members = await tx
      .selectFrom("memberships as m")
      .innerJoin("users as u", "u.id", "m.user_id")
      .innerJoin("organisations as o", "o.id", "m.organisation_id")
      .select(["u.email", "o.name"])
      .where("m.organisation_id", "=", organisationId)
      .execute();
    if (!members.length) continue;
    const lines = offers.map((offer) => ({
      title: offer.title,
      link: `${deps.publicUrl}/mes-offres/${offer.id}/modifier`,
      ...(withCloseDate ? { closesOn: autoCloseDate(new Date(offer.updated_at)) } : {}),
    }));
    await deps.mailer.enqueue(tx, members.map((m) => m.email), build({ organisationName: members[0].name, offers: lines, listLink: `${deps.publicUrl}/mes-offres` }));
  }
};

export const runOfferHousekeeping = async (deps: OfferHousekeepingDeps, now: Date): Promise<OfferHousekeepingResult> => {
  const result = await runInTransaction(deps.db, async (tx) => {
    const { rows: closed } = await sql<Claimed>`
      update offers set status = 'closed'
      where status = 'open' and updated_at <= ${expiredSince(now)}
      returning id, organisation_id, title, updated_at`.execute(tx);
    for (const offer of closed) {
      await tx.insertInto("offer_status_changes").values({ offer_id: offer.id, status: "closed", reason: "stale", comment: null, by_user_id: null, at: now }).execute();
      await recordAudit(tx, { actorUserId: null, organisationId: offer.organisation_id, action: "offer.closed", subjectType: "offer", subjectId: offer.id, details: { reason: "stale" }, at: now });
    }
    await notify(tx, deps, closed, offersAutoClosedMail, false);

    const { rows: flagged } = await sql<Claimed>`
      update offers set stale_notified_at = ${now}
      where status = 'open' and updated_at <= ${staleSince(now)}
        and (stale_notified_at is null or stale_notified_at < updated_at)
      returning id, organisation_id, title, updated_at`.execute(tx);
    for (const offer of flagged) {
      await recordAudit(tx, { actorUserId: null, organisationId: offer.organisation_id, action: "offer.stale_flagged", subjectType: "offer", subjectId: offer.id, at: now });
    }
    await notify(tx, deps, flagged, staleOffersMail, true);
    return { flagged: flagged.length, closed: closed.length };
  });
  if (result.flagged || result.closed) deps.mailer.afterCommit();
  return result;
};
