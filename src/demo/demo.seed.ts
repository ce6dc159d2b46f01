// Seeds the demo territory through the capabilities' use cases, step by step.
// Each step is recorded in demo_seed_runs: it runs once per database, whatever
// the number of restarts or of processes starting together (the first to
// claim a step runs it). A step added by a later version runs on the next start.
import type { AccountsDeps } from "../accounts/accounts.deps.ts";
import { systemClock } from "../accounts/accounts.deps.ts";
import { normaliseEmail, type User } from "../accounts/accounts.domain.ts";
import { hashPassword } from "../accounts/passwords.ts";
import { findUserByEmail, insertUser } from "../accounts/users.queries.ts";
import { recordAudit } from "../authorization/audit.queries.ts";
import type { Actor } from "../authorization/authorization.domain.ts";
import type { Geography } from "../geo/geography.types.ts";
import type { Geocoder } from "../geocoder/geocoder.types.ts";
import { adminOnlyPrescriberKinds, type PrescriberKind } from "../organisations/organisations.domain.ts";
import { addMembership, findOrganisation, setAuthorizationStatus } from "../organisations/organisations.queries.ts";
import { createOrganisation } from "../organisations/organisations.use-cases.ts";
import { runInTransaction } from "../server/transaction.ts";
import { candidatesStep } from "./demo.candidates.ts";
import { applicationsStep, offersStep } from "./demo.offers-applications.ts";
import { scoresStep } from "./demo.scores.ts";
import { type DemoAccount, DemoRefusedInProduction, demoPassword } from "./demo.domain.ts";
import { claimSeedStep, findOrganisationIdBySiret, finishSeedStep, listSeedRuns, releaseSeedStep } from "./demo.queries.ts";
import { demoAccounts, demoOrganisations } from "./demo.territory.ts";

export type DemoDeps = {
  accounts: AccountsDeps;
  geography: Geography;
  geocoder: Geocoder;
  /** The runtime's reference share of a département's addresses in a QPV (Score QPV reports). */
  departementQpvAddressShare?: (code: string) => number | null;
  env?: NodeJS.ProcessEnv;
};

/** What earlier steps created, found again by natural keys (e-mails, SIRETs). */
export type Territory = {
  users: Map<string, User>;
  /** Organisation key (demo.territory.ts) → id. */
  organisations: Map<string, string>;
};

/** `counts`: what the step created, with French words as keys (they are printed at start-up). */
export type DemoStep = { name: string; label: string; run(deps: DemoDeps, territory: Territory): Promise<Record<string, number>> };

export type SeedReport = {
  seeded: { step: string; label: string; counts: Record<string, number> }[];
  alreadyDone: string[];
  /** Claimed by another process that has not finished (running now, or died mid-way). */
  unfinished: string[];
};

const actorOf = (user: User): Actor => ({
  userId: user.id,
  kind: user.kind,
  organisationId: null,
  role: user.kind === "admin" ? "platform_admin" : user.kind === "candidate" ? "candidate" : "professional",
  authorizedPrescriber: false,
});

const now = (deps: DemoDeps) => (deps.accounts.clock ?? systemClock).now();

export const loadTerritory = async (deps: DemoDeps): Promise<Territory> => {
  const db = deps.accounts.db;
  const users = new Map<string, User>();
  for (const account of demoAccounts) {
    const user = await findUserByEmail(db, normaliseEmail(account.email));
    if (user) users.set(account.email, user);
  }
  const organisations = new Map<string, string>();
  for (const organisation of demoOrganisations) {
    const id = await findOrganisationIdBySiret(db, organisation.siret, organisation.kind);
    if (id) organisations.set(organisation.key, id);
  }
  return { users, organisations };
};

