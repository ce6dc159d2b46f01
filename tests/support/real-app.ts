// The whole application as `npm start` runs it (built web, real routes, seeded
// embedded database), listening on a free port of 127.0.0.1.
import { createServer } from "node:net";
import { join } from "node:path";
import { createFileTransport } from "../../src/mail/mail.transport.ts";
import { createMailer } from "../../src/mail/mailer.ts";
import { buildApp } from "../../src/server/app.ts";
import { capabilities } from "../../src/server/capabilities.ts";
import { configFromEnv } from "../../src/server/config.ts";
import { openRuntime, type Runtime } from "../../src/server/runtime.ts";
import { seededDataDir } from "./seeded-template.ts";

/** `mailDir`: where the app writes its mails (.eml files), as in development (./var/mail). */
export type RunningApp = { baseUrl: string; runtime: Runtime; mailDir: string; close(): Promise<void> };

/** A port free on 127.0.0.1 now: the public URL (Origin check of writes, links in mails) must name it before listening. */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });

export const startRealApp = async (): Promise<RunningApp> => {
  const { dataDir, remove } = await seededDataDir();
  const listenPort = await freePort();
  const config = { ...configFromEnv({ NODE_ENV: "test" }), port: listenPort, host: "127.0.0.1" };
  const runtime = await openRuntime(config, { env: { PGLITE_DIR: dataDir } });
  const mailDir = join(dataDir, "..", "mail");
  const mailer = createMailer({ db: runtime.db, transport: createFileTransport(mailDir), from: "test@tremplin.localhost" });
  const app = await buildApp({ db: runtime.db, config }, capabilities(runtime, mailer, { NODE_ENV: "test", PUBLIC_URL: `http://127.0.0.1:${listenPort}` }));
  await app.listen({ port: listenPort, host: "127.0.0.1" });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    runtime,
    mailDir,
    async close() {
      await app.close();
      await runtime.close();
      remove();
    },
  };
};
