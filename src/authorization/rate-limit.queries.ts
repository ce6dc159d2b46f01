// Fixed-window rate limits stored in PostgreSQL, so they hold across server
// instances: one atomic upsert per hit returns the window's count.
import { sql } from "kysely";
import type { Executor } from "../server/transaction.ts";

export type RateLimit = { limit: number; windowMs: number };
export type RateLimitResult = { allowed: boolean; count: number; limit: number; resetAt: Date };

export const windowStart = (now: Date, windowMs: number): Date => new Date(Math.floor(now.getTime() / windowMs) * windowMs);

/** Counts one hit on `bucket` in the current window and says whether it stays within the limit. */
export const hitRateLimit = async (db: Executor, bucket: string, rule: RateLimit, now: Date): Promise<RateLimitResult> => {
  const start = windowStart(now, rule.windowMs);
  const { rows } = await sql<{ count: number }>`
    insert into rate_limit_counters (bucket, window_start, count) values (${bucket}, ${start}, 1)
    on conflict (bucket, window_start) do update set count = rate_limit_counters.count + 1
    returning count`.execute(db);
  const count = Number(rows[0].count);
  return { allowed: count <= rule.limit, count, limit: rule.limit, resetAt: new Date(start.getTime() + rule.windowMs) };
};

/** The current window's count without counting a hit. */
export const peekRateLimit = async (db: Executor, bucket: string, rule: RateLimit, now: Date): Promise<number> => {
  const row = await db
    .selectFrom("rate_limit_counters")
    .select("count")
    .where("bucket", "=", bucket)
    .where("window_start", "=", windowStart(now, rule.windowMs))
    .executeTakeFirst();
  return row?.count ?? 0;
};
