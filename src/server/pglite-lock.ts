// PGlite is a single-process database: two processes opening the same data
// folder would corrupt it. A lock file holding the owner's pid guards it; a
// lock left by a dead process is taken over.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DomainError, defineErrors } from "./errors.ts";

const error = defineErrors({
  "database.locked": {
    status: 409,
    message: (p) =>
      `La base embarquée ${p.dataDir} est déjà ouverte par un autre processus Tremplin (pid ${p.pid}). ` +
      "Arrêtez-le, ou utilisez un serveur PostgreSQL avec DATABASE_URL.",
  },
});

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** Takes the lock of `dataDir`; returns its release function. Throws DomainError "database.locked". */
export const lockDataDir = (dataDir: string): (() => void) => {
  const path = join(dataDir, "tremplin.lock");
  try {
    const pid = Number(readFileSync(path, "utf8"));
    if (pid && pid !== process.pid && isAlive(pid)) throw error("database.locked", { dataDir, pid });
  } catch (e) {
    if (e instanceof DomainError) throw e;
  }
  writeFileSync(path, String(process.pid));
  const release = () => {
    try {
      if (Number(readFileSync(path, "utf8")) === process.pid) rmSync(path);
    } catch {
      // already gone
    }
  };
  process.once("exit", release);
  return release;
};
