// Demo steps "offers" and "applications": about forty offers of the ten
// employers on their sites (through createOffer: geocoded offline), then
// applications sent by the counsellors for the candidates they follow and
// moved by the employers through every state their kinds allow (through
// sendApplication and transitionApplication: the state machine's rules hold).
import { sendApplication, transitionApplication } from "../applications/applications.use-cases.ts";
import type { TransitionCommand } from "../applications/application-states.domain.ts";
import { allowedContractTypes } from "../offers/offers.domain.ts";
import { closeOffer, createOffer } from "../offers/offers.use-cases.ts";
import { sites } from "./demo.addresses.ts";
import { actorFor, demoCandidates } from "./demo.candidates.ts";
import { createRandom, demoEmail } from "./demo.domain.ts";
import { findDemoCandidateId, findDemoOfferIds } from "./demo.queries.ts";
import type { DemoDeps, DemoStep, Territory } from "./demo.seed.ts";
import { demoOrganisations, employerKeys, jobsByEmployer } from "./demo.territory.ts";

/** Titles of the offers, by ROME appellation (code OGR). */
export const jobTitles: Readonly<Record<string, string>> = {
  "16384": "Maraîcher / Maraîchère en agriculture urbaine",
  "16068": "Jardinier / Jardinière d'espaces verts",
  "488643": "Agent / Agente d'entretien des espaces verts",
  "17515": "Ouvrier / Ouvrière paysagiste",
  "10638": "Agent / Agente de tri des déchets",
  "38506": "Agent / Agente de tri DEEE",
  "16361": "Manutentionnaire",
  "17993": "Préparateur / Préparatrice de commandes",
  "11679": "Cariste",
  "10573": "Agent / Agente de propreté et d'hygiène",
  "11573": "Boulanger / Boulangère",
  "20560": "Vendeur / Vendeuse en boulangerie-pâtisserie",
  "16276": "Magasinier / Magasinière",
  "18325": "Réceptionniste en hôtellerie",
  "20500": "Valet / Femme de chambre",
  "17846": "Plongeur / Plongeuse en restauration",
  "12756": "Commis / Commise de cuisine",
  "10571": "Agent / Agente de propreté de locaux",
  "14769": "Employé / Employée de libre-service",
  "11640": "Caissier / Caissière",
  "11448": "Auxiliaire de puériculture",
  "404261": "Agent / Agente de restauration collective",
  "10698": "Agent / Agente de service hospitalier (ASH)",
  "10891": "Aide-soignant / Aide-soignante",
  "10372": "Agent / Agente d'accueil",
};

export type DemoOffer = { employer: string; appellationCode: string; title: string; address: string; contractType: string; closed: boolean };

const adminOf = (employer: string) => demoEmail(`employeur.${employer}`);
const addressOf = (site: (typeof sites)[number]) => `${site.street} ${site.postcode} Paris`;

/** 40 offers: one per appellation of each employer at its site (29), and 11 more at another site. */
export const demoOffers = (): DemoOffer[] => {
  const random = createRandom(2026_0040);
  const offers: DemoOffer[] = [];
  const add = (employer: string, code: string, second: boolean) => {
    const organisation = demoOrganisations.find((o) => o.key === employer)!;
    const allowed = allowedContractTypes(organisation.kind);
    const contractType = allowed.includes("FIXED_TERM_I") ? "FIXED_TERM_I" : allowed.includes("TEMPORARY") && employer === "etti" ? "TEMPORARY" : random.pick(["PERMANENT", "FIXED_TERM"]);
    const site = second ? random.pick(sites) : organisation.site;
    let title = `${jobTitles[code]}${second ? ` — ${site.postcode.slice(3) === "16" ? "16e" : `${Number(site.postcode.slice(3))}e`} arrondissement` : ""}`;
    if (offers.some((o) => o.employer === employer && o.title === title)) title = `${title} (2)`;
    offers.push({ employer, appellationCode: code, title, address: addressOf(site), contractType, closed: false });
  };
  for (const employer of employerKeys) for (const code of jobsByEmployer[employer]!) add(employer, code, false);
  for (const employer of random.sample(employerKeys, 10)) add(employer, random.pick(jobsByEmployer[employer]!), true);
  add("etti", "17993", true);
  // Two filled offers, to show closed ones.
  offers[3]!.closed = true;
  offers[17]!.closed = true;
  return offers;
};

