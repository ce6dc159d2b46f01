// The record of demo seeding steps, and the look-ups the seeder needs to find
// what an earlier run created (by e-mail, by SIRET and kind).
import type { OrganisationKind } from "../organisations/organisations.domain.ts";
import type { Executor } from "../server/transaction.ts";

export type SeedRun = { step: string; startedAt: Date; finishedAt: Date | null; counts: Record<string, number> };

export const listSeedRuns = async (db: Executor): Promise<SeedRun[]> => {
  const rows = await db.selectFrom("demo_seed_runs").select(["step", "started_at", "finished_at", "counts"]).orderBy("started_at").execute();
  return rows.map((row) => ({ step: row.step, startedAt: row.started_at, finishedAt: row.finished_at, counts: row.counts }));
};

/** Claims a step for this process: false when another run (earlier, or concurrent) already has it. */
export const claimSeedStep = async (db: Executor, step: string, now: Date): Promise<boolean> => {
  const row = await db
    .insertInto("demo_seed_runs")
    .values({ step, started_at: now, counts: "{}" })
    .onConflict((oc) => oc.column("step").doNothing())
    .returning("step")
    .executeTakeFirst();
  return row !== undefined;
};

export const finishSeedStep = async (db: Executor, step: string, counts: Record<string, number>, now: Date): Promise<void> => {
  await db.updateTable("demo_seed_runs").set({ finished_at: now, counts: JSON.stringify(counts) }).where("step", "=", step).execute();
};

/** A failed step is released so that the next start tries it again (its writes are looked up by natural keys). */
export const releaseSeedStep = async (db: Executor, step: string): Promise<void> => {
  await db.deleteFrom("demo_seed_runs").where("step", "=", step).where("finished_at", "is", null).execute();
};

export const findOrganisationIdBySiret = async (db: Executor, siret: string, kind: OrganisationKind): Promise<string | null> => {
  const row = await db.selectFrom("organisations").select("id").where("siret", "=", siret).where("kind", "=", kind).executeTakeFirst();
  return row?.id ?? null;
};

export const findDemoCandidateId = async (db: Executor, email: string): Promise<string | null> => {
  const row = await db.selectFrom("candidates").select("id").where("email", "=", email).where("anonymised_at", "is", null).executeTakeFirst();
  return row?.id ?? null;
};

export const findDemoOfferIds = async (db: Executor, organisationId: string, title: string): Promise<string[]> => {
  const rows = await db.selectFrom("offers").select("id").where("organisation_id", "=", organisationId).where("title", "=", title).orderBy("created_at").execute();
  return rows.map((row) => row.id);
};
