// Test helper: a real OpenID provider (oidc-provider) on 127.0.0.1, port 0, with
// one confidential client and in-memory accounts; `signIn` drives the
// login/consent interactions with plain HTTP, following redirects and cookies by hand.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export type TestAccount = { sub: string; email: string; email_verified?: boolean; given_name: string; usual_name: string };

export const startTestOidcProvider = async (input: { redirectUri: string; accounts: TestAccount[] }) => {
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
  const userinfoContentTypes: string[] = [];
  const server = createServer((req, res) => {
    if (req.url?.startsWith("/me")) res.on("finish", () => userinfoContentTypes.push(String(res.getHeader("content-type"))));
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = { clientId: "tremplin-test", clientSecret: "un-secret-de-test-assez-long-pour-hs256-0123456789" };
  const provider = new Provider(issuer, {
    clients: [{ client_id: client.clientId, client_secret: client.clientSecret, redirect_uris: [input.redirectUri], grant_types: ["authorization_code"], response_types: ["code"], userinfo_signed_response_alg: "RS256" }],
    claims: { openid: ["sub"], email: ["email", "email_verified"], given_name: ["given_name"], usual_name: ["usual_name"] },
    scopes: ["openid", "email", "given_name", "usual_name"],
    pkce: { required: () => true },
    cookies: { keys: ["cle-de-cookie-de-test"] },
    // Like ProConnect: the UserInfo answer is a signed JWT (application/jwt).
    features: { devInteractions: { enabled: true }, jwtUserinfo: { enabled: true } },
    async findAccount(_ctx: unknown, id: string) {
      const account = input.accounts.find((a) => a.sub === id);
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ ...account }) };
    },
  });
  handler = provider.callback();

  /** Follows the provider's redirects from `authorizationUrl`, logs `sub` in, consents; returns the final redirect to the client. */
  const signIn = async (authorizationUrl: string, sub: string): Promise<URL> => {
    const jar = new Map<string, string>();
    let url = new URL(authorizationUrl);
    let body: URLSearchParams | undefined;
    for (let hop = 0; hop < 20; hop += 1) {
      const response = await fetch(url, {
        method: body ? "POST" : "GET",
        redirect: "manual",
        headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "), ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
        body,
      });
      for (const cookie of response.headers.getSetCookie()) {
        const [pair] = cookie.split(";");
        const index = pair.indexOf("=");
        jar.set(pair.slice(0, index), pair.slice(index + 1));
      }
      body = undefined;
      const location = response.headers.get("location");
      if (location) {
        const next = new URL(location, url);
        if (next.origin !== issuer) return next;
        url = next;
        continue;
      }
      const html = await response.text();
      if (html.includes('name="prompt" value="login"')) body = new URLSearchParams({ prompt: "login", login: sub, password: "peu importe" });
      else if (html.includes('name="prompt" value="consent"')) body = new URLSearchParams({ prompt: "consent" });
      else throw new Error(`unexpected provider page (${response.status}): ${html.slice(0, 300)}`);
    }
    throw new Error("too many redirects");
  };

  return { issuer, ...client, signIn, userinfoContentTypes, close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
};
