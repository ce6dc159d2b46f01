// Random secrets and their hashes. Only hashes are stored; comparisons are constant-time.
import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";

/** 32 random bytes, base64url (43 characters). */
export const randomToken = (bytes = 32): string => randomBytes(bytes).toString("base64url");

/** A numeric code with `digits` digits, leading zeros kept. */
export const randomDigits = (digits: number): string =>
  Array.from({ length: digits }, () => String(randomInt(10))).join("");

export const sha256 = (value: string): string => createHash("sha256").update(value).digest("hex");

export const constantTimeEqual = (a: string, b: string): boolean => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};
