// Test helpers of applications: organisations, candidates and offers written
// directly (their own capabilities are tested on their own), and mail lookups.
import type { Browser, TestApp } from "../accounts/test-app.ts";
import { normaliseRomeLabel } from "../rome/rome.domain.ts";
import type { Database } from "../server/db.ts";

/** Creates an organisation as `browser` (who becomes its admin and acts for it). */
export const organisationFor = async (browser: Browser, kind: string, name: string, siret: string): Promise<string> => {
  const created = await browser.request("POST", "/api/v1/organisations", { kind, name, siret });
  if (created.statusCode !== 201) throw new Error(`organisation ${created.statusCode} ${created.body}`);
  await browser.refreshCsrf();
  return created.json().id;
};

/** Adds `browser`'s person as a member of the organisation and makes them act for it. */
export const joinOrganisation = async (t: TestApp, browser: Browser, organisationId: string): Promise<void> => {
  const userId = (await browser.refreshCsrf()).user.id;
  await t.db.insertInto("memberships").values({ organisation_id: organisationId, user_id: userId, role: "member" }).execute();
  const acting = await browser.request("PUT", "/api/v1/auth/session/organisation", { organisationId });
  if (acting.statusCode !== 204) throw new Error(`acting ${acting.statusCode} ${acting.body}`);
  await browser.refreshCsrf();
};

export const insertCandidate = async (
  db: Database,
  input: { firstName: string; lastName: string; email: string | null; userId: string | null; followedBy?: string[]; createdByOrganisationId?: string },
): Promise<string> => {
  const { id } = await db
    .insertInto("candidates")
    .values({
      first_name: input.firstName,
      last_name: input.lastName,
      email: input.email,
      user_id: input.userId,
      created_via: input.userId ? "self" : input.createdByOrganisationId ? "employer" : "prescriber",
      created_by_organisation_id: input.createdByOrganisationId ?? input.followedBy?.[0] ?? null,
      commune_insee: "75120",
      postcode: "75020",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (const organisationId of input.followedBy ?? []) {
    await db.insertInto("candidate_followers").values({ candidate_id: id, organisation_id: organisationId }).execute();
  }
  return id;
};

export const insertOffer = async (db: Database, organisationId: string, title: string): Promise<string> => {
  // The real ROME 4.0 rows (data/rome/), so that a test offer shows the same job with or without the imported référentiel.
  await db
    .insertInto("rome_fiches")
    .values([
      { code: "A1203", label: "Agent / Agente d'entretien des espaces verts", parent_code: "A1203" },
      { code: "A1208", label: "Jardinier / Jardinière paysagiste", parent_code: "A1203" },
    ])
    .onConflict((oc) => oc.doNothing())
    .execute();
  await db
    .insertInto("rome_appellations")
    .values({ code: "16068", rome_code: "A1208", label: "Jardinier / Jardinière d'espaces verts", short_label: "Jardinier / Jardinière d'espaces verts", label_norm: normaliseRomeLabel("Jardinier / Jardinière d'espaces verts") })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const { id } = await db
    .insertInto("offers")
    .values({
      organisation_id: organisationId,
      appellation_code: "16068",
      title,
      description: "Entretien des espaces verts du quartier.",
      contract_type: "CDDI",
      hours_per_week: 26,
      positions: 2,
      commune_insee: "75120",
      search_norm: title.toLowerCase(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
};

/** Mails sent so far to `to` whose subject matches. */
export const mailsTo = async (t: TestApp, to: string, subject: string | RegExp) => {
  await t.mailer.idle();
  await t.mailer.flush();
  return t.sent.filter((m) => m.to.includes(to) && (typeof subject === "string" ? m.subject.includes(subject) : subject.test(m.subject)));
};
