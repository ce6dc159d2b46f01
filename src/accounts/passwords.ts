// Password hashing with argon2id (@node-rs/argon2 defaults: m=19 MiB, t=2, p=1, as OWASP recommends).
import { hash, verify } from "@node-rs/argon2";

export const hashPassword = (password: string): Promise<string> => hash(password);

/** A hash of a random password, verified when the account does not exist so answers take the same time. */
let dummyHash: Promise<string> | null = null;

export const verifyPassword = async (passwordHash: string | null, password: string): Promise<boolean> => {
  if (passwordHash === null) {
    dummyHash ??= hash(crypto.randomUUID());
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
};
