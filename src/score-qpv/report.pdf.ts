// The report as an A4 PDF (pdfkit, standard Helvetica: no font file needed).
import PDFDocument from "pdfkit";
import type { ScoreQpvReport } from "./score-qpv.contract.ts";
import { type ReportTable, reportView } from "./report.view.ts";

/** Helvetica's WinAnsi encoding lacks the narrow no-break space and the minus sign. */
const winAnsi = (text: string) => text.replace(/[\u202f\u00a0]/g, " ").replace(/\u2212/g, "-");

const BLUE = "#000091"; // DSFR "bleu France"
const GREY = "#666666";

type Doc = InstanceType<typeof PDFDocument>;

const heading = (doc: Doc, text: string) => {
  if (doc.y > doc.page.height - doc.page.margins.bottom - 80) doc.addPage();
  doc.moveDown(0.8).font("Helvetica-Bold").fontSize(12).fillColor(BLUE).text(winAnsi(text)).moveDown(0.3);
  doc.font("Helvetica").fontSize(9).fillColor("black");
};

const drawTable = (doc: Doc, table: ReportTable) => {
  heading(doc, table.title);
  if (table.rows.length === 0) {
    doc.font("Helvetica-Oblique").text("Aucune embauche localisée.").font("Helvetica");
    return;
  }
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const n = table.columns.length;
  const firstWidth = n > 2 ? width * 0.34 : width * 0.7;
  const widths = [firstWidth, ...Array<number>(n - 1).fill((width - firstWidth) / Math.max(n - 1, 1))];
  const rowHeight = (cells: string[], bold: boolean) => {
    doc.font(bold ? "Helvetica-Bold" : "Helvetica");
    return Math.max(...cells.map((cell, i) => doc.heightOfString(winAnsi(cell), { width: widths[i] - 6 }))) + 6;
  };
  const drawRow = (cells: string[], bold: boolean, shaded: boolean) => {
    const height = rowHeight(cells, bold);
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      if (!bold) drawRow(table.columns, true, true);
    }
    const top = doc.y;
    if (shaded) doc.rect(left, top, width, height).fill("#eeeef8").fillColor("black");
    let x = left;
    cells.forEach((cell, i) => {
      doc.font(bold ? "Helvetica-Bold" : "Helvetica").fillColor("black")
        .text(winAnsi(cell), x + 3, top + 3, { width: widths[i] - 6, align: i === 0 ? "left" : "right" });
      x += widths[i];
    });
    doc.moveTo(left, top + height).lineTo(left + width, top + height).lineWidth(0.5).strokeColor("#cccccc").stroke();
    doc.x = left;
    doc.y = top + height;
  };
  drawRow(table.columns, true, true);
  for (const row of table.rows) drawRow(row, false, false);
  if (table.note) doc.moveDown(0.3).fontSize(8).fillColor(GREY).text(winAnsi(table.note), left, doc.y, { width }).fontSize(9).fillColor("black");
};

export const renderPdf = (report: ScoreQpvReport): Promise<Buffer> => {
  const view = reportView(report);
  const doc = new PDFDocument({ size: "A4", margin: 50, info: { Title: winAnsi(view.title), Producer: "Tremplin", Creator: "Tremplin" } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  doc.font("Helvetica-Bold").fontSize(18).fillColor(BLUE).text(winAnsi(view.title));
  doc.moveDown(0.3).font("Helvetica").fontSize(10).fillColor("black").text(winAnsi(view.period));

  // Headline: the two shares in large type, then the sentences.
  doc.moveDown(0.8);
  const boxTop = doc.y;
  doc.rect(left, boxTop, width, 70).fill("#f5f5fe");
  const big = (label: string, value: string, x: number) => {
    doc.font("Helvetica-Bold").fontSize(24).fillColor(BLUE).text(winAnsi(value), x, boxTop + 10, { width: width / 2 - 20 });
    doc.font("Helvetica").fontSize(9).fillColor("black").text(winAnsi(label), x, boxTop + 42, { width: width / 2 - 20 });
  };
  const share = (s: number | null) => (s === null ? "—" : new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 1 }).format(s));
  big(`des embauches localisées résident en QPV (${report.qpv.uncertain} incertaines)`, share(report.qpv.share), left + 12);
  big(`en commune rurale ZRR / FRR (${report.rural.uncertain} incertaines)`, share(report.rural.share), left + width / 2 + 12);
  doc.x = left;
  doc.y = boxTop + 80;
  doc.fontSize(9);
  for (const line of [...view.headline, ...view.reference]) doc.text(winAnsi(`• ${line}`), left, doc.y, { width }).moveDown(0.2);

  for (const table of view.tables) drawTable(doc, table);

  heading(doc, "Millésimes et sources");
  for (const line of view.sources) doc.text(winAnsi(`• ${line}`), left, doc.y, { width });
  heading(doc, "Anonymat");
  doc.font("Helvetica-Bold").text(winAnsi(view.anonymity), left, doc.y, { width }).font("Helvetica");
  doc.moveDown(0.8).fontSize(8).fillColor(GREY).text(winAnsi(view.generated), left, doc.y, { width });
  doc.end();
  return done;
};
