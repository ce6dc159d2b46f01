// `tremplin rgpd anonymise-inactive` as an operator runs it: dry-run first, then --apply.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { noLocation } from "../../src/candidates/candidates.domain.ts";
import { insertCandidate } from "../../src/candidates/candidates.queries.ts";
import { createDatabase } from "../../src/server/db.ts";
import { migrateToLatest } from "../../src/server/migrate.ts";
import { cliPath } from "./paris-fixtures.ts";

const dir = mkdtempSync(join(tmpdir(), "tremplin-rgpd-"));
const pgliteDir = join(dir, "pglite");
const mailDir = join(dir, "mail");
const env = { ...process.env, PGLITE_DIR: pgliteDir, DATABASE_URL: "", NODE_ENV: "test", MAIL_DIR: mailDir, SMTP_URL: "" };
const tremplin = (...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
  new Promise((resolve) => {
    execFile(process.execPath, [cliPath, ...args], { env, timeout: 300_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }));
  });

const withDb = async <T>(work: (db: Awaited<ReturnType<typeof createDatabase>>) => Promise<T>): Promise<T> => {
  const db = await createDatabase({ kind: "pglite", dataDir: pgliteDir });
  try {
    await migrateToLatest(db);
    return await work(db);
  } finally {
    await db.destroy();
  }
};

describe("tremplin rgpd anonymise-inactive (CLI)", () => {
  before(async () => {
    await withDb(async (db) => {
      const pro = await db.insertInto("users").values({ email: "pro@example.org", name: "Pro", kind: "professional" }).returning("id").executeTakeFirstOrThrow();
      for (const [name, at] of [["Ancien", "2026-01-10T00:00:00Z"], ["Récent", "2027-12-01T00:00:00Z"]] as const) {
        await insertCandidate(db, {
          profile: {
            firstName: name, lastName: "Test", email: `${name === "Ancien" ? "ancien" : "recent"}@example.org`, phone: null, birthYear: null, address: null,
            targetAppellations: [], skills: [], languages: [], drivingLicences: [], mobilityRadiusKm: null, mobilityMeans: [], availability: null, availableFrom: null, barriers: [],
          },
          location: { ...noLocation, communeInsee: "75120" },
          userId: null, createdVia: "prescriber", createdByUserId: pro.id, createdByOrganisationId: null, now: new Date(at),
        });
      }
    });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const state = () => withDb((db) => db.selectFrom("candidates").select(["first_name", "inactivity_notified_at", "anonymised_at"]).orderBy("created_at").execute());

  it("is a dry-run by default: counts, changes nothing", async () => {
    const before = await state();
    const run = await tremplin("rgpd", "anonymise-inactive", "--now", "2028-06-01");
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Simulation \(aucune modification\)/);
    assert.match(run.stdout, /à prévenir : 1\n/);
    assert.match(run.stdout, /à anonymiser : 0\n/);
    assert.deepEqual(await state(), before);
  });

  it("--apply notifies by mail, and anonymises once the notice period has passed", async () => {
    const notify = await tremplin("rgpd", "anonymise-inactive", "--apply", "--now", "2028-06-01");
    assert.equal(notify.code, 0, notify.stderr);
    assert.match(notify.stdout, /Profils prévenus : 1/);
    assert.equal(readdirSync(mailDir).length, 1, "the notice is written to ./var/mail in development");
    assert.notEqual((await state())[0]!.inactivity_notified_at, null);

    assert.match((await tremplin("rgpd", "anonymise-inactive", "--now", "2028-07-05")).stdout, /à anonymiser : 1\n/);
    const anonymise = await tremplin("rgpd", "anonymise-inactive", "--apply", "--now", "2028-07-05");
    assert.match(anonymise.stdout, /Profils anonymisés : 1/);
    const [old, recent] = await state();
    assert.equal(old!.first_name, null);
    assert.notEqual(old!.anonymised_at, null);
    assert.equal(recent!.first_name, "Récent");
  });

  it("says what it expects", async () => {
    const run = await tremplin("rgpd", "effacer");
    assert.equal(run.code, 2);
    assert.match(run.stderr, /tremplin rgpd anonymise-inactive \[--apply\]/);
  });
});
