import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { sql } from "kysely";
import { statementName } from "./prepared-statements.ts";
import { testEngines } from "./test-engines.ts";

describe("statement names", () => {
  it("gives one name per text, the same each time", () => {
    const a = statementName("select $1::int as prepared_a");
    const b = statementName("select $1::int as prepared_b");
    assert.ok(a && b);
    assert.notEqual(a, b);
    assert.equal(statementName("select $1::int as prepared_a"), a);
  });

  it("leaves very long texts unnamed (a bulk insert is not worth keeping)", () => {
    assert.equal(statementName(`select ${"$1, ".repeat(10_000)}1`), null);
  });
});

const postgres = testEngines().find((engine) => engine.name === "postgres");

describe("prepared statements on the PostgreSQL server", { skip: postgres ? false : "TEST_DATABASE_URL absent" }, () => {
  it("prepares a parameterised query once per connection and reuses it; other statements stay unnamed", async () => {
    const test = await postgres!.freshMigratedDb();
    try {
      const prepared = await test.db.connection().execute(async (db) => {
        for (const n of [1, 2, 3]) {
          const row = await db.selectFrom("organisations").select((eb) => eb.val(n).as("n")).where("id", "=", "00000000-0000-0000-0000-000000000000").execute();
          assert.deepEqual(row, []);
        }
        // Several commands without parameters: the simple protocol, as before.
        await sql`create temporary table probe (n int); insert into probe values (1)`.execute(db);
        const { rows } = await sql<{ statement: string }>`select statement from pg_prepared_statements where name like ${"tremplin_%"}`.execute(db);
        return rows.map((r) => r.statement);
      });
      const organisationQueries = prepared.filter((statement) => statement.includes('from "organisations"'));
      assert.equal(organisationQueries.length, 1, "the same text is prepared once, then executed by name");
      assert.ok(!prepared.some((statement) => statement.includes("create temporary table")));
    } finally {
      await test.close();
    }
  });

  it("reports a statement that fails to parse, and the connection goes on", async () => {
    const test = await postgres!.freshMigratedDb();
    try {
      await test.db.connection().execute(async (db) => {
        await assert.rejects(sql`select no_such_column from organisations where id = ${"x"}`.execute(db), /no_such_column/);
        await assert.rejects(sql`select no_such_column from organisations where id = ${"x"}`.execute(db), /no_such_column/);
        const { rows } = await sql<{ n: number }>`select ${2}::int as n`.execute(db);
        assert.deepEqual(rows, [{ n: 2 }]);
      });
    } finally {
      await test.close();
    }
  });
});
