// Public surface of the mail capability.
export { createMailer, type Mailer } from "./mailer.ts";
export { mailConfigFromEnv, type MailConfig, transportFromConfig } from "./mail.transport.ts";
export * from "./mail.templates.ts";
