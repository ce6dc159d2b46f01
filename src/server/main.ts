// `npm start`: migrate, load the shipped reference data once, serve on PORT.
import { buildApp } from "./app.ts";
import { configFromEnv } from "./config.ts";
import { createDatabase, databaseConfigFromEnv } from "./db.ts";
import { migrateToLatest } from "./migrate.ts";

const config = configFromEnv();
const db = await createDatabase(databaseConfigFromEnv());
await migrateToLatest(db);
const app = await buildApp({ db, config }, []);
await app.listen({ port: config.port, host: config.host });

const shutdown = async () => {
  await app.close();
  await db.destroy();
  process.exit(0);
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
