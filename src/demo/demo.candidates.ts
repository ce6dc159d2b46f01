// Demo step "candidates": sixty candidates on the shipped Paris addresses
// (a third inside a QPV 2024), created by the prescribers' counsellors with
// the person's consent, plus the demo candidate's own profile. Through
// createCandidate: geocoded and classified by the running geography.
import type { Actor } from "../authorization/authorization.domain.ts";
import { barrierCodes } from "../candidates/barriers.domain.ts";
import type { CreateCandidateBody } from "../candidates/candidates.contract.ts";
import { createCandidate } from "../candidates/candidates.use-cases.ts";
import { familyOfKind, isAuthorizedPrescriber } from "../organisations/organisations.domain.ts";
import { homesInQpv, homesOutsideQpv } from "./demo.addresses.ts";
import { createRandom, type DemoAddress, demoEmail } from "./demo.domain.ts";
import { findDemoCandidateId } from "./demo.queries.ts";
import type { DemoDeps, DemoStep, Territory } from "./demo.seed.ts";
import { demoAccounts, demoOrganisations, firstNames, jobsByEmployer, lastNames } from "./demo.territory.ts";

/** How a demo account acts: its organisation (if any), role and authorisation, as a session would give them. */
export const actorFor = (territory: Territory, email: string): Actor => {
  const account = demoAccounts.find((a) => a.email === email)!;
  const user = territory.users.get(email);
  if (!user) throw new Error(`Compte de démonstration absent : ${email}`);
  if (!account.membership) {
    return { userId: user.id, kind: user.kind, organisationId: null, role: user.kind === "admin" ? "platform_admin" : user.kind === "candidate" ? "candidate" : "professional", authorizedPrescriber: false };
  }
  const organisation = demoOrganisations.find((o) => o.key === account.membership!.organisation)!;
  const family = familyOfKind(organisation.kind);
  return {
    userId: user.id,
    kind: "professional",
    organisationId: territory.organisations.get(organisation.key)!,
    role: `${family}_${account.membership.role}` as Actor["role"],
    authorizedPrescriber: isAuthorizedPrescriber(family, organisation.authorised ? "VALIDATED" : "NOT_SET"),
  };
};

/** The counsellors who create the candidates, and how many each (59 in all). */
const counsellors: readonly [email: string, count: number][] = [
  [demoEmail("prescripteur.ft.conseiller"), 16],
  [demoEmail("prescripteur.ft"), 10],
  [demoEmail("prescripteur.ml"), 20],
  [demoEmail("prescripteur.plie"), 13],
];

const allJobs = [...new Set(Object.values(jobsByEmployer).flat())];
const addressLine = (home: DemoAddress) => `${home.street} ${home.postcode} Paris`;
/** Numbers reserved by the ARCEP for fiction (06 39 98 xx xx). */
const fictionPhone = (n: number) => `06 39 98 ${String(Math.floor(n / 100) % 100).padStart(2, "0")} ${String(n % 100).padStart(2, "0")}`;

export type DemoCandidate = { email: string; actorEmail: string; body: CreateCandidateBody };

/** The 60 candidates, the same on every machine (seeded draw). The first is the demo candidate's own profile. */
export const demoCandidates = (): DemoCandidate[] => {
  const random = createRandom(2026_0060);
  const homes = random.sample([...homesInQpv, ...homesOutsideQpv], homesInQpv.length + homesOutsideQpv.length);
  const actors = counsellors.flatMap(([email, count]) => Array.from({ length: count }, () => email));
  const self = demoAccounts.find((a) => a.kind === "candidate")!;
  return homes.map((home, i) => {
    const [firstName, lastName] = i === 0 ? self.name.split(" ") : [random.pick(firstNames), random.pick(lastNames)];
    const email = i === 0 ? self.email : demoEmail(`candidat.${String(i).padStart(2, "0")}`);
    const availability = random.chance(0.8) ? "immediate" : "from_date";
    const body: CreateCandidateBody = {
      firstName: firstName!,
      lastName: lastName!,
      email,
      phone: fictionPhone(i),
      birthYear: random.int(1968, 2006),
      address: addressLine(home),
      targetAppellations: random.sample(allJobs, random.int(1, 3)),
      languages: [{ name: "Français", level: random.chance(0.8) ? "fluent" : "intermediate" }],
      drivingLicences: random.chance(0.3) ? ["B"] : [],
      mobilityRadiusKm: random.pick([5, 10, 15, 20, 30]),
      mobilityMeans: random.chance(0.85) ? ["public_transport", "walk"] : ["bike"],
      availability,
      availableFrom: availability === "from_date" ? `2027-0${random.int(1, 3)}-0${random.int(1, 9)}` : null,
      barriers: random.sample(barrierCodes, random.int(0, 2)),
      consent: true,
    };
    return { email, actorEmail: i === 0 ? self.email : actors[i - 1]!, body };
  });
};

export const candidatesStep: DemoStep = {
  name: "candidates",
  label: "candidats",
  async run(deps: DemoDeps, territory: Territory) {
    const candidatesDeps = { ...deps.accounts, geography: deps.geography, geocoder: deps.geocoder };
    let inQpv = 0;
    let created = 0;
    for (const candidate of demoCandidates()) {
      // Found again by e-mail when a failed run is retried: never twice.
      if (!(await findDemoCandidateId(deps.accounts.db, candidate.email))) {
        const dto = await createCandidate(candidatesDeps, actorFor(territory, candidate.actorEmail), candidate.body);
        if (dto.location.qpv) inQpv += 1;
        created += 1;
      }
    }
    return { candidats: created, "en QPV": inQpv };
  },
};
