// The one place that opens a transaction: use cases receive `tx`.
import type { Transaction } from "kysely";
import type { Database } from "./db.ts";
import type { DB } from "./db.types.ts";

export type Tx = Transaction<DB>;
export type Executor = Database | Tx;

export const runInTransaction = <T>(db: Database, work: (tx: Tx) => Promise<T>): Promise<T> =>
  db.transaction().execute(work);
