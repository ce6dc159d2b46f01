// Persisted long jobs (imports, scores): progress and checkpoints survive a
// crash. A job is a row; its life is pending → running → succeeded | failed |
// interrupted. Jobs left "running" by a dead process are marked interrupted at
// start-up (or resumed by their own command, from their checkpoint).
import type { Executor } from "../server/transaction.ts";
import type { JobKind, JobStatus } from "../server/db.types.ts";

export type Job = {
  id: string;
  kind: JobKind;
  status: JobStatus;
  params: Record<string, unknown>;
  progressDone: number;
  progressTotal: number | null;
  checkpoint: Record<string, unknown> | null;
  error: { code: string; message: string } | null;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
};

const columns = [
  "id", "kind", "status", "params", "progress_done", "progress_total", "checkpoint",
  "error_code", "error_message", "created_at", "updated_at", "finished_at",
] as const;

type JobRow = {
  id: string; kind: JobKind; status: JobStatus; params: Record<string, unknown>;
  progress_done: number; progress_total: number | null; checkpoint: Record<string, unknown> | null;
  error_code: string | null; error_message: string | null;
  created_at: Date; updated_at: Date; finished_at: Date | null;
};

const toJob = (row: JobRow): Job => ({
  id: row.id,
  kind: row.kind,
  status: row.status,
  params: row.params,
  progressDone: row.progress_done,
  progressTotal: row.progress_total,
  checkpoint: row.checkpoint,
  error: row.error_code ? { code: row.error_code, message: row.error_message ?? "" } : null,
  createdAt: new Date(row.created_at),
  updatedAt: new Date(row.updated_at),
  finishedAt: row.finished_at ? new Date(row.finished_at) : null,
});

export const createJob = async (db: Executor, kind: JobKind, params: Record<string, unknown>, progressTotal: number | null = null): Promise<Job> =>
  toJob(
    await db
      .insertInto("jobs")
      .values({ kind, status: "running", params: JSON.stringify(params), progress_total: progressTotal })
      .returning(columns)
      .executeTakeFirstOrThrow(),
  );

export const findJob = async (db: Executor, id: string): Promise<Job | null> => {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const row = await db.selectFrom("jobs").select(columns).where("id", "=", id).executeTakeFirst();
  return row ? toJob(row) : null;
};

/** The most recent unfinished job of this kind whose params contain `match` (to resume it). */
export const findResumableJob = async (db: Executor, kind: JobKind, match: Record<string, unknown>): Promise<Job | null> => {
  const rows = await db
    .selectFrom("jobs")
    .select(columns)
    .where("kind", "=", kind)
    .where("status", "in", ["running", "interrupted"])
    .orderBy("created_at", "desc")
    .execute();
  const found = rows.map(toJob).find((job) => Object.entries(match).every(([key, value]) => job.params[key] === value));
  return found ?? null;
};

export const updateProgress = async (
  db: Executor,
  id: string,
  progress: { done: number; total?: number | null; checkpoint?: Record<string, unknown> | null },
): Promise<void> => {
  await db
    .updateTable("jobs")
    .set({
      progress_done: progress.done,
      ...(progress.total !== undefined ? { progress_total: progress.total } : {}),
      ...(progress.checkpoint !== undefined ? { checkpoint: progress.checkpoint === null ? null : JSON.stringify(progress.checkpoint) } : {}),
      updated_at: new Date(),
    })
    .where("id", "=", id)
    .execute();
};

export const markRunning = async (db: Executor, id: string): Promise<void> => {
  await db.updateTable("jobs").set({ status: "running", finished_at: null, error_code: null, error_message: null, updated_at: new Date() }).where("id", "=", id).execute();
};

export const succeedJob = async (db: Executor, id: string, done?: number): Promise<void> => {
  const now = new Date();
  await db
    .updateTable("jobs")
    .set({ status: "succeeded", finished_at: now, updated_at: now, checkpoint: null, ...(done !== undefined ? { progress_done: done } : {}) })
    .where("id", "=", id)
    .execute();
};

export const failJob = async (db: Executor, id: string, error: { code: string; message: string }): Promise<void> => {
  const now = new Date();
  await db
    .updateTable("jobs")
    .set({ status: "failed", finished_at: now, updated_at: now, error_code: error.code, error_message: error.message })
    .where("id", "=", id)
    .execute();
};

/** Jobs still "running" without progress for `staleAfterMs` belong to a process that died. */
export const markStaleJobsInterrupted = async (db: Executor, staleAfterMs = 5 * 60_000, now = new Date()): Promise<number> => {
  const result = await db
    .updateTable("jobs")
    .set({ status: "interrupted", finished_at: now, updated_at: now })
    .where("status", "=", "running")
    .where("updated_at", "<", new Date(now.getTime() - staleAfterMs))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
};
