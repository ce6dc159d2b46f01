// Saving a stored report to an organisation's Score QPV history: what
// POST /api/v1/organisations/:id/score-history does once the actor is allowed
// (the demo territory saves its scores through it too). Always a new row; only
// the report's aggregates are copied, with an audit entry.
import { recordAudit } from "../authorization/audit.queries.ts";
import type { Database } from "../server/db.ts";
import { runInTransaction } from "../server/transaction.ts";
import type { SavedScore } from "./score-history.contract.ts";
import { normaliseLabel } from "./score-history.domain.ts";
import { scoreHistoryError } from "./score-history.errors.ts";
import { findSavedScore, insertSavedScore, isReportSaved } from "./score-history.queries.ts";
import { findReport } from "./score-qpv.queries.ts";

export type SaveScoreCommand = { organisationId: string; reportId: string; savedBy: string; label?: string | null; at: Date };

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === "23505";

/** Throws score_history.report_not_found or score_history.already_saved. */
export const saveScoreToHistory = async (db: Database, command: SaveScoreCommand): Promise<SavedScore> => {
  const { organisationId, savedBy, at } = command;
  const stored = await findReport(db, command.reportId);
  if (!stored) throw scoreHistoryError("score_history.report_not_found");
  if (await isReportSaved(db, organisationId, stored.id)) throw scoreHistoryError("score_history.already_saved");
  let scoreId: string;
  try {
    scoreId = await runInTransaction(db, async (tx) => {
      const id = await insertSavedScore(tx, { organisationId, reportId: stored.id, savedBy, label: normaliseLabel(command.label), report: stored.report, at });
      await recordAudit(tx, {
        actorUserId: savedBy, organisationId, action: "score_history.saved", subjectType: "score_history", subjectId: id, at,
        details: { reportId: stored.id, periodFrom: stored.report.period.from, periodTo: stored.report.period.to },
      });
      return id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw scoreHistoryError("score_history.already_saved");
    throw error;
  }
  return (await findSavedScore(db, organisationId, scoreId))!;
};
