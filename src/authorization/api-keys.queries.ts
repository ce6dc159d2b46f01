// Partner API keys: `trk_` + 32 random bytes; only the sha256 and a display prefix are stored.
import { sql } from "kysely";
import { randomToken, sha256 } from "../accounts/accounts.secrets.ts";
import type { Executor } from "../server/transaction.ts";

export type ApiKey = { id: string; organisationId: string; name: string; prefix: string; scopes: string[]; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };
export type ApiClient = { keyId: string; organisationId: string; scopes: string[] };

const columns = ["id", "organisation_id", "name", "prefix", "scopes", "created_at", "last_used_at", "revoked_at"] as const;
type Row = { id: string; organisation_id: string; name: string; prefix: string; scopes: string[]; created_at: Date; last_used_at: Date | null; revoked_at: Date | null };
const toApiKey = (row: Row): ApiKey => ({
  id: row.id,
  organisationId: row.organisation_id,
  name: row.name,
  prefix: row.prefix,
  scopes: row.scopes,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
  revokedAt: row.revoked_at,
});

export const newApiKeyToken = (): string => `trk_${randomToken(32)}`;
export const apiKeyPrefix = (token: string): string => token.slice(0, 12);

export const insertApiKey = async (
  db: Executor,
  input: { organisationId: string; name: string; scopes: string[]; token: string; createdBy: string; now: Date },
): Promise<ApiKey> => {
  const row = await db
    .insertInto("api_keys")
    .values({
      organisation_id: input.organisationId,
      name: input.name,
      prefix: apiKeyPrefix(input.token),
      token_hash: sha256(input.token),
      scopes: input.scopes,
      created_by: input.createdBy,
      created_at: input.now,
    })
    .returning(columns)
    .executeTakeFirstOrThrow();
  return toApiKey(row);
};

export const listApiKeys = async (db: Executor, organisationId: string): Promise<ApiKey[]> =>
  (await db.selectFrom("api_keys").select(columns).where("organisation_id", "=", organisationId).orderBy("created_at", "desc").execute()).map(toApiKey);

/** Revokes a key of the organisation; false when there is no such (active) key there. */
export const revokeApiKey = async (db: Executor, organisationId: string, keyId: string, now: Date): Promise<boolean> => {
  const result = await db
    .updateTable("api_keys")
    .set({ revoked_at: now })
    .where("id", "=", keyId)
    .where("organisation_id", "=", organisationId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
};

/** The active key behind a presented token; records its use (at most one write per minute). */
export const useApiKey = async (db: Executor, token: string, now: Date): Promise<ApiClient | null> => {
  const row = await db
    .selectFrom("api_keys")
    .select(["id", "organisation_id", "scopes", "last_used_at"])
    .where("token_hash", "=", sha256(token))
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (!row) return null;
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > 60_000) {
    await sql`update api_keys set last_used_at = ${now} where id = ${row.id}`.execute(db);
  }
  return { keyId: row.id, organisationId: row.organisation_id, scopes: row.scopes };
};
