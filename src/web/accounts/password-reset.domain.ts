// Pure rules of the password-reset pages: the token of the e-mailed link, the e-mail and new-password checks.
import { passwordResetText as t } from "./password-reset.fr.ts";

/** Format of the single-use tokens the API puts in its links (32 random bytes, base64url). */
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

/**
 * The token carried by a link of the API's e-mails: `…#jeton=<token>` (the fragment never reaches servers).
 * Also tolerates the query string (`?jeton=`), a link cut by a mail client, or surrounding spaces.
 */
export const tokenFromLink = (hash: string, search = ""): string | null => {
  for (const part of [hash.replace(/^#/, ""), search.replace(/^\?/, "")]) {
    const value = new URLSearchParams(part).get("jeton")?.trim();
    if (value && tokenPattern.test(value)) return value;
  }
  return null;
};

/** A plausible e-mail address (the server has the last word). */
export const looksLikeEmail = (email: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim());

export const emailError = (email: string): string | undefined => {
  if (!email.trim()) return t.request.missingEmail;
  if (!looksLikeEmail(email) || email.trim().length > 254) return t.request.badEmail;
  return undefined;
};

/** The server's password rule (accounts.contract.ts): 10 to 200 characters. */
export const passwordRuleError = (password: string): string | undefined => {
  if (password.length < 10) return t.reset.shortPassword;
  if (password.length > 200) return t.reset.longPassword;
  return undefined;
};

/** A new password (reset, change): the rule above, and the confirmation must match. */
export const newPasswordErrors = (values: { password: string; confirmation: string }): Record<string, string> => {
  const errors: Record<string, string> = {};
  const rule = passwordRuleError(values.password);
  if (rule) errors.password = rule;
  if (!values.confirmation) errors.confirmation = t.reset.missingConfirmation;
  else if (values.confirmation !== values.password) errors.confirmation = t.reset.mismatch;
  return errors;
};
