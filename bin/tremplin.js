#!/usr/bin/env node
// Launcher of the `tremplin` command. The CLI is TypeScript run by Node's type
// stripping, which needs Node >= 24: when the node on PATH is older, re-run
// with the Node 24 pinned as an npm dependency (node_modules/node).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const entry = join(here, "..", "src", "cli", "main.ts");
const major = Number(process.versions.node.split(".")[0]);

if (major >= 24) {
  await import(entry);
} else {
  const require = createRequire(import.meta.url);
  let nodeBin;
  try {
    nodeBin = join(dirname(require.resolve("node/package.json")), "bin", "node");
  } catch {
    console.error("Tremplin a besoin de Node.js 24 : lancez `npm install` dans le dossier du projet.");
    process.exit(1);
  }
  const result = spawnSync(nodeBin, [entry, ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(result.status ?? 1);
}
