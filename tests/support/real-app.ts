// The whole application as `npm start` runs it (built web, real routes, seeded
// embedded database), listening on a free port of 127.0.0.1.
import { join } from "node:path";
import { createFileTransport } from "../../src/mail/mail.transport.ts";
import { createMailer } from "../../src/mail/mailer.ts";
import { buildApp } from "../../src/server/app.ts";
import { capabilities } from "../../src/server/capabilities.ts";
import { configFromEnv } from "../../src/server/config.ts";
import { openRuntime, type Runtime } from "../../src/server/runtime.ts";
import { seededDataDir } from "./seeded-template.ts";

export type RunningApp = { baseUrl: string; runtime: Runtime; close(): Promise<void> };

export const startRealApp = async (): Promise<RunningApp> => {
  const { dataDir, remove } = await seededDataDir();
  const config = { ...configFromEnv({ NODE_ENV: "test" }), port: 0, host: "127.0.0.1" };
  const runtime = await openRuntime(config, { env: { PGLITE_DIR: dataDir } });
  const mailer = createMailer({ db: runtime.db, transport: createFileTransport(join(dataDir, "..", "mail")), from: "test@tremplin.localhost" });
  const app = await buildApp({ db: runtime.db, config }, capabilities(runtime, mailer, { NODE_ENV: "test" }));
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    runtime,
    async close() {
      await app.close();
      await runtime.close();
      remove();
    },
  };
};
