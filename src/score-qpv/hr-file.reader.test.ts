import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { DomainError } from "../server/errors.ts";
import { csvLines, hiresWorkbook, utf8WithBom, windows1252 } from "./fixtures/hr-fixtures.ts";
import { type HrRow, inspectHrFile, readHrRows, type HrSource } from "./hr-file.reader.ts";

const collect = async (source: HrSource, options = {}) => {
  const rows: HrRow[] = [];
  for await (const row of readHrRows(source, options)) rows.push(row);
  return rows;
};

const rejectsWith = (promise: Promise<unknown>, code: string) =>
  assert.rejects(promise, (error: unknown) => error instanceof DomainError && error.code === code);

const header = "Nom;Adresse;CP;Ville;Date d'entrée;Type de contrat;Établissement";

describe("CSV exports", () => {
  let dir: string;
  before(async () => { dir = await mkdtemp(join(tmpdir(), "tremplin-hr-")); });
  after(() => rm(dir, { recursive: true, force: true }));

  it("reads UTF-8 with BOM, semicolons and CRLF from a file", async () => {
    const path = join(dir, "bom.csv");
    await writeFile(path, utf8WithBom(csvLines([header, "Dupont;12 rue de la Paix;75002;Paris;01/03/2025;CDI;Siège", "Durand;3 av. Foch;94000;Créteil;1er avril 2025;CDD;Créteil"])));
    const inspection = await inspectHrFile({ path });
    assert.equal(inspection.encoding, "utf-8");
    assert.equal(inspection.delimiter, ";");
    assert.equal(inspection.columns[6].header, "Établissement");
    assert.deepEqual(inspection.columns[3].samples, ["Paris", "Créteil"]);
    assert.equal(inspection.needsMapping, false);
    const rows = await collect({ path });
    assert.equal(rows.length, 2);
    assert.equal(rows[0].line, 2);
    assert.deepEqual(rows[1].fields.address, { street: "3 av. Foch", postcode: "94000", city: "Créteil" });
    assert.deepEqual(rows[1].fields.hireDate, { ok: true, iso: "2025-04-01", precision: "day" });
    assert.equal(rows[1].fields.establishment, "Créteil");
  });

  it("reads Windows-1252 accents", async () => {
    const buffer = windows1252(csvLines([header, "Martin;5 place de l'Église;94000;Créteil;2025-02-03;CDI;Établissement Est"]));
    const inspection = await inspectHrFile({ buffer, fileName: "rh.csv" });
    assert.equal(inspection.encoding, "windows-1252");
    assert.equal(inspection.columns[6].header, "Établissement");
    const [row] = await collect({ buffer, fileName: "rh.csv" });
    assert.equal(row.fields.address.city, "Créteil");
    assert.equal(row.fields.address.street, "5 place de l'Église");
  });

  it("reads commas with quoted fields below a title line, and tabs", async () => {
    const comma = csvLines(["Export du 2 mai 2025", "", "Adresse complète,Date d'embauche,Contrat", '"12, rue de la Paix 75002 Paris",01-03-25,CDI', '"8 bd ""Voltaire""\n75011 Paris",02/03/2025,CDD'], "\n");
    const inspection = await inspectHrFile({ buffer: Buffer.from(comma), fileName: "a.csv" });
    assert.equal(inspection.delimiter, ",");
    assert.equal(inspection.headerLine, 3);
    const rows = await collect({ buffer: Buffer.from(comma), fileName: "a.csv" });
    assert.deepEqual(rows.map((r) => r.line), [4, 5]);
    assert.equal(rows[0].fields.address.full, "12, rue de la Paix 75002 Paris");
    assert.equal(rows[1].fields.address.full, '8 bd "Voltaire" 75011 Paris');
    const tab = Buffer.from(csvLines(["Numéro\tVoie\tVille\tDate d'entrée", "12\true de la Paix\tParis\tmars 2025"]));
    const [row] = await collect({ buffer: tab, fileName: "t.tsv" });
    assert.equal(row.fields.address.street, "12 rue de la Paix");
    assert.deepEqual(row.fields.hireDate, { ok: true, iso: "2025-03-01", precision: "month" });
  });

  it("asks for a mapping when no address column is recognised, and follows the one given", async () => {
    const buffer = Buffer.from(csvLines(["Col1;Col2;Col3", "x;12 rue de la Paix 75002 Paris;01/03/2025"]));
    const inspection = await inspectHrFile({ buffer, fileName: "x.csv" });
    assert.equal(inspection.needsMapping, true);
    assert.deepEqual(inspection.columns[1].samples, ["12 rue de la Paix 75002 Paris"]);
    await rejectsWith(collect({ buffer, fileName: "x.csv" }), "score.no_usable_column");
    const [row] = await collect({ buffer, fileName: "x.csv" }, { mapping: { address: 1, hireDate: 2 } });
    assert.equal(row.fields.address.full, "12 rue de la Paix 75002 Paris");
    await rejectsWith(collect({ buffer, fileName: "x.csv" }, { mapping: { address: 7, hireDate: 2 } }), "score.mapping_out_of_range");
  });

  it("refuses unusable files with their own codes", async () => {
    await rejectsWith(inspectHrFile({ buffer: Buffer.alloc(0), fileName: "e.csv" }), "score.empty_file");
    await rejectsWith(inspectHrFile({ buffer: utf8WithBom("\r\n\r\n"), fileName: "e.csv" }), "score.empty_file");
    await rejectsWith(inspectHrFile({ buffer: Buffer.from(csvLines([header])), fileName: "h.csv" }), "score.no_data_rows");
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    await rejectsWith(inspectHrFile({ buffer: garbage, fileName: "g.csv" }), "score.unreadable_file");
    await rejectsWith(inspectHrFile({ buffer: Buffer.from("PK\x03\x04garbage"), fileName: "g.xlsx" }), "score.unreadable_file");
    await rejectsWith(inspectHrFile({ buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2]), fileName: "old.xls" }), "score.xls_not_supported");
    await rejectsWith(inspectHrFile({ buffer: Buffer.from(csvLines([header, "a;b;c;d;e;f;g"])), fileName: "big.csv" }, { maxBytes: 10 }), "score.file_too_large");
    await rejectsWith(collect({ buffer: Buffer.from(csvLines(["Adresse;Contrat", "1 rue X;CDI"])), fileName: "n.csv" }), "score.no_hire_date_column");
  });
});