export const offersStep: DemoStep = {
  name: "offers",
  label: "offres",
  async run(deps: DemoDeps, territory: Territory) {
    const offersDeps = { ...deps.accounts, geocoder: deps.geocoder };
    const random = createRandom(2026_0041);
    let created = 0;
    for (const offer of demoOffers()) {
      const organisationId = territory.organisations.get(offer.employer)!;
      if ((await findDemoOfferIds(deps.accounts.db, organisationId, offer.title)).length) continue;
      const actor = actorFor(territory, adminOf(offer.employer));
      const saved = await createOffer(offersDeps, actor, organisationId, {
        appellationCode: offer.appellationCode,
        title: offer.title,
        description: `Poste de ${offer.title.toLowerCase()} à Paris. Accompagnement assuré, tutorat à l'arrivée. (offre de démonstration)`,
        contractType: offer.contractType as never,
        hoursPerWeek: random.pick([24, 26, 30, 35]),
        positions: random.int(1, 3),
        address: offer.address,
        withoutCv: random.chance(0.5),
        openToBeginners: random.chance(0.6),
        drivingLicenceRequired: offer.appellationCode === "11679",
      });
      if (offer.closed) await closeOffer(offersDeps, actor, saved.id, { reason: "filled" });
      created += 1;
    }
    return { offres: created };
  },
};

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** The employer's moves that lead an application from `new` to each state (obsolete comes from a hire elsewhere). */
const pathTo = (state: string): TransitionCommand[] => {
  switch (state) {
    case "processing":
      return [{ transition: "process" }];
    case "postponed":
      return [{ transition: "process" }, { transition: "postpone", answer: "Nous reviendrons vers vous après les entretiens de la semaine prochaine." }];
    case "pool":
      return [{ transition: "add_to_pool", answer: "Profil intéressant : nous le gardons pour les prochains postes." }];
    case "refused":
      return [
        { transition: "process" },
        { transition: "refuse", reason: "lacking_skills", reasonSharedWithCandidate: true, answerToCandidate: "Le poste demande une expérience que vous n'avez pas encore ; d'autres offres vous correspondront.", answerToSender: "Manque d'expérience sur le poste." },
      ];
    case "accepted":
      return [{ transition: "process" }, { transition: "accept", hiringStartAt: inDays(14), answer: "Bienvenue ! Rendez-vous le premier jour à 9 h." }];
    case "cancelled":
      return [{ transition: "accept", hiringStartAt: inDays(21) }, { transition: "cancel" }];
    default:
      return [];
  }
};

export type DemoApplication = { candidateEmail: string; offerTitle: string; employer: string; state: string };

/** About eighty applications: one or two per followed candidate, their end state drawn so that every state occurs. */
export const demoApplications = (): DemoApplication[] => {
  const random = createRandom(2026_0080);
  const open = demoOffers().filter((o) => !o.closed);
  const cycle = ["new", "processing", "postponed", "pool", "refused", "new", "processing", "accepted", "cancelled", "refused"];
  const applications: DemoApplication[] = [];
  demoCandidates().slice(1).forEach((candidate, i) => {
    const targets = open.filter((o) => candidate.body.targetAppellations?.includes(o.appellationCode));
    const picks = random.sample(targets.length ? targets : open, 2);
    const first = picks[0]!;
    const state = cycle[i % cycle.length]!;
    applications.push({ candidateEmail: candidate.email, offerTitle: first.title, employer: first.employer, state });
    // A second, pending one: a hire on the first makes it obsolete.
    if (picks[1] && (state === "accepted" || random.chance(0.3))) {
      applications.push({ candidateEmail: candidate.email, offerTitle: picks[1].title, employer: picks[1].employer, state: state === "accepted" ? "obsolete" : "new" });
    }
  });
  return applications;
};

export const applicationsStep: DemoStep = {
  name: "applications",
  label: "candidatures",
  async run(deps: DemoDeps, territory: Territory) {
    const db = deps.accounts.db;
    const candidates = new Map(demoCandidates().map((c) => [c.email, c]));
    const byState: Record<string, number> = {};
    const pending: { id: string; employer: string; state: string }[] = [];
    for (const application of demoApplications()) {
      const candidate = candidates.get(application.candidateEmail)!;
      const candidateId = (await findDemoCandidateId(db, candidate.email))!;
      const organisationId = territory.organisations.get(application.employer)!;
      const [offerId] = await findDemoOfferIds(db, organisationId, application.offerTitle);
      const id = await sendApplication(deps.accounts, actorFor(territory, candidate.actorEmail), {
        candidateId,
        offerId,
        message: "Bonjour, je vous adresse la candidature d'une personne que j'accompagne : motivée et disponible.",
      });
      pending.push({ id, employer: application.employer, state: application.state });
    }
    // Hires last: they make the person's other pending applications obsolete.
    const order = (state: string) => (state === "accepted" ? 2 : state === "obsolete" ? 0 : 1);
    for (const { id, employer, state } of pending.sort((a, b) => order(a.state) - order(b.state))) {
      for (const command of pathTo(state)) await transitionApplication(deps.accounts, actorFor(territory, adminOf(employer)), id, command);
    }
    const rows = await db.selectFrom("applications").select(["state", (eb) => eb.fn.countAll<number>().as("n")]).groupBy("state").execute();
    for (const row of rows) byState[row.state] = Number(row.n);
    return { candidatures: pending.length, ...Object.fromEntries(Object.entries(byState).map(([state, n]) => [`« ${state} »`, n])) };
  },
};
