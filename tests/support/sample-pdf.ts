// A small one-page PDF, as a person's CV would be (browser tests upload it).
import PDFDocument from "pdfkit";

export const samplePdf = () =>
  new Promise<Buffer>((resolve, reject) => {
    const doc = new PDFDocument({ size: "A4", margin: 50, info: { Title: "CV Awa Diallo" } });
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.fontSize(20).text("Awa Diallo");
    doc.fontSize(12).text("Jardinière, trois ans d'expérience en entretien d'espaces verts.");
    doc.end();
  });
