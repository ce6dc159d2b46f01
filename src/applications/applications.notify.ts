// Turns notices (who is told of what) into rows of the mail outbox, in the
// caller's transaction: recipients resolved from current data, professionals
// filtered by their own settings, never the person who acted.
import type { AccountsDeps } from "../accounts/accounts.deps.ts";
import type { Executor } from "../server/transaction.ts";
import { type Notice, recipientsFor } from "./application-notifications.domain.ts";
import type { TransitionEntry } from "./application-states.domain.ts";
import { applicationMail, type MailFacts } from "./applications.mails.ts";
import { type ApplicationRow, membersWithSettings, type Recipient, settingsOf } from "./applications.queries.ts";

export const applicationLink = (publicUrl: string, id: string) => `${publicUrl}/candidatures/${id}`;

const factsOf = async (tx: Executor, application: ApplicationRow, publicUrl: string): Promise<{ facts: MailFacts; candidateEmail: string | null }> => {
  const candidate = await tx
    .selectFrom("candidates as c")
    .leftJoin("users as u", "u.id", "c.user_id")
    .select(["c.first_name", "c.last_name", "c.email", "c.anonymised_at", "u.email as account_email"])
    .where("c.id", "=", application.candidateId)
    .executeTakeFirstOrThrow();
  const employer = await tx.selectFrom("organisations").select("name").where("id", "=", application.employerOrganisationId).executeTakeFirstOrThrow();
  const offer = application.offerId ? await tx.selectFrom("offers").select("title").where("id", "=", application.offerId).executeTakeFirst() : undefined;
  const sender =
    application.senderKind === "prescriber" && application.senderOrganisationId
      ? await tx
          .selectFrom("organisations as o")
          .leftJoin("users as u", (join) => join.on("u.id", "=", application.senderUserId ?? "00000000-0000-0000-0000-000000000000"))
          .select(["o.name as organisation", "u.name as person"])
          .where("o.id", "=", application.senderOrganisationId)
          .executeTakeFirst()
      : undefined;
  const anonymised = candidate.anonymised_at !== null;
  return {
    facts: {
      candidateName: anonymised ? "une personne" : [candidate.first_name, candidate.last_name].filter(Boolean).join(" "),
      employerName: employer.name,
      offerTitle: offer?.title ?? null,
      senderName: sender ? [sender.person, sender.organisation].filter(Boolean).join(", ") : null,
      link: applicationLink(publicUrl, application.id),
    },
    candidateEmail: anonymised ? null : (candidate.email ?? candidate.account_email ?? null),
  };
};

export const enqueueNotices = async (
  tx: Executor,
  deps: Pick<AccountsDeps, "mailer" | "config">,
  application: ApplicationRow,
  notices: Notice[],
  extra: { actorUserId: string | null; entry?: TransitionEntry; message?: { body: string; author: string } },
): Promise<number> => {
  if (notices.length === 0) return 0;
  const { facts, candidateEmail } = await factsOf(tx, application, deps.config.publicUrl);
  const employerMembers: Recipient[] = notices.some((n) => n.audience === "employer_members") ? await membersWithSettings(tx, application.employerOrganisationId) : [];
  let sender: Recipient | null = null;
  if (notices.some((n) => n.audience === "sender") && application.senderUserId && application.senderOrganisationId) {
    const email = (await tx.selectFrom("users").select("email").where("id", "=", application.senderUserId).executeTakeFirst())?.email;
    if (email) sender = { userId: application.senderUserId, email, settings: await settingsOf(tx, application.senderUserId, application.senderOrganisationId) };
  }
  const entry = extra.entry;
  const allFacts: MailFacts = {
    ...facts,
    hiringStartAt: entry?.hiringStartAt ?? null,
    hiringEndAt: entry?.hiringEndAt ?? null,
    refusalReason: entry?.refusalReason ?? null,
    reasonShared: entry?.reasonSharedWithCandidate ?? null,
    answerToCandidate: entry?.answerToCandidate ?? null,
    answerToSender: entry?.answerToSender ?? null,
    messageBody: extra.message?.body ?? null,
    messageAuthor: extra.message?.author ?? null,
  };
  let written = 0;
  for (const notice of notices) {
    const to = recipientsFor(notice, { employerMembers, sender, candidateEmail, actorUserId: extra.actorUserId });
    // One message per recipient: professionals never see each other's addresses.
    for (const address of to) {
      await deps.mailer.enqueue(tx, address, applicationMail(notice.kind, notice.audience, allFacts));
      written += 1;
    }
  }
  return written;
};
