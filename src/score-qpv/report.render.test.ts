import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { csvLines } from "./fixtures/hr-fixtures.ts";
import { fakeAssessCertainty, fakeGeocoder, fakeGeography } from "./fixtures/fake-geo.ts";
import { renderCsv, renderMarkdown, renderReport } from "./report.render.ts";
import { ANONYMITY_STATEMENT } from "./report.view.ts";
import { runScoreQpv } from "./score.use-case.ts";

const sampleReport = async () => {
  const lines = ["Adresse;CP;Ville;Date d'embauche;Contrat;Établissement"];
  for (let i = 0; i < 60; i++) {
    const street = ["5 rue du QPV", "12 rue de la Paix", "1 place du Bourg", "rue du QPV"][i % 4];
    const cp = ["93200", "75002", "23200", "93200"][i % 4];
    lines.push(`${street};${cp};X;${String((i % 28) + 1).padStart(2, "0")}/${String((i % 12) + 1).padStart(2, "0")}/2024;${i % 3 ? "CDI" : "CDD"};${i === 7 ? "=cmd|' /C calc'!A0" : `Site ${i % 3}`}`);
  }
  lines.push("Rue inconnue;75002;Paris;01/03/2024;CDI;Site 1", "Rue inconnue;75002;Paris;pas de date;CDI;Site 1");
  return runScoreQpv({
    source: { buffer: Buffer.from(csvLines(lines)), fileName: "rh.csv" },
    geocoder: fakeGeocoder(),
    geography: fakeGeography(),
    assessCertainty: fakeAssessCertainty,
    departementQpvAddressShare: (code) => (code === "93" ? 0.32 : null),
    now: () => new Date("2026-12-01T09:00:00Z"),
  });
};

describe("report renderings", () => {
  it("writes French Markdown with the shares, masked cells and the anonymity statement", async () => {
    const md = renderMarkdown(await sampleReport());
    assert.match(md, /^# Score QPV/);
    assert.match(md, /Du 25 décembre 2023 au 24 décembre 2024/);
    assert.match(md, /Embauches résidant en QPV : 50\s%/);
    assert.match(md, /\| < 5 \|/);
    assert.match(md, /8\s% de la population vit en QPV/);
    assert.ok(md.includes(ANONYMITY_STATEMENT));
  });

  it("writes the aggregates as formula-safe CSV", async () => {
    const csv = renderCsv(await sampleReport());
    assert.ok(csv.startsWith("\uFEFFsection;cle;libelle;"));
    assert.ok(csv.includes(";\"'=cmd|' /C calc'!A0\";") || csv.includes(";'=cmd|' /C calc'!A0;"), "formula cell escaped");
    assert.ok(!/(^|;)=cmd/m.test(csv));
    assert.match(csv, /^total;;Toutes embauches localisées;60;30;15;0\.5000\r$/m);
  });

  it("writes a PDF whose text holds the headline and the anonymity statement", async () => {
    const { body, contentType } = await renderReport(await sampleReport(), "pdf");
    assert.equal(contentType, "application/pdf");
    assert.equal(body.subarray(0, 5).toString(), "%PDF-");
    const dir = mkdtempSync(join(tmpdir(), "tremplin-pdf-"));
    const path = join(dir, "rapport.pdf");
    writeFileSync(path, body);
    const text = execFileSync("pdftotext", ["-layout", path, "-"]).toString().replace(/\s+/g, " ");
    assert.ok(text.includes(ANONYMITY_STATEMENT), text);
    assert.ok(text.includes("50 %"));
    assert.ok(text.includes("Seine-Saint-Denis"));
    if (process.env.KEEP_PDF) writeFileSync(process.env.KEEP_PDF, body);
  });
});
