// Renderings of a stored report: JSON, Markdown (French tables), CSV of the
// aggregates (";", UTF-8 with BOM, formula-safe) and PDF (report.pdf.ts).
import type { ScoreQpvReport } from "./score-qpv.contract.ts";
import { csvLine, UTF8_BOM } from "./csv-safe.ts";
import { renderPdf } from "./report.pdf.ts";
import { reportView } from "./report.view.ts";

export type ReportFormat = "json" | "md" | "csv" | "pdf";
export const reportFormats: readonly ReportFormat[] = ["json", "md", "csv", "pdf"];

export const renderJson = (report: ScoreQpvReport): string => `${JSON.stringify(report, null, 2)}\n`;

const mdCell = (text: string) => text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

export const renderMarkdown = (report: ScoreQpvReport): string => {
  const view = reportView(report);
  const out = [`# ${view.title}`, "", `**Période :** ${view.period}`, "", "## Résultat", "", ...view.headline.map((l) => `- ${l}`), "", "## Comparaison", "", ...view.reference.map((l) => `- ${l}`), ""];
  for (const table of view.tables) {
    out.push(`## ${table.title}`, "");
    if (table.rows.length === 0) {
      out.push("_Aucune embauche localisée._", "");
      continue;
    }
    out.push(`| ${table.columns.map(mdCell).join(" | ")} |`, `| ${table.columns.map((_, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`);
    for (const row of table.rows) out.push(`| ${row.map(mdCell).join(" | ")} |`);
    out.push("");
    if (table.note) out.push(`_${table.note}_`, "");
  }
  out.push("## Millésimes et sources", "", ...view.sources.map((l) => `- ${l}`), "", "## Anonymat", "", view.anonymity, "", `_${view.generated}_`, "");
  return out.join("\n");
};

/** The aggregates as one table: section;key;label;located;qpv;rural;qpv_share. */
export const renderCsv = (report: ScoreQpvReport): string => {
  const lines = [csvLine(["section", "cle", "libelle", "localisees", "qpv", "rurales", "part_qpv"])];
  const share = (s: number | null) => (s === null ? "" : s.toFixed(4));
  const { rows, qpv, rural } = report;
  lines.push(csvLine(["periode", report.period.from, report.period.to, "", "", "", ""]));
  for (const [key, value] of Object.entries(rows)) lines.push(csvLine(["lignes", key, "", value, "", "", ""]));
  lines.push(csvLine(["total", "", "Toutes embauches localisées", rows.located, qpv.count, rural.count, share(qpv.share)]));
  lines.push(csvLine(["incertains", "", "Cas incertains", "", qpv.uncertain, rural.uncertain, ""]));
  for (const r of report.unlocatedReasons) lines.push(csvLine(["non_localisees", r.reason, r.label, r.count, "", "", ""]));
  for (const r of report.invalidReasons) lines.push(csvLine(["invalides", r.reason, r.label, r.count, "", "", ""]));
  const sections = [["mois", report.breakdowns.byMonth], ["contrat", report.breakdowns.byContractType], ["etablissement", report.breakdowns.byEstablishment], ["departement", report.breakdowns.byDepartement]] as const;
  for (const [section, breakdown] of sections) {
    for (const r of breakdown) lines.push(csvLine([section, r.key, r.label, r.located, r.qpv, r.rural, share(r.qpvShare)]));
  }
  for (const q of report.breakdowns.byQpv) lines.push(csvLine(["qpv", q.code, `${q.name} (${q.millesime})`, "", q.count, "", ""]));
  lines.push(csvLine(["reference", "national", report.reference.nationalSource, "", "", "", share(report.reference.nationalQpvShare)]));
  for (const d of report.reference.departements) lines.push(csvLine(["reference", d.code, `${d.name} : ${d.source}`, d.hires, "", "", share(d.qpvAddressShare)]));
  return UTF8_BOM + lines.join("");
};

export type RenderedReport = { body: Buffer; contentType: string; extension: string };

export const renderReport = async (report: ScoreQpvReport, format: ReportFormat): Promise<RenderedReport> => {
  switch (format) {
    case "json":
      return { body: Buffer.from(renderJson(report)), contentType: "application/json; charset=utf-8", extension: "json" };
    case "md":
      return { body: Buffer.from(renderMarkdown(report)), contentType: "text/markdown; charset=utf-8", extension: "md" };
    case "csv":
      return { body: Buffer.from(renderCsv(report)), contentType: "text/csv; charset=utf-8", extension: "csv" };
    case "pdf":
      return { body: await renderPdf(report), contentType: "application/pdf", extension: "pdf" };
  }
};
