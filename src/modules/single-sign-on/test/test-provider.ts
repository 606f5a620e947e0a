/**
 * A real OpenID Connect provider (the `oidc-provider` package, as certified by the OpenID
 * Foundation) on loopback for the tests, and a person's browser driven through it with fetch and a
 * cookie jar: its own login form is filled in and posted, as someone would.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

export interface TestAccount {
  email: string;
  name: string;
  groups: string[];
}

export const TEST_CLIENT = { clientId: 'golden-thread', clientSecret: 'a-client-secret-for-the-tests-only' };

export interface TestProvider {
  issuer: string;
  /** Editable: a person's groups as the provider will next report them. */
  accounts: Record<string, TestAccount>;
  /** Follows the app's redirect to the provider, signs in as the account there, and returns the URL it sends back. */
  signInAt(authorizationUrl: string, login: string): Promise<URL>;
  close(): Promise<void>;
}

export async function startTestProvider(appBaseUrl: string, redirectPath: string): Promise<TestProvider> {
  const accounts: Record<string, TestAccount> = {};
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT.clientId,
        client_secret: TEST_CLIENT.clientSecret,
        redirect_uris: [`${appBaseUrl}${redirectPath}`],
        post_logout_redirect_uris: [`${appBaseUrl}/`],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    findAccount: (_ctx: KoaContextWithOIDC, id: string) => {
      const account = accounts[id];
      if (!account) return undefined;
      return { accountId: id, claims: () => ({ sub: id, ...account }) };
    },
    claims: { openid: ['sub', 'groups'], email: ['email'], profile: ['name'] },
    // As Entra ID does: the groups and profile in the ID token itself, not only at userinfo.
    conformIdTokenClaims: false,
    // No consent screen: the council's own app is pre-approved, as it is in Entra ID.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
    cookies: { keys: ['test-provider-cookie-key'] },
    // Lifetimes stated, so the provider does not print a notice for each default it falls back on.
    ttl: { Interaction: 600, Grant: 600, Session: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  });
  const handle = provider.callback();
  server.on('request', (request, response) => void handle(request, response));

  /** One person's browser: its own cookie jar, so that several can sign in at the same moment. */
  function browser() {
    const jar = new Map<string, string>();
    return async function go(url: string, init: RequestInit = {}): Promise<Response> {
      const response = await fetch(url, {
        ...init,
        redirect: 'manual',
        headers: { ...(init.headers ?? {}), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
      });
      for (const cookie of response.headers.getSetCookie()) {
        const [pair] = cookie.split(';');
        const at = pair!.indexOf('=');
        jar.set(pair!.slice(0, at), pair!.slice(at + 1));
      }
      return response;
    };
  }

  return {
    issuer,
    accounts,
    async signInAt(authorizationUrl, login) {
      const go = browser();
      let url = new URL(authorizationUrl);
      for (let hop = 0; hop < 10; hop += 1) {
        if (url.origin !== issuer) return url;
        const response = await go(url.href);
        if (response.status === 200) {
          // The provider's own login form: its action, with the login typed in.
          const html = await response.text();
          const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
          if (!action) throw new Error(`no form at ${url.href}: ${html.slice(0, 300)}`);
          const posted = await go(new URL(action, issuer).href, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ prompt: 'login', login, password: 'any' }).toString(),
          });
          url = new URL(posted.headers.get('location')!, issuer);
          continue;
        }
        const location = response.headers.get('location');
        if (!location) throw new Error(`provider answered ${response.status}: ${await response.text()}`);
        url = new URL(location, issuer);
      }
      throw new Error('too many redirects at the provider');
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
