// The `tremplin` command as a user runs it, offline, on real Paris addresses,
// against answers computed independently (see paris-fixtures.ts).
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import {
  cliPath, PARIS_ADDRESSES, PARIS_IN_QPV_2015, PARIS_IN_QPV_2024, readParisBan, writeAddressFile, writeCoordinatesFile, type BanRow,
} from "./paris-fixtures.ts";

const dir = mkdtempSync(join(tmpdir(), "tremplin-cli-"));
const env = { ...process.env, PGLITE_DIR: join(dir, "pglite"), DATABASE_URL: "", NODE_ENV: "test" };

type Run = { code: number; stdout: string; stderr: string };
const tremplin = (...args: string[]): Promise<Run> =>
  new Promise((resolve) => {
    execFile(process.execPath, [cliPath, ...args], { env, maxBuffer: 64 * 1024 * 1024, timeout: 600_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });

describe("tremplin score-qpv (CLI, offline, real Paris addresses)", () => {
  let ban: BanRow[];
  before(async () => {
    ban = await readParisBan();
    assert.equal(ban.length, PARIS_ADDRESSES);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("measures every Paris address by its coordinates against QPV 2024 (hires of 2025)", async () => {
    const file = join(dir, "coordonnees-2025.csv");
    writeCoordinatesFile(ban, file, 2025);
    const run = await tremplin("score-qpv", file, "--format", "json");
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout);
    assert.equal(report.rows.total, PARIS_ADDRESSES);
    assert.equal(report.rows.located, PARIS_ADDRESSES);
    assert.equal(report.qpv.count, PARIS_IN_QPV_2024);
    assert.equal(report.rural.count, 0, "no Paris commune is ZRR/FRR");
    assert.deepEqual(report.geography.qpv.map((g: { millesime: number }) => g.millesime), [2024]);
    assert.match(run.stderr, /Première utilisation/, "the first run loads the shipped reference data");
  });

  it("measures hires of 2023 against the QPV 2015 perimeters", async () => {
    const file = join(dir, "coordonnees-2023.csv");
    writeCoordinatesFile(ban, file, 2023);
    const run = await tremplin("score-qpv", file);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout);
    assert.equal(report.qpv.count, PARIS_IN_QPV_2015);
    assert.deepEqual(report.geography.rural.map((g: { scheme: string }) => g.scheme), ["zrr"]);
    assert.doesNotMatch(run.stderr, /Première utilisation/, "reference data is loaded once");
  });

  it("geocodes postal addresses offline and finds the same QPV residents", async () => {
    const file = join(dir, "adresses.csv");
    writeAddressFile(ban, file, 2025);
    const rowsFile = join(dir, "lignes.csv");
    const run = await tremplin("score-qpv", file, "--rows", rowsFile);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout);
    assert.equal(report.rows.total, PARIS_ADDRESSES);
    // Each address is a BAN address: it is found at its number, on the BAN point.
    assert.ok(report.rows.located >= PARIS_ADDRESSES * 0.999, `located ${report.rows.located}`);
    assert.ok(Math.abs(report.qpv.count - PARIS_IN_QPV_2024) <= 10, `qpv ${report.qpv.count} vs ${PARIS_IN_QPV_2024}`);
    const lines = readFileSync(rowsFile, "utf8").split(/\r?\n/).filter(Boolean);
    assert.equal(lines.length, PARIS_ADDRESSES + 1);
    assert.match(lines[0], /tremplin_status;tremplin_match;tremplin_score;tremplin_lat;tremplin_lon;tremplin_qpv_code;tremplin_rural;tremplin_uncertain/);
    const inQpv = lines.slice(1).filter((line) => /;QN\d{3}\d{2}[A-Z];/.test(line)).length;
    assert.equal(inQpv, report.qpv.count, "the --rows file agrees with the report");
  });

  it("writes Markdown and PDF reports", async () => {
    const file = join(dir, "petit.csv");
    writeAddressFile(ban.slice(0, 300), file, 2025);
    const md = await tremplin("score-qpv", file, "--format", "md");
    assert.equal(md.code, 0, md.stderr);
    assert.match(md.stdout, /QPV/);
    const pdf = join(dir, "score.pdf");
    const run = await tremplin("score-qpv", file, "--format", "pdf", "--out", pdf);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(readFileSync(pdf).subarray(0, 5).toString(), "%PDF-");
  });

  it("refuses unusable files with a French message, a non-zero exit code and nothing left behind", async () => {
    const empty = join(dir, "vide.csv");
    writeFileSync(empty, "");
    const rowsFile = join(dir, "lignes-vide.csv");
    const run = await tremplin("score-qpv", empty, "--rows", rowsFile);
    assert.notEqual(run.code, 0);
    assert.match(run.stderr, /^Erreur : /m);
    assert.doesNotMatch(run.stderr, /at .*\.ts:\d+/, "no stack trace");
    assert.equal(existsSync(rowsFile), false);

    const garbage = join(dir, "binaire.csv");
    writeFileSync(garbage, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    assert.notEqual((await tremplin("score-qpv", garbage)).code, 0);

    const noAddress = join(dir, "sans-adresse.csv");
    writeFileSync(noAddress, "Nom;Prénom\nDupont;Marie\n");
    const missing = await tremplin("score-qpv", noAddress);
    assert.notEqual(missing.code, 0);
    assert.match(missing.stderr, /colonne/i);

    const usage = await tremplin("score-qpv", join(dir, "absent.csv"));
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /introuvable/);
  });
});
