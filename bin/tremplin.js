#!/usr/bin/env node
// Launcher of the `tremplin` command. The CLI is TypeScript run by Node's type
// stripping, which needs Node >= 24: it runs on the node on PATH when recent
// enough, else on the Node 24 pinned as an npm dependency (node_modules/node).
// The JavaScript heap is capped (TREMPLIN_MAX_HEAP_MB, default 256 MB) so that
// scoring a million rows stays in bounded memory: the pipeline streams, and an
// uncapped V8 heap would just grow lazily. The embedded database's WebAssembly
// runs on V8's baseline compiler only (--liftoff-only): optimising PostgreSQL's
// large functions took ~350 MB at startup, for SQL the offline scoring barely
// uses — score-qpv only: imports keep optimised SQL (TREMPLIN_WASM_OPTIMIZE=1
// restores it for score-qpv too, e.g. on its first run, which loads the data).
// score-qpv also gets an 8 MB young generation (V8's default is 16 MB per
// semi-space, three of them): the pipeline's garbage is short-lived, and the
// smaller nursery took ~95 MB off the peak RSS of a million rows at equal speed.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const entry = join(here, "..", "src", "cli", "main.ts");
const major = Number(process.versions.node.split(".")[0]);

let nodeBin = process.execPath;
if (major < 24) {
  try {
    nodeBin = join(dirname(createRequire(import.meta.url).resolve("node/package.json")), "bin", "node");
  } catch {
    console.error("Tremplin a besoin de Node.js 24 : lancez `npm install` dans le dossier du projet.");
    process.exit(1);
  }
}
const heap = Number(process.env.TREMPLIN_MAX_HEAP_MB ?? 256);
const flags = heap > 0 ? [`--max-old-space-size=${heap}`] : [];
if (process.argv[2] === "score-qpv") {
  flags.push("--max-semi-space-size=8");
  if (process.env.TREMPLIN_WASM_OPTIMIZE !== "1") flags.push("--liftoff-only");
}
const result = spawnSync(nodeBin, [...flags, entry, ...process.argv.slice(2)], { stdio: "inherit" });
if (result.error) {
  console.error(`Impossible de lancer Node.js : ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? (result.signal ? 1 : 0));
