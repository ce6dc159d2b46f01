// The report as French sections (headline lines and tables), shared by the
// Markdown and PDF renderings so that both say exactly the same thing.
import type { ScoreQpvReport, SuppressedCount } from "./score-qpv.contract.ts";

export const ANONYMITY_STATEMENT = "Aucune adresse n'est conservée : seul ce rapport agrégé l'est.";

export type ReportTable = { title: string; columns: string[]; rows: string[][]; note?: string };
export type ReportView = {
  title: string;
  period: string;
  headline: string[];
  reference: string[];
  tables: ReportTable[];
  sources: string[];
  anonymity: string;
  generated: string;
};

const integer = new Intl.NumberFormat("fr-FR");
const percent = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 1 });
const longDate = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

export const formatCount = (n: SuppressedCount) => (typeof n === "number" ? integer.format(n) : n);
export const formatShare = (share: number | null) => (share === null ? "—" : percent.format(share));
export const formatDate = (iso: string) => longDate.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)).replace(/^1 /, "1er ");

const points = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });
const gap = (difference: number) => {
  const value = Math.abs(difference * 100);
  return `${difference >= 0 ? "+" : "−"}${points.format(value)} point${value >= 2 ? "s" : ""} de pourcentage`;
};

const plural = (n: number, one: string, many: string) => `${integer.format(n)} ${n > 1 ? many : one}`;

const breakdownTable = (title: string, rows: ScoreQpvReport["breakdowns"]["byMonth"]): ReportTable => ({
  title,
  columns: ["", "Embauches localisées", "En QPV", "Part en QPV", "En commune rurale"],
  rows: rows.map((r) => [r.label, formatCount(r.located), formatCount(r.qpv), formatShare(r.qpvShare), formatCount(r.rural)]),
});

export const reportView = (report: ScoreQpvReport): ReportView => {
  const { rows, qpv, rural } = report;
  const tables: ReportTable[] = [
    {
      title: "Lignes du fichier",
      columns: ["Lues", "Dans la période", "Localisées", "Non localisées", "Hors période", "Invalides", "Doublons"],
      rows: [[rows.total, rows.inPeriod, rows.located, rows.unlocated, rows.outOfPeriod, rows.invalid, rows.duplicates].map((n) => integer.format(n))],
    },
  ];
  if (report.unlocatedReasons.length) {
    tables.push({ title: "Embauches non localisées", columns: ["Raison", "Lignes"], rows: report.unlocatedReasons.map((r) => [r.label, integer.format(r.count)]) });
  }
  if (report.invalidReasons.length) {
    tables.push({
      title: "Lignes invalides",
      columns: ["Raison", "Lignes", "Premières lignes concernées"],
      rows: report.invalidReasons.map((r) => [r.label, integer.format(r.count), r.firstLines.join(", ")]),
    });
  }
  const note = "« < 5 » : effectif de 1 à 4, masqué ; « masqué » : effectif d'au moins 5 masqué pour qu'un petit effectif ne puisse être déduit du total.";
  const { breakdowns } = report;
  tables.push({ ...breakdownTable("Par mois d'embauche", breakdowns.byMonth), note });
  tables.push(breakdownTable("Par type de contrat", breakdowns.byContractType));
  tables.push(breakdownTable("Par établissement", breakdowns.byEstablishment));
  if (breakdowns.byDepartement.length) tables.push(breakdownTable("Par département de résidence", breakdowns.byDepartement));
  if (breakdowns.byQpv.length) {
    tables.push({
      title: "Par quartier prioritaire",
      columns: ["Code", "Quartier", "Millésime", "Embauches"],
      rows: breakdowns.byQpv.map((q) => [q.code, q.name, String(q.millesime), formatCount(q.count)]),
    });
  }
  if (report.reference.departements.length) {
    tables.push({
      title: "Comparaison par département",
      columns: ["Département", "Embauches localisées", "Part des adresses BAN en QPV"],
      rows: report.reference.departements.map((d) => [`${d.code} — ${d.name}`, formatCount(d.hires), formatShare(d.qpvAddressShare)]),
      note: report.reference.departements[0].source,
    });
  }
  return {
    title: "Score QPV — origine territoriale des embauches",
    period: `Du ${formatDate(report.period.from)} au ${formatDate(report.period.to)}${report.period.defaulted ? " (12 mois précédant la dernière embauche du fichier)" : ""}`,
    headline: [
      `Embauches résidant en QPV : ${formatShare(qpv.share)} (${plural(qpv.count, "embauche", "embauches")} sur ${plural(rows.located, "localisée", "localisées")}) ; ${plural(qpv.uncertain, "cas incertain", "cas incertains")} (géocodage imprécis ou point proche d'un périmètre).`,
      `Embauches résidant en commune rurale (ZRR ou FRR) : ${formatShare(rural.share)} (${plural(rural.count, "embauche", "embauches")}) ; ${plural(rural.uncertain, "cas incertain", "cas incertains")}.`,
    ],
    reference: [
      `Référence nationale : ${formatShare(report.reference.nationalQpvShare)} de la population vit en QPV (${report.reference.nationalSource}).`,
      qpv.share === null
        ? "Aucune embauche localisée : pas de comparaison possible."
        : `Écart à la référence nationale : ${gap(qpv.share - report.reference.nationalQpvShare)}.`,
    ],
    tables,
    sources: [
      ...report.geography.qpv.map((g) => `QPV ${g.millesime} (${g.source}) : ${plural(g.rows, "embauche mesurée", "embauches mesurées")}`),
      ...report.geography.rural.map((g) => `Classement ${g.millesime} (${g.source}) : ${plural(g.rows, "embauche mesurée", "embauches mesurées")}`),
      `Géocodage : ${report.geocoder.remoteUsed ? "index hors ligne complété par le géocodeur national" : "index hors ligne (aucune adresse envoyée à un service extérieur)"}.`,
    ],
    anonymity: ANONYMITY_STATEMENT,
    generated: `Rapport généré le ${formatDate(report.generatedAt)} par Tremplin.`,
  };
};
