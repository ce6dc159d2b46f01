// Demo step "scores": the Score QPV history of two employers, year after year.
// For each period (hires of 2023, 2024, 2025) a small HR export is written in
// memory from the shipped Paris addresses, scored for real (runScoreQpv with the
// running offline geocoder and geography: the hires of 2023 are measured against
// the QPV 2015, those of 2024 and 2025 against the QPV 2024), stored as the web
// flow stores a report, then saved to the organisation as
// POST /organisations/:id/score-history does. Only aggregates are kept.
import { systemClock } from "../accounts/accounts.deps.ts";
import { ensureAllowed } from "../authorization/authorization.guard.ts";
import { scoreHistoryError } from "../score-qpv/score-history.errors.ts";
import { listSavedScores } from "../score-qpv/score-history.queries.ts";
import { saveScoreToHistory } from "../score-qpv/score-history.use-case.ts";
import { saveReport } from "../score-qpv/score-qpv.queries.ts";
import { runScoreQpv } from "../score-qpv/score.use-case.ts";
import { homesInQpv, homesOutsideQpv } from "./demo.addresses.ts";
import { actorFor } from "./demo.candidates.ts";
import { createRandom, type DemoAddress, demoEmail, type Random } from "./demo.domain.ts";
import type { DemoDeps, DemoStep, Territory } from "./demo.seed.ts";

/** Hires of one year: at a home in a QPV, at a home outside any, outside Paris (not covered offline), without an address. */
type YearHires = { year: number; inQpv: number; outside: number; elsewhere: number; noAddress: number };
type ScoredSite = { employer: string; label: string | null; contractType: string; establishment: string; seed: number; years: readonly YearHires[] };

/** Rising shares in QPV (located hires): the ACI ~12 %, ~17 %, ~22 %; the EI's two sites, each with its label. */
export const demoScoredSites: readonly ScoredSite[] = [
  {
    employer: "aci", label: null, contractType: "CDDI", establishment: "Jardins du Canal", seed: 2026_0050,
    years: [{ year: 2023, inQpv: 5, outside: 36, elsewhere: 1, noAddress: 1 }, { year: 2024, inQpv: 8, outside: 39, elsewhere: 1, noAddress: 0 }, { year: 2025, inQpv: 11, outside: 39, elsewhere: 2, noAddress: 1 }],
  },
  {
    employer: "ei", label: "Atelier La Chapelle", contractType: "CDDI", establishment: "Atelier La Chapelle", seed: 2026_0051,
    years: [{ year: 2023, inQpv: 4, outside: 16, elsewhere: 1, noAddress: 0 }, { year: 2024, inQpv: 5, outside: 15, elsewhere: 0, noAddress: 1 }, { year: 2025, inQpv: 7, outside: 15, elsewhere: 1, noAddress: 0 }],
  },
  {
    employer: "ei", label: "Boutique Flandre", contractType: "CDDI", establishment: "Boutique Flandre", seed: 2026_0052,
    years: [{ year: 2023, inQpv: 1, outside: 13, elsewhere: 0, noAddress: 0 }, { year: 2024, inQpv: 2, outside: 14, elsewhere: 1, noAddress: 0 }, { year: 2025, inQpv: 3, outside: 13, elsewhere: 0, noAddress: 0 }],
  },
];

/** Homes of the QPV 2024 that were in a QPV 2015 too (the geography in force for the hires of 2023). */
const alsoInQpv2015 = homesInQpv.filter((home) => !["16 Rue de Jessaint", "5 Avenue de la Porte Brancion"].includes(home.street));

/** Addresses outside Paris: the offline geocoder only has the Paris BAN, they are reported as not located. */
const elsewhere = [
  { street: "12 Rue de la République", postcode: "93200", city: "Saint-Denis" },
  { street: "3 Rue Jean Jaurès", postcode: "93100", city: "Montreuil" },
];

const headers = ["Adresse", "Code postal", "Ville", "Date d'embauche", "Type de contrat", "Établissement"];

const hireDate = (random: Random, year: number) => `${String(random.int(1, 28)).padStart(2, "0")}/${String(random.int(1, 12)).padStart(2, "0")}/${year}`;
const paris = (home: DemoAddress) => [home.street, home.postcode, "Paris"];

/** The HR export of one year, as an HR software writes it (semicolons, dd/mm/yyyy dates, sorted by hire date). Held in memory only. */
export const demoHrExport = (site: ScoredSite, hires: YearHires): string => {
  const random = createRandom(site.seed + hires.year);
  const inQpv = hires.year < 2024 ? alsoInQpv2015 : homesInQpv;
  const addresses = [
    ...random.sample(inQpv, hires.inQpv).map(paris),
    ...random.sample(homesOutsideQpv, hires.outside).map(paris),
    ...Array.from({ length: hires.elsewhere }, (_, i) => { const a = elsewhere[i % elsewhere.length]!; return [a.street, a.postcode, a.city]; }),
    ...Array.from({ length: hires.noAddress }, () => ["", "", ""]),
  ];
  const rows = addresses.map((address) => ({ date: hireDate(random, hires.year), cells: address }));
  const iso = (date: string) => date.split("/").reverse().join("-");
  rows.sort((a, b) => iso(a.date).localeCompare(iso(b.date)));
  const lines = [headers, ...rows.map((row) => [...row.cells, row.date, site.contractType, site.establishment])];
  return lines.map((cells) => cells.join(";")).join("\r\n") + "\r\n";
};

const periodKey = (label: string | null, from: string, to: string) => `${label ?? ""}|${from}|${to}`;

export const scoresStep: DemoStep = {
  name: "scores",
  label: "historique du Score QPV",
  async run(deps: DemoDeps, territory: Territory) {
    const db = deps.accounts.db;
    let saved = 0;
    let located = 0;
    for (const site of demoScoredSites) {
      const organisationId = territory.organisations.get(site.employer)!;
      const admin = actorFor(territory, demoEmail(`employeur.${site.employer}`));
      // As the route checks it: the employer's administrator saves to the organisation it acts for.
      ensureAllowed(admin, "create", "score_report", { organisationIds: [organisationId] }, () => scoreHistoryError("score_history.not_found"));
      // A step interrupted mid-way and run again does not save a period twice.
      const done = new Set((await listSavedScores(db, organisationId)).map((s) => periodKey(s.label, s.period.from, s.period.to)));
      for (const hires of site.years) {
        const from = `${hires.year}-01-01`;
        const to = `${hires.year}-12-31`;
        if (done.has(periodKey(site.label, from, to))) continue;
        const at = (deps.accounts.clock ?? systemClock).now();
        const report = await runScoreQpv({
          source: { buffer: Buffer.from(demoHrExport(site, hires), "utf8"), fileName: `embauches-${hires.year}.csv` },
          from,
          to,
          geocoder: deps.geocoder,
          geography: deps.geography,
          departementQpvAddressShare: deps.departementQpvAddressShare,
          now: () => at,
        });
        const reportId = await saveReport(db, report, { source: "web", jobId: null });
        await saveScoreToHistory(db, { organisationId, reportId, savedBy: admin.userId, label: site.label, at });
        saved += 1;
        located += report.rows.located;
      }
    }
    return { "scores enregistrés": saved, "embauches localisées": located };
  },
};
