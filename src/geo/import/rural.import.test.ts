import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, describe, it } from "node:test";
import { gzipSync } from "node:zlib";
import iconv from "iconv-lite";
import { testEngines, type TestDatabase } from "../../server/test-engines.ts";
import { importFrr, importZrr } from "./rural.import.ts";

const data = resolve(import.meta.dirname, "../../../data/rural");
const ZRR = join(data, "zrr_communes_cog2021_anct.csv.gz");
const FRR = join(data, "frr_communes_2025-07-10.csv.gz");
const rejectsWith = (promise: Promise<unknown>, code: string) => assert.rejects(promise, (e: { code?: string }) => e.code === code);

for (const engine of testEngines()) {
  describe(`ZRR and FRR imports on ${engine.name}`, () => {
    let test: TestDatabase;
    let dir: string;
    const write = (name: string, content: string | Buffer) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    };
    const classes = async (scheme: "zrr" | "frr") => {
      const rows = await test.db
        .selectFrom("rural_communes")
        .select(["class", (eb) => eb.fn.countAll<number>().as("n")])
        .where("scheme", "=", scheme)
        .groupBy("class")
        .execute();
      return Object.fromEntries(rows.map((row) => [row.class, Number(row.n)]));
    };
    const dataset = (kind: "zrr" | "frr") =>
      test.db.selectFrom("reference_datasets").select(["millesime", "source", "row_count"]).where("kind", "=", kind).executeTakeFirst();

    before(async () => {
      test = await engine.freshMigratedDb();
      dir = mkdtempSync(join(tmpdir(), "tremplin-rural-"));
    });
    after(async () => {
      rmSync(dir, { recursive: true, force: true });
      await test.close();
    });

    it("imports the official ZRR list (title lines, two header lines, trailing empty rows)", async () => {
      const result = await importZrr(test.db, ZRR);
      assert.deepEqual(result, { scheme: "zrr", millesime: "ZRR 2017-2018 (COG 2021)", rowCount: 34_965, classified: 17_730 });
      assert.deepEqual(await classes("zrr"), { C: 17_694, NC: 17_235, P: 36 });
      const row = await test.db.selectFrom("rural_communes").selectAll().where("scheme", "=", "zrr").where("code_insee", "=", "01001").executeTakeFirstOrThrow();
      assert.deepEqual([row.class, row.label, row.classified], ["NC", "Commune non classée", false]);
      assert.deepEqual(await dataset("zrr"), { millesime: "ZRR 2017-2018 (COG 2021)", source: "zrr_communes_cog2021_anct.csv.gz", row_count: 34_965 });
    });

    it("imports the official FRR list (;, CRLF, trailing ;) with the date of its header", async () => {
      const progress: (number | null)[][] = [];
      const result = await importFrr(test.db, FRR, { onProgress: (done, total) => progress.push([done, total]) });
      assert.deepEqual(result, { scheme: "frr", millesime: "FRR au 10 juillet 2025", rowCount: 34_875, classified: 19_934 });
      assert.deepEqual(await classes("frr"), {
        non_classee: 14_941, frr_socle: 13_313, frr_plus: 4_456, frr_beneficiaire: 2_134, frr_partiel: 20, frr_beneficiaire_partiel: 11,
      });
      assert.deepEqual(progress.at(-1), [34_875, 34_875]);
      assert.equal((await classes("zrr")).C, 17_694);
    });

    it("reads Windows-1252 and UTF-8 with BOM, finds the header by content", async () => {
      const cp1252 = iconv.encode('"Champ : test","",""\r\n"CODGEO","LIBGEO","ZRR_SIMP"\r\n"01002","Évian","C - Classée en ZRR"\r\n"2A004","Ajaccio","NC - Commune non classée"\r\n', "win1252");
      assert.equal((await importZrr(test.db, write("zrr-cp1252.csv", cp1252), { millesime: "ZRR test" })).rowCount, 2);
      const c = await test.db.selectFrom("rural_communes").select(["label"]).where("scheme", "=", "zrr").where("code_insee", "=", "01002").executeTakeFirstOrThrow();
      assert.equal(c.label, "Classée en ZRR");
      assert.equal((await dataset("zrr"))?.millesime, "ZRR test");
      const bom = "\ufeffCode_insee;Departement;Commune;Classement FRR et FRR+ au 1er avril 2025;\r\n01004;01;Ambérieu;FRR+;\r\n";
      const result = await importFrr(test.db, write("frr-bom.csv.gz", gzipSync(Buffer.from(bom, "utf8"))));
      assert.deepEqual([result.millesime, result.rowCount, result.classified], ["FRR au 1er avril 2025", 1, 1]);
      const plus = await test.db.selectFrom("rural_communes").select(["class", "label"]).where("scheme", "=", "frr").executeTakeFirstOrThrow();
      assert.deepEqual(plus, { class: "frr_plus", label: "FRR+" });
    });

    it("rejects bad lists and leaves the previous one in place", async () => {
      const header = "Code_insee;Departement;Commune;Classement FRR et FRR+ au 10 juillet 2025;\r\n";
      await rejectsWith(importFrr(test.db, write("a.csv", `${header}01001;01;A;Non classée;\r\n1001;01;B;FRR+;\r\n`)), "geo.csv_bad_code");
      await rejectsWith(importFrr(test.db, write("b.csv", `${header}01001;01;A;Super FRR;\r\n`)), "geo.csv_bad_class");
      await rejectsWith(importFrr(test.db, write("c.csv", `${header}01001;01;A;FRR+;\r\n01001;01;A;FRR+;\r\n`)), "geo.csv_duplicate");
      await rejectsWith(importFrr(test.db, write("d.csv", header)), "geo.csv_empty");
      await rejectsWith(importFrr(test.db, write("e.csv", "a;b;c\r\n1;2;3\r\n")), "geo.csv_no_header");
      await rejectsWith(importZrr(test.db, FRR), "geo.csv_no_header");
      assert.deepEqual(await classes("frr"), { frr_plus: 1 });
      assert.equal((await dataset("frr"))?.source, "frr-bom.csv.gz");
    });
  });
}
