import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildRouteApp, type RouteApp } from '../../../../test/helpers/route-app.ts';
import { createHomeModule } from '../index.ts';
import type { HomeServices } from '../services.ts';

// The home module's pages over fake services: the status page for people, the health check for
// machines, and the council page that the navigation's one "Council" entry leads to.
const ping = vi.fn<() => Promise<boolean>>();
const fakes: HomeServices = {
  organisations: { nameOf: async () => 'Test Council', ping },
  plans: { awaitingMyApproval: async () => [] },
  // Only the signed-in home page asks for the queue, which these tests do not open.
  signOffQueue: {
    queue: async () => ({ entries: [], counts: { verify: 0, approve: 0 } }),
  } as unknown as HomeServices['signOffQueue'],
  improvementRequests: { countMine: async () => 0 },
};

describe('home pages over fake services', () => {
  let t: RouteApp;
  beforeAll(async () => {
    t = await buildRouteApp([createHomeModule(fakes).web]);
  });
  afterAll(async () => t?.close());
  beforeEach(() => ping.mockReset());

  it('answers machines in JSON on /health, with 503 when the database does not answer', async () => {
    ping.mockResolvedValueOnce(true);
    const up = await t.public.get('/health');
    expect([up.statusCode, up.json()]).toEqual([200, { status: 'ok' }]);
    ping.mockResolvedValueOnce(false);
    const down = await t.public.get('/health');
    expect([down.statusCode, down.json()]).toEqual([503, { status: 'database unavailable' }]);
  });

  it('shows people a status page, not JSON, and the footer links to it', async () => {
    ping.mockResolvedValueOnce(true);
    const up = await t.public.get('/status');
    expect(up.statusCode).toBe(200);
    expect(up.headers['content-type']).toMatch(/text\/html/);
    expect(up.body).toContain('<h1 class="govuk-heading-l">Service status</h1>');
    expect(up.body).toContain('Working');
    expect(up.body).toContain('<a class="govuk-footer__link" href="/status">Service status</a>');
    ping.mockResolvedValueOnce(false);
    const down = await t.public.get('/status');
    expect(down.statusCode).toBe(503);
    expect(down.body).toContain('The database is not answering');
  });

  it('groups the council set-up on one page, showing settings only to those who may change them', async () => {
    expect((await t.public.get('/council')).statusCode).toBe(302);
    const viewer = await t.as('viewer').get('/council');
    expect(viewer.statusCode).toBe(200);
    for (const href of ['/units', '/people', '/portfolios', '/governance-bodies', '/partners', '/framework']) {
      expect(viewer.body).toContain(`href="${href}"`);
    }
    expect(viewer.body).not.toContain('href="/framework/sign-off"');
    expect(viewer.body).not.toContain('href="/council/single-sign-on"');
    const administrator = await t.as('administrator').get('/council');
    expect(administrator.body).toContain('href="/framework/sign-off"');
    expect(administrator.body).toContain('href="/collection-rules"');
    expect(administrator.body).toContain('href="/framework/performance-settings"');
    expect(administrator.body).toContain('href="/council/single-sign-on"');
    expect(administrator.body).toMatch(/govuk-service-navigation__item--active[\s\S]*?Council/);
  });

  it('puts the audit trail on the council page for those who may read it', async () => {
    expect((await t.as('viewer').get('/council')).body).not.toContain('href="/audit"');
    expect((await t.as('internal-auditor').get('/council')).body).toContain('href="/audit"');
  });

  it('gathers delivery on one page: actions, projects, improvement plans and recommendations', async () => {
    expect((await t.public.get('/delivery')).statusCode).toBe(302);
    const manager = await t.as('manager').get('/delivery');
    expect(manager.statusCode).toBe(200);
    for (const href of [
      '/actions/mine',
      '/actions',
      '/projects',
      '/programmes',
      '/improvement-plans',
      '/recommendations',
    ]) {
      expect(manager.body).toContain(`href="${href}"`);
    }
    expect(manager.body).toMatch(/govuk-service-navigation__item--active[\s\S]*?Delivery/);
  });

  it('gathers risks and money on one page, showing money only to those who may read it', async () => {
    const viewer = await t.as('viewer').get('/risks-and-money');
    expect(viewer.statusCode).toBe(200);
    expect(viewer.body).toContain('href="/risk-registers"');
    expect(viewer.body).not.toContain('href="/money"');
    expect(viewer.body).not.toContain('href="/risk-settings"');
    const officer = await t.as('performance-officer').get('/risks-and-money');
    expect(officer.body).toContain('href="/money"');
    expect(officer.body).toContain('href="/risk-settings"');
    // The registers need view:risks: a data-entry clerk is told, and offered no link that would refuse.
    const clerk = await t.as('data-entry').get('/risks-and-money');
    expect(clerk.body).not.toContain('href="/risk-registers"');
    expect(clerk.body).toContain('Your role does not include the risk registers');
  });
});
