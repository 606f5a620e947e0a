import { createHash } from 'node:crypto';
import * as oidc from 'openid-client';
import { isLoopbackHttp } from './domain/settings.ts';

export interface ProviderSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/** How long a provider's discovered configuration (endpoints, signing keys' address) is reused. */
const DISCOVERY_MINUTES = 60;
const TIMEOUT_SECONDS = 10;

/**
 * The council's provider through openid-client: discovery (cached an hour, per issuer, client and
 * secret), then the authorization code flow with PKCE, state and nonce, and the ID token checked
 * (signature against the provider's published keys, issuer, audience, expiry, nonce). The only
 * requests made are to the provider itself.
 */
export function createProviderClients(now: () => number = Date.now) {
  const cache = new Map<string, { at: number; config: Promise<oidc.Configuration> }>();

  function configurationFor(settings: ProviderSettings): Promise<oidc.Configuration> {
    const key = createHash('sha256')
      .update(JSON.stringify([settings.issuer, settings.clientId, settings.clientSecret]))
      .digest('hex');
    const cached = cache.get(key);
    if (cached && now() - cached.at < DISCOVERY_MINUTES * 60_000) return cached.config;
    const config = oidc.discovery(
      new URL(settings.issuer),
      settings.clientId,
      undefined,
      oidc.ClientSecretPost(settings.clientSecret),
      {
        timeout: TIMEOUT_SECONDS,
        // A test provider on this machine speaks plain http; anywhere else https is required.
        execute: isLoopbackHttp(settings.issuer) ? [oidc.allowInsecureRequests] : [],
      },
    );
    cache.set(key, { at: now(), config });
    // A failed discovery is not remembered: the next sign-in asks again.
    config.catch(() => cache.delete(key));
    return config;
  }

  return {
    configurationFor,

    /** Where to send the person, and what must come back with them (kept in a signed cookie). */
    async authorizationUrl(settings: ProviderSettings, redirectUri: string) {
      const config = await configurationFor(settings);
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: 'openid profile email',
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { url: url.href, checks: { codeVerifier, state, nonce } };
    },

    /** The code exchanged and the ID token checked; its claims, or a thrown error when anything is wrong. */
    async claimsFrom(
      settings: ProviderSettings,
      callbackUrl: URL,
      checks: { codeVerifier: string; state: string; nonce: string },
    ): Promise<{ claims: Record<string, unknown>; issuer: string }> {
      const config = await configurationFor(settings);
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('no ID token');
      return { claims: { ...claims }, issuer: claims.iss };
    },

    /** RP-initiated logout at the provider, when it advertises an end_session_endpoint; else null. */
    async endSessionUrl(settings: ProviderSettings, postLogoutRedirectUri: string): Promise<string | null> {
      const config = await configurationFor(settings);
      if (!config.serverMetadata().end_session_endpoint) return null;
      return oidc.buildEndSessionUrl(config, {
        client_id: settings.clientId,
        post_logout_redirect_uri: postLogoutRedirectUri,
      }).href;
    },
  };
}
export type ProviderClients = ReturnType<typeof createProviderClients>;
