// RGPD section of applications (registered in src/candidates/personal-data.ts):
// the export lists the person's applications with their history, the answers
// written to them and to their counsellor, and the messages exchanged about
// them; erasure blanks every free text (motivation, answers, messages) and
// keeps states, dates and reasons for statistics.
import type { PersonalDataSection } from "../candidates/personal-data.ts";
import { historyEventLabels, refusalReasons, type RefusalReason, senderKindLabels, type SenderKind, stateLabels, type ApplicationState } from "./application-states.domain.ts";
import { listMessages, listTransitions } from "./applications.queries.ts";

export const applicationsPersonalData: PersonalDataSection = {
  name: "candidatures",
  async export(db, candidateId) {
    const rows = await db
      .selectFrom("applications as a")
      .innerJoin("organisations as e", "e.id", "a.employer_organisation_id")
      .leftJoin("organisations as s", "s.id", "a.sender_organisation_id")
      .leftJoin("offers as o", "o.id", "a.offer_id")
      .select(["a.id", "a.state", "a.sender_kind", "a.message", "a.created_at", "e.name as employer", "s.name as sender_organisation", "o.title as offer"])
      .where("a.candidate_id", "=", candidateId)
      .orderBy("a.created_at")
      .execute();
    const applications = [];
    for (const row of rows) {
      const [transitions, messages] = await Promise.all([listTransitions(db, row.id), listMessages(db, row.id)]);
      applications.push({
        id: row.id,
        employer: row.employer,
        offer: row.offer,
        sentBy: row.sender_kind,
        sentByLabel: senderKindLabels[row.sender_kind as SenderKind] ?? row.sender_kind,
        senderOrganisation: row.sender_organisation,
        state: stateLabels[row.state as ApplicationState],
        message: row.message,
        createdAt: new Date(row.created_at).toISOString(),
        history: transitions.map((t) => ({
          at: t.at.toISOString(),
          event: historyEventLabels[t.transition],
          from: stateLabels[t.from],
          to: stateLabels[t.to],
          refusalReason: t.refusalReason ? refusalReasons[t.refusalReason as RefusalReason] : null,
          answerToCandidate: t.answerToCandidate,
          answerToCounsellor: t.answerToSender,
          hiringStartAt: t.hiringStartAt,
          hiringEndAt: t.hiringEndAt,
        })),
        messages: messages.map((m) => ({ at: m.createdAt.toISOString(), from: m.authorSide, fromLabel: senderKindLabels[m.authorSide], organisation: m.authorOrganisationName, body: m.body })),
      });
    }
    return applications;
  },
  async anonymise(tx, candidateId, at) {
    const ids = (await tx.selectFrom("applications").select("id").where("candidate_id", "=", candidateId).execute()).map((r) => r.id);
    if (ids.length === 0) return;
    await tx.updateTable("applications").set({ message: "" }).where("id", "in", ids).execute();
    await tx.updateTable("application_transitions").set({ answer_to_candidate: null, answer_to_sender: null, erased_at: at }).where("application_id", "in", ids).execute();
    await tx.updateTable("application_messages").set({ body: "", erased_at: at }).where("application_id", "in", ids).execute();
  },
};
