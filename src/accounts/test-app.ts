// Test helper: the HTTP app with the accounts, organisations and API-key routes
// on a fresh database, a controllable clock and a mailer whose messages are kept.
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { createMailer, type Mailer } from "../mail/mailer.ts";
import type { MailTransport, OutgoingMail } from "../mail/mail.transport.ts";
import { buildApp, type CapabilityPlugin } from "../server/app.ts";
import { configFromEnv } from "../server/config.ts";
import type { Database } from "../server/db.ts";
import type { TestEngine } from "../server/test-engines.ts";
import type { AccountsConfig, AccountsDeps } from "./accounts.deps.ts";

export type TestApp = {
  app: FastifyInstance;
  db: Database;
  deps: AccountsDeps;
  mailer: Mailer;
  sent: OutgoingMail[];
  clock: { now(): Date; advance(ms: number): void };
  /** The last mail sent to `to` (after sending what is due). */
  lastMailTo(to: string): Promise<OutgoingMail>;
  close(): Promise<void>;
};

export const buildTestApp = async (
  engine: TestEngine,
  register: (deps: AccountsDeps) => CapabilityPlugin[],
  config: Partial<AccountsConfig> = {},
): Promise<TestApp> => {
  const test = await engine.freshMigratedDb();
  let now = Date.now();
  const clock = { now: () => new Date(now), advance: (ms: number) => { now += ms; } };
  const sent: OutgoingMail[] = [];
  const transport: MailTransport = { name: "memory", send: async (mail) => { sent.push(mail); }, close() {} };
  const mailer = createMailer({ db: test.db, transport, from: "test@tremplin.localhost", clock });
  const deps: AccountsDeps = { db: test.db, mailer, clock, config: { publicUrl: "http://tremplin.test", oidc: null, ...config } };
  const app = await buildApp({ db: test.db, config: { ...configFromEnv({ NODE_ENV: "test" }), webDist: "/nonexistent" } }, register(deps));
  return {
    app,
    db: test.db,
    deps,
    mailer,
    sent,
    clock,
    async lastMailTo(to) {
      await mailer.idle();
      await mailer.flush();
      const mail = sent.findLast((m) => m.to.includes(to));
      if (!mail) throw new Error(`no mail to ${to}`);
      return mail;
    },
    async close() {
      await mailer.idle();
      await app.close();
      // pg's pool.end() resolves before its sockets are closed; dropping the database
      // at once (with force) would kill them and raise an uncaught error. Let them close first.
      await test.db.destroy();
      await new Promise((resolve) => setTimeout(resolve, 100));
      await test.close();
    },
  };
};

/** A cookie-carrying client: keeps the session cookie and the CSRF token. */
export const browser = (app: FastifyInstance) => {
  let cookie: string | null = null;
  let csrf: string | null = null;
  const request = async (method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", url: string, payload?: unknown, headers: Record<string, string> = {}) => {
    const response: LightMyRequestResponse = await app.inject({
      method,
      url,
      payload: payload as never,
      headers: { ...(cookie ? { cookie } : {}), ...(csrf && method !== "GET" ? { "x-csrf-token": csrf } : {}), ...headers },
    });
    const setCookie = response.cookies.find((c) => c.name === "tremplin_session");
    if (setCookie) cookie = setCookie.value ? `tremplin_session=${setCookie.value}` : null;
    return response;
  };
  return {
    request,
    get cookie() { return cookie; },
    setCookie(value: string | null) { cookie = value; },
    async refreshCsrf() {
      const session = await request("GET", "/api/v1/auth/session");
      csrf = session.json().csrfToken;
      return session.json();
    },
    dropCsrf() { csrf = null; },
  };
};
export type Browser = ReturnType<typeof browser>;

/** Signs up, verifies the mailed code and returns a signed-in browser. */
export const signedIn = async (t: TestApp, email: string, kind: "candidate" | "professional" = "professional", name = "Camille Test") => {
  const b = browser(t.app);
  const signup = await b.request("POST", "/api/v1/auth/signup", { email, password: "un mot de passe solide", name, kind });
  if (signup.statusCode !== 202) throw new Error(`signup ${signup.statusCode} ${signup.body}`);
  const code = (await t.lastMailTo(email)).text.match(/\b(\d{6})\b/)?.[1];
  const verified = await b.request("POST", "/api/v1/auth/verify-email", { email, code });
  if (verified.statusCode !== 204) throw new Error(`verify ${verified.statusCode} ${verified.body}`);
  await b.refreshCsrf();
  return b;
};
