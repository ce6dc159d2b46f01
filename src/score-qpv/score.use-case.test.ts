import assert from "node:assert/strict";
import { PassThrough } from "node:stream";
import { describe, it } from "node:test";
import { DomainError } from "../server/errors.ts";
import { csvLines, utf8WithBom } from "./fixtures/hr-fixtures.ts";
import { fakeAssessCertainty, fakeGeocoder, fakeGeography } from "./fixtures/fake-geo.ts";
import type { RowOutcome } from "./report.domain.ts";
import { createRowsOutput } from "./rows-output.ts";
import { scoreQpvReportSchema } from "./score-qpv.contract.ts";
import { createDigestSet, runScoreQpv, type ScoreQpvInput } from "./score.use-case.ts";

const hires = csvLines([
  "Matricule;Adresse;CP;Ville;Date d'entrée;Type de contrat;Site",
  "1;5 rue du QPV;93200;Saint-Denis;15/11/2023;CDI;Nord", // QPV 2015 (before 2024)
  "2;5 rue du QPV;93200;Saint-Denis;10/02/2024;CDI;Nord", // QPV 2024
  "3;rue du QPV;93200;Saint-Denis;11/02/2024;CDD;Nord", // street match in a QPV commune: uncertain
  "4;12 rue de la Paix;75002;Paris;01/03/2024;CDI;Paris",
  "5;12 rue de la Paix;75002;Paris;01/03/2024;CDI;Paris", // duplicate of line 5
  "6;1 place du Bourg;23200;Aubusson;01/05/2024;=HYPERLINK(\"x\");Creuse", // ZRR (before July 2024)
  "7;1 place du Bourg;23200;Aubusson;01/09/2024;CDI;Creuse", // FRR
  "8;99 rue Inconnue;75002;Paris;02/09/2024;CDI;Paris", // street not found
  "9;12 rue de la Paix;75002;Paris;bientôt;CDI;Paris", // unreadable date
  "10;12 rue de la Paix;75002;Paris;;CDI;Paris", // no date
  "11;12 rue de la Paix;75002;Paris;01/10/2023;CDD;Paris", // before the default period
  "12;;;;01/10/2024;CDI;Paris", // empty address
]);

const base = (overrides: Partial<ScoreQpvInput> = {}): ScoreQpvInput => ({
  source: { buffer: utf8WithBom(hires), fileName: "rh.csv" },
  geocoder: fakeGeocoder(),
  geography: fakeGeography(),
  assessCertainty: fakeAssessCertainty,
  now: () => new Date("2026-12-01T00:00:00Z"),
  ...overrides,
});

