// Candidates' CV (PDF checked by content, stored in the database) and RGPD rights: JSON export and
// erasure by anonymisation. Same pattern as candidates.use-cases.ts: authorise → load → write, with the
// change log and the audit entry (professionals) in the same transaction.
import { createHash } from "node:crypto";
import type { AccountsDeps } from "../accounts/accounts.deps.ts";
import type { Actor } from "../authorization/authorization.domain.ts";
import { runInTransaction } from "../server/transaction.ts";
import { checkCv, safeFileName } from "./candidates.domain.ts";
import { candidatesError } from "./candidates.errors.ts";
import { audit, isProfessional, loadAllowed, now } from "./candidates.load.ts";
import { deleteDocuments, readCvContent, recordChange, replaceCv, touchCandidate } from "./candidates.queries.ts";
import { anonymiseCandidate, exportPersonalData } from "./personal-data.ts";

export const uploadCv = async (deps: AccountsDeps, actor: Actor | null, id: string, content: Buffer, fileName: string | undefined) => {
  const candidate = await loadAllowed(deps, actor, "update", id);
  if (candidate.anonymisedAt) throw candidatesError("candidate.anonymised");
  const verdict = checkCv(content);
  if (verdict !== "ok") throw candidatesError(`cv.${verdict}`);
  const at = now(deps);
  const sha256 = createHash("sha256").update(content).digest("hex");
  const name = safeFileName(fileName);
  await runInTransaction(deps.db, async (tx) => {
    await replaceCv(tx, id, { fileName: name, content, sha256, byUserId: actor!.userId, now: at });
    const professional = isProfessional(actor!);
    await recordChange(tx, id, { action: "cv_uploaded", fields: ["cv"], byUserId: actor!.userId, byOrganisationId: professional ? actor!.organisationId : null, at });
    await touchCandidate(tx, id, at);
    if (professional) await audit(tx, actor!, "candidate.cv_uploaded", id, at, { sizeBytes: content.byteLength });
  });
  return { fileName: name, sizeBytes: content.byteLength, uploadedAt: at.toISOString() };
};

export const downloadCv = async (deps: AccountsDeps, actor: Actor | null, id: string) => {
  await loadAllowed(deps, actor, "read", id);
  const file = await readCvContent(deps.db, id);
  if (!file) throw candidatesError("cv.not_found");
  if (isProfessional(actor!)) await audit(deps.db, actor!, "candidate.cv_read", id, now(deps));
  return file;
};

export const removeCv = async (deps: AccountsDeps, actor: Actor | null, id: string) => {
  await loadAllowed(deps, actor, "update", id);
  const at = now(deps);
  await runInTransaction(deps.db, async (tx) => {
    if ((await deleteDocuments(tx, id)) === 0) throw candidatesError("cv.not_found");
    const professional = isProfessional(actor!);
    await recordChange(tx, id, { action: "cv_deleted", fields: ["cv"], byUserId: actor!.userId, byOrganisationId: professional ? actor!.organisationId : null, at });
    if (professional) await audit(tx, actor!, "candidate.cv_deleted", id, at);
  });
};

/** JSON export (right of access / portability): by the person or a counsellor following them, never an employer. */
export const exportCandidate = async (deps: AccountsDeps, actor: Actor | null, id: string) => {
  await loadAllowed(deps, actor, "read", id);
  if (actor!.role !== "candidate" && !actor!.role.startsWith("prescriber")) throw candidatesError("candidate.export_forbidden");
  const at = now(deps);
  if (isProfessional(actor!)) await audit(deps.db, actor!, "candidate.exported", id, at);
  return exportPersonalData(deps.db, id, at);
};

/** Erasure: anonymisation that keeps statistics (see personal-data.ts). Idempotent. */
export const eraseCandidate = async (deps: AccountsDeps, actor: Actor | null, id: string) => {
  const candidate = await loadAllowed(deps, actor, "delete", id);
  if (candidate.anonymisedAt) return;
  const at = now(deps);
  await runInTransaction(deps.db, async (tx) => {
    await anonymiseCandidate(tx, id, at);
    await recordChange(tx, id, { action: "anonymised", fields: [], byUserId: actor!.userId, byOrganisationId: isProfessional(actor!) ? actor!.organisationId : null, at });
    await audit(tx, actor!, "candidate.anonymised", id, at, { reason: "request" });
  });
};
