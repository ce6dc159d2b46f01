import assert from "node:assert/strict";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { testEngines, type TestDatabase } from "../server/test-engines.ts";
import { createMailer, maxMailAttempts } from "./mailer.ts";
import { invitationMail, verificationCodeMail } from "./mail.templates.ts";
import { startTestSmtp } from "./test-smtp.ts";
import { createFileTransport, createSmtpTransport, type MailTransport } from "./mail.transport.ts";

for (const engine of testEngines()) {
  describe(`mail outbox on ${engine.name}`, () => {
    let test: TestDatabase;
    let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
    before(async () => {
      test = await engine.freshMigratedDb();
      smtp = await startTestSmtp();
    });
    after(async () => {
      await smtp.close();
      await test.close();
    });

    it("sends committed rows through SMTP once, and nothing from a rolled-back transaction", async () => {
      const mailer = createMailer({ db: test.db, transport: createSmtpTransport(smtp.url), from: "Tremplin <t@example.org>" });
      await test.db.transaction().execute(async (tx) => {
        await mailer.enqueue(tx, "alice@example.org", verificationCodeMail({ name: "Alice", code: "123456", validMinutes: 15 }));
      });
      await test.db
        .transaction()
        .execute(async (tx) => {
          await mailer.enqueue(tx, "bob@example.org", verificationCodeMail({ name: "Bob", code: "654321", validMinutes: 15 }));
          throw new Error("rollback");
        })
        .catch(() => {});
      assert.equal(await mailer.flush(), 1);
      assert.equal(await mailer.flush(), 0, "a sent message is not sent again");
      assert.equal(smtp.received.length, 1);
      assert.deepEqual(smtp.received[0].to, ["alice@example.org"]);
      assert.match(smtp.received[0].raw, /123456/);
      const rows = await test.db.selectFrom("mail_outbox").select(["status", "text_body"]).where("status", "=", "sent").execute();
      assert.ok(rows.length > 0 && rows.every((row) => row.text_body === ""), "sent bodies (codes, links) are erased");
      mailer.stop();
    });

    it("retries a failing transport with backoff, then gives up", async () => {
      let now = new Date("2026-12-01T10:00:00Z");
      let calls = 0;
      const failing: MailTransport = { name: "down", send: async () => { calls += 1; throw new Error("ECONNREFUSED"); }, close() {} };
      const mailer = createMailer({ db: test.db, transport: failing, from: "t@example.org", clock: { now: () => now } });
      const id = await mailer.enqueue(test.db, ["carol@example.org"], invitationMail({ organisationName: "ACI", inviterName: "Dan", link: "http://x", validDays: 14 }));
      for (let attempt = 1; attempt <= maxMailAttempts + 2; attempt += 1) {
        await mailer.flush();
        now = new Date(now.getTime() + 3_600_000);
      }
      assert.equal(calls, maxMailAttempts);
      const row = await test.db.selectFrom("mail_outbox").select(["status", "attempts", "last_error"]).where("id", "=", id).executeTakeFirstOrThrow();
      assert.equal(row.status, "failed");
      assert.equal(row.attempts, maxMailAttempts);
      assert.equal(row.last_error, "ECONNREFUSED");
    });
  });
}

describe("file transport", () => {
  it("writes an .eml file per message", async () => {
    const dir = await mkdtemp(join(tmpdir(), "tremplin-mail-"));
    try {
      const transport = createFileTransport(dir);
      await transport.send({ from: "t@example.org", to: ["eve@example.org"], subject: "Bonjour é", text: "Code 424242", messageId: "<m1@tremplin>" });
      const files = await readdir(dir);
      assert.equal(files.length, 1);
      assert.match(files[0], /\.eml$/);
      const raw = await readFile(join(dir, files[0]), "utf8");
      assert.match(raw, /To: eve@example\.org/);
      assert.match(raw, /424242/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
