// Server-side prepared statements for the PostgreSQL pool. Kysely sends every
// query as an unnamed statement, which PostgreSQL parses and plans again on
// each call; for the small, frequent queries of a signed-in request that is
// most of the database time (measured with pgbench on the platform bench's
// inbox: 4.7 ms unnamed against 2.9 ms prepared). This client names each
// parameterised statement after its text, so a connection parses it once and
// PostgreSQL may reuse its plan (plan_cache_mode = auto: a generic plan only
// when it is not costlier than the custom ones). PostgreSQL re-plans them after
// a migration; only a statement whose result columns change (`select *` on an
// altered table) fails until its connection is recycled: migrate, then start
// the servers, as `npm start` does (each start migrates first).
import pg from "pg";

/** Distinct statement texts named in the process, and prepared on one connection: bounds the memory of both. */
const limits = { namedTexts: 5_000, preparedPerConnection: 1_000, textLength: 20_000 };

const names = new Map<string, string>();

/** The statement name of a query text, or null when it should stay unnamed (too long, or the name space is full). */
export const statementName = (text: string): string | null => {
  const known = names.get(text);
  if (known) return known;
  if (text.length > limits.textLength || names.size >= limits.namedTexts) return null;
  const name = `tremplin_${names.size + 1}`;
  names.set(text, name);
  return name;
};

export class PreparingClient extends pg.Client {
  #prepared = new Set<string>();

  // pg's overloads are many; only (text, values) with at least one value is
  // rewritten — statements without parameters (DDL, begin/commit, several
  // commands in one string) keep the simple protocol.
  override query(...args: any[]): any {
    const [text, values] = args;
    if (args.length === 2 && typeof text === "string" && Array.isArray(values) && values.length > 0) {
      const name = statementName(text);
      if (name && (this.#prepared.has(name) || this.#prepared.size < limits.preparedPerConnection)) {
        this.#prepared.add(name);
        return super.query({ name, text, values });
      }
    }
    return (super.query as (...rest: unknown[]) => unknown)(...args);
  }
}