describe("XLSX exports", () => {
  let workbook: Buffer;
  before(async () => { workbook = await hiresWorkbook(); });

  for (const streamed of [false, true]) {
    it(`picks the hires sheet below its title rows, reads dates, formulas and rich text (${streamed ? "streamed" : "loaded"})`, async () => {
      const options = { streamXlsxAboveBytes: streamed ? 0 : undefined };
      const source = { buffer: workbook, fileName: "rh.xlsx" };
      const inspection = await inspectHrFile(source, options);
      assert.deepEqual(inspection.sheets, ["Synthèse", "Embauches 2025"]);
      assert.equal(inspection.sheet, "Embauches 2025");
      assert.equal(inspection.headerLine, 3);
      const rows = await collect(source, options);
      assert.deepEqual(rows.map((r) => r.line), [4, 5, 6]);
      assert.deepEqual(rows.map((r) => r.fields.hireDate.ok && r.fields.hireDate.iso), ["2025-03-01", "2025-02-28", "2025-04-15"]);
      assert.equal(rows[1].fields.address.street, "3 avenue Foch");
      assert.equal(rows[2].fields.address.postcode, "75011");
      assert.equal(rows[0].raw[4], "2025-03-01");
      // Merged F5:F6 reads in both rows when the workbook is loaded, only in its first cell when streamed.
      assert.deepEqual(rows.map((r) => r.fields.establishment), ["Siège", "Agence Est", streamed ? null : "Agence Est"]);
    });
  }

  it("reads the sheet asked for, and names the sheets when it does not exist", async () => {
    const source = { buffer: workbook, fileName: "rh.xlsx" };
    const inspection = await inspectHrFile(source, { sheet: "Synthèse" });
    assert.equal(inspection.needsMapping, true);
    await rejectsWith(inspectHrFile(source, { sheet: "Feuil9" }), "score.sheet_not_found");
  });
});
