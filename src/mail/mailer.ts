// The retried sender: `enqueue` writes a row in the caller's transaction;
// `afterCommit` (call it once the transaction has committed) sends what is due
// in the background; a timer (`start`) retries failures with backoff.
import { randomUUID } from "node:crypto";
import type { Database } from "../server/db.ts";
import type { Executor } from "../server/transaction.ts";
import { claimDueMails, enqueueMail, markMailFailed, markMailSent } from "./mail.outbox.queries.ts";
import type { MailContent } from "./mail.templates.ts";
import type { MailTransport } from "./mail.transport.ts";

export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };

export type Mailer = {
  enqueue(tx: Executor, to: string | string[], content: MailContent): Promise<string>;
  /** Sends due messages without blocking the caller (errors are kept on the rows). */
  afterCommit(): void;
  /** Sends due messages now; resolves with the number sent. */
  flush(): Promise<number>;
  /** Resolves when no background send is running (tests). */
  idle(): Promise<void>;
  start(intervalMs?: number): void;
  stop(): void;
};

export const maxMailAttempts = 6;
const leaseMs = 5 * 60_000;
/** 1 min, 2, 4, 8, 16 min between attempts. */
export const retryDelayMs = (attempt: number): number => 60_000 * 2 ** (attempt - 1);

export const createMailer = (deps: { db: Database; transport: MailTransport; from: string; clock?: Clock }): Mailer => {
  const clock = deps.clock ?? systemClock;
  let running: Promise<number> | null = null;
  let next: Promise<number> | null = null;
  let timer: NodeJS.Timeout | null = null;

  const sendDue = async (): Promise<number> => {
    let sent = 0;
    for (;;) {
      const batch = await claimDueMails(deps.db, clock.now(), 20, leaseMs);
      if (batch.length === 0) return sent;
      for (const mail of batch) {
        try {
          await deps.transport.send({ from: deps.from, to: mail.recipients, subject: mail.subject, text: mail.text, messageId: `<${randomUUID()}@tremplin>` });
          await markMailSent(deps.db, mail.id, clock.now());
          sent += 1;
        } catch (error) {
          const retryAt = mail.attempts < maxMailAttempts ? new Date(clock.now().getTime() + retryDelayMs(mail.attempts)) : null;
          await markMailFailed(deps.db, mail.id, { error: error instanceof Error ? error.message : String(error), retryAt });
        }
      }
    }
  };

  // One pass at a time. A flush asked while a pass runs gets one more pass after it (shared by every
  // caller meanwhile): the running pass may have read the outbox before that caller's mails were committed.
  const flush = (): Promise<number> => {
    if (!running) {
      running = sendDue().finally(() => {
        running = null;
      });
      return running;
    }
    next ??= running
      .catch(() => 0)
      .then(() => {
        next = null;
        return flush();
      });
    return next;
  };

  return {
    enqueue: (tx, to, content) => enqueueMail(tx, Array.isArray(to) ? to : [to], content, clock.now()),
    afterCommit() {
      flush().catch(() => {});
    },
    flush,
    async idle() {
      while (running || next) await (next ?? running)!.catch(() => 0);
    },
    start(intervalMs = 30_000) {
      timer ??= setInterval(() => flush().catch(() => {}), intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
      deps.transport.close();
    },
  };
};