/** A verified account with the demo password: the demo skips the e-mailed code, nothing else. */
const ensureAccount = async (deps: DemoDeps, account: DemoAccount): Promise<User> => {
  const db = deps.accounts.db;
  const email = normaliseEmail(account.email);
  const existing = await findUserByEmail(db, email);
  if (existing) return existing;
  const at = now(deps);
  const created = await insertUser(db, { email, name: account.name, kind: account.kind, passwordHash: await hashPassword(demoPassword), emailVerifiedAt: at, now: at });
  return created ?? (await findUserByEmail(db, email))!;
};

/** Accounts of every role, the organisations with their members, the prescribers' authorisations. */
export const organisationsStep: DemoStep = {
  name: "organisations",
  label: "comptes et organisations",
  async run(deps, territory) {
    const db = deps.accounts.db;
    for (const account of demoAccounts) territory.users.set(account.email, await ensureAccount(deps, account));
    const admin = territory.users.get(demoAccounts.find((a) => a.kind === "admin")!.email)!;
    const members = (key: string) => demoAccounts.filter((a) => a.membership?.organisation === key);

    for (const organisation of demoOrganisations) {
      let id = await findOrganisationIdBySiret(db, organisation.siret, organisation.kind);
      if (!id) {
        const firstAdmin = members(organisation.key).find((a) => a.membership!.role === "admin");
        const reserved = adminOnlyPrescriberKinds.includes(organisation.kind as PrescriberKind);
        const creator = !reserved && firstAdmin ? territory.users.get(firstAdmin.email)! : admin;
        id = (await createOrganisation(deps.accounts, actorOf(creator), null, { kind: organisation.kind, name: organisation.name, siret: organisation.siret })).id;
      }
      territory.organisations.set(organisation.key, id);
      for (const member of members(organisation.key)) {
        await addMembership(db, id, territory.users.get(member.email)!.id, member.membership!.role, now(deps));
      }
      if (organisation.authorised) {
        const current = await findOrganisation(db, id);
        if (current?.authorizationStatus !== "VALIDATED") {
          // As the platform admin does it from PUT /organisations/:id/authorization.
          await runInTransaction(db, async (tx) => {
            const at = now(deps);
            await setAuthorizationStatus(tx, id, "VALIDATED", at);
            await recordAudit(tx, { actorUserId: admin.id, organisationId: id, action: "organisation.authorization_changed", subjectType: "organisation", subjectId: id, details: { status: "VALIDATED" }, at });
          });
        }
      }
    }
    return { comptes: territory.users.size, organisations: territory.organisations.size };
  },
};

/** The steps, in order; a capability landing later adds its own at the end. */
export const demoSteps: readonly DemoStep[] = [organisationsStep, candidatesStep, offersStep, applicationsStep, scoresStep];

/** Seeds the steps this database does not have yet. Refused when NODE_ENV=production. */
export const seedDemoTerritory = async (deps: DemoDeps, steps: readonly DemoStep[] = demoSteps): Promise<SeedReport> => {
  if ((deps.env ?? process.env).NODE_ENV === "production") throw new DemoRefusedInProduction();
  const db = deps.accounts.db;
  const report: SeedReport = { seeded: [], alreadyDone: [], unfinished: [] };
  const runs = new Map((await listSeedRuns(db)).map((run) => [run.step, run]));
  let territory: Territory | null = null;
  for (const step of steps) {
    const run = runs.get(step.name);
    if (run?.finishedAt) {
      report.alreadyDone.push(step.name);
      continue;
    }
    // Later steps build on this one: leave them to the process that has it.
    if (run || !(await claimSeedStep(db, step.name, now(deps)))) {
      report.unfinished.push(step.name);
      break;
    }
    try {
      territory ??= await loadTerritory(deps);
      const counts = await step.run(deps, territory);
      await finishSeedStep(db, step.name, counts, now(deps));
      report.seeded.push({ step: step.name, label: step.label, counts });
    } catch (error) {
      await releaseSeedStep(db, step.name);
      throw error;
    }
  }
  return report;
};