describe("Score QPV pipeline", () => {
  it("defaults to the 12 months ending at the latest hire and measures each hire against its own geography", async () => {
    const batches: number[] = [];
    const outcomes: [number, RowOutcome["status"]][] = [];
    const progress: [number, number | null][] = [];
    const report = scoreQpvReportSchema.parse(await runScoreQpv(base({
      geocoder: fakeGeocoder(batches),
      chunkSize: 4,
      progressEvery: 5,
      onRow: (row, outcome) => { outcomes.push([row.line, outcome.status]); },
      onProgress: (done, total) => { progress.push([done, total]); },
    })));
    assert.deepEqual(report.period, { from: "2023-10-02", to: "2024-10-01", defaulted: true });
    assert.deepEqual(report.rows, { total: 12, inPeriod: 8, located: 6, unlocated: 2, outOfPeriod: 1, invalid: 2, duplicates: 1 });
    assert.deepEqual(report.qpv, { count: 3, share: 0.5, uncertain: 1 });
    assert.deepEqual(report.rural, { count: 2, share: 2 / 6, uncertain: 0 });
    assert.deepEqual(report.geography.qpv.map((g) => [g.millesime, g.rows]), [[2015, 1], [2024, 5]]);
    assert.deepEqual(report.geography.rural.map((g) => [g.scheme, g.rows]), [["zrr", 5], ["frr", 1]]);
    assert.deepEqual(report.unlocatedReasons.map((r) => [r.reason, r.count]).sort(), [["empty_address", 1], ["street_not_found", 1]]);
    assert.deepEqual(report.invalidReasons.map((r) => [r.reason, r.firstLines]), [["unparseable_hire_date", [10]], ["missing_hire_date", [11]]]);
    assert.deepEqual(outcomes.map(([line]) => line), [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    assert.equal(outcomes[4][1], "duplicate");
    assert.deepEqual(batches, [4, 3]); // chunks of 4 rows; the last chunk needs no geocoding
    assert.deepEqual(progress, [[5, 12], [10, 12], [12, 12]]);
  });

  it("finds the default period in a single pass, with the same report as when every row is written out", async () => {
    const batches: number[] = [];
    const progress: [number, number | null][] = [];
    const single = await runScoreQpv(base({ geocoder: fakeGeocoder(batches), chunkSize: 4, progressEvery: 5, onProgress: (done, total) => { progress.push([done, total]); } }));
    const twoPasses = await runScoreQpv(base({ onRow: () => {} }));
    assert.deepEqual(single, twoPasses);
    assert.deepEqual(progress, [[5, null], [10, null], [12, 12]]); // no first pass: the total is known at the end
    // Line 11 (01/10/2023) is geocoded before the latest hire (01/10/2024) is seen, then counted out of period.
    assert.deepEqual(batches, [4, 3, 1]); // the last chunk geocodes it; two passes would not
    assert.equal(single.rows.outOfPeriod, 1);
  });

  it("decides out of period in a single pass from an explicit start, and refuses one after the latest hire", async () => {
    const report = await runScoreQpv(base({ from: "2024-03-01" }));
    assert.deepEqual(report.period, { from: "2024-03-01", to: "2024-10-01", defaulted: true });
    assert.deepEqual(report, await runScoreQpv(base({ from: "2024-03-01", onRow: () => {} })));
    await assert.rejects(runScoreQpv(base({ from: "2025-01-01" })), (e: unknown) => e instanceof DomainError && e.code === "score.invalid_period");
    const undated = csvLines(["Adresse;CP;Ville;Date d'embauche", "5 rue du QPV;93200;Saint-Denis;bientôt"]);
    await assert.rejects(runScoreQpv(base({ source: { buffer: Buffer.from(undated), fileName: "x.csv" } })), (e: unknown) => e instanceof DomainError && e.code === "score.no_dated_row");
  });

  it("uses the certainty rules of src/geo/certainty.ts by default", async () => {
    const report = await runScoreQpv(base({ assessCertainty: undefined }));
    assert.equal(report.qpv.uncertain, 1); // the street-level match scored 0.7
  });

  it("keeps an explicit period and refuses an inverted one", async () => {
    const report = await runScoreQpv(base({ from: "2024-01-01", to: "2024-06-30" }));
    assert.deepEqual(report.period, { from: "2024-01-01", to: "2024-06-30", defaulted: false });
    assert.equal(report.rows.inPeriod, 4);
    await assert.rejects(runScoreQpv(base({ from: "2024-06-30", to: "2024-01-01" })), (e: unknown) => e instanceof DomainError && e.code === "score.invalid_period");
  });

  it("does not count hires whose geography is not imported as outside a QPV", async () => {
    const report = await runScoreQpv(base({ geography: fakeGeography({ without2015: true }) }));
    assert.equal(report.rows.located, 5);
    assert.deepEqual(report.unlocatedReasons.find((r) => r.reason === "geography_not_imported")?.count, 1);
  });

  it("takes lat/lon columns as they are, naming the commune only from a postcode", async () => {
    const batches: number[] = [];
    const file = csvLines(["lat;lon;CP;Date d'embauche", "48,935;2,405;;2024-03-01", "45.95;2.17;23200;2024-09-01", "x;2.3;;2024-03-02"]);
    const report = await runScoreQpv(base({ source: { buffer: Buffer.from(file), fileName: "pts.csv" }, geocoder: fakeGeocoder(batches) }));
    assert.deepEqual(batches, [1]); // only the row with a postcode
    assert.equal(report.rows.located, 2);
    assert.equal(report.qpv.count, 1);
    assert.equal(report.rural.count, 1);
    assert.deepEqual(report.unlocatedReasons.map((r) => r.reason), ["invalid_coordinates"]);
  });

  it("writes every row with its result, formula-safe, for --rows", async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on("data", (c: Buffer) => chunks.push(c));
    const rows = createRowsOutput(out);
    await runScoreQpv(base({ onHeader: rows.onHeader, onRow: rows.onRow }));
    await rows.close();
    const text = Buffer.concat(chunks).toString("utf8");
    assert.ok(text.startsWith("\uFEFFMatricule;Adresse;"));
    const lines = text.trim().split("\r\n");
    assert.equal(lines.length, 13);
    assert.match(lines[0], /;tremplin_status;tremplin_match;tremplin_score;tremplin_lat;tremplin_lon;tremplin_qpv_code;tremplin_rural;tremplin_uncertain$/);
    assert.match(lines[2], /;located;housenumber;0\.95;48\.935000;2\.405000;QN09301M;;non$/);
    assert.match(lines[3], /;located;street;0\.70;.*;oui$/);
    assert.ok(lines[6].includes(`;"'=HYPERLINK(""x"")";`), lines[6]);
    assert.match(lines[9], /;invalid;unparseable_hire_date;/);
  });
});

describe("digest set of the duplicate check", () => {
  it("tells new digests from seen ones across growths, 0 included", () => {
    const set = createDigestSet();
    const digests = Array.from({ length: 20_000 }, (_, i) => (i * 2654435761) % 2 ** 53);
    assert.ok(digests.every((d) => set.add(d)));
    assert.ok(digests.every((d) => !set.add(d)));
    assert.equal(set.add(2 ** 53 - 1), true);
    assert.equal(set.add(2 ** 53 - 1), false);
  });
});
