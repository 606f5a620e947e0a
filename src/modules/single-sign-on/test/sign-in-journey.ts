/**
 * What the single sign-on integration files share: the council's provider saved as an
 * administrator saves it, and a person's way through the app and the provider (test-provider.ts)
 * and back, over HTTP.
 */
import { eq } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { paths } from '../../../kernel/paths.ts';
import { singleSignOnProviders } from '../../../schema.ts';
import type { Agent, TestApp } from '../../../../test/helpers/test-app.ts';
import { TEST_CLIENT, type TestProvider } from './test-provider.ts';

export const cookieOf = (response: LightMyRequestResponse, name: string) =>
  response.cookies.find((cookie) => cookie.name === name)?.value;

export const PROVIDER_NAME = 'Test Council (Microsoft)';

/** The settings form as an administrator fills it in for a provider at `issuer`. */
export const providerSettings = (issuer: string) => ({
  displayName: PROVIDER_NAME,
  issuer,
  clientId: TEST_CLIENT.clientId,
  clientSecret: TEST_CLIENT.clientSecret,
  claim: 'groups',
});

/** Saves the provider through the settings page; the id it is stored under. */
export async function saveProvider(t: TestApp, admin: Agent, issuer: string): Promise<string> {
  const saved = await admin.post(paths.singleSignOnSettings(), providerSettings(issuer));
  expect(saved.statusCode, saved.body).toBe(302);
  const [row] = await t.deps.database.db
    .select()
    .from(singleSignOnProviders)
    .where(eq(singleSignOnProviders.organisationId, t.org.id));
  return row!.id;
}

/** Where a journey stands on its way back: what a browser holds when the provider sends it home. */
export interface BackFromProvider {
  pending: string;
  callback: URL;
}

/** The app, the provider and the provider's id here, as a test file's set-up leaves them. */
interface Parties {
  app: FastifyInstance;
  op: TestProvider;
  providerId: string;
}

/** A person's journeys through the provider; `parties` is read as each step starts (after set-up). */
export function journeysThrough(parties: () => Parties) {
  /** The app's button (by default the provider's own start address), then the provider's login form. */
  async function throughProvider(login: string, start?: string) {
    const { app, op, providerId } = parties();
    const started = await app.inject({ method: 'GET', url: start ?? paths.singleSignOnStart(providerId) });
    expect(started.statusCode, started.body).toBe(302);
    const callback = await op.signInAt(started.headers.location as string, login);
    return { pending: cookieOf(started, 'gt_sso')!, callback };
  }
  /** Back to the app's callback with the cookie the start left. */
  const callBack = ({ pending, callback }: BackFromProvider) =>
    parties().app.inject({
      method: 'GET',
      url: `${callback.pathname}${callback.search}`,
      cookies: { gt_sso: pending },
    });
  /** The whole journey; `tamper` changes the address the provider sends back first. */
  async function signIn(login: string, tamper?: (callback: URL) => void) {
    const journey = await throughProvider(login);
    tamper?.(journey.callback);
    return callBack(journey);
  }
  return { throughProvider, callBack, signIn };
}
