/**
 * The sign-off work queue (page, API and the home page's counts): only the values the person may
 * take the next step on, under the council's rule and separation of duties, oldest first; and the
 * verifier's page showing what is needed to judge a figure.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DATABASES, PAGE_DATABASES } from '../../../../test/helpers/test-app.ts';
import { resetRules, signOffCouncil, type SignOffCouncil } from '../../../../test/helpers/sign-off-fixtures.ts';

describe.each(DATABASES)('the sign-off queue on %s', (kind) => {
  let s: SignOffCouncil;
  beforeAll(async () => {
    s = await signOffCouncil(kind);
  });
  afterAll(async () => s?.t.close());
  // Each test starts from the default rule, whatever the one before it left.
  beforeEach(async () => {
    if (s) expect((await resetRules(s)).statusCode).toBe(200);
  });

  it('lists what each person may verify, oldest first, and moves a value to the approvers once verified', async () => {
    const { officer, manager, otherManager, director, admin } = s.people;
    const homecare = await s.newMeasure(s.units.service);
    const libraries = await s.newMeasure(s.units.otherService);
    const q1 = await s.submit(officer, homecare, '2025-26-Q1', 35);
    const libraryValue = await s.submit(officer, libraries, '2025-26-Q2', 12);
    const q2 = await s.submit(officer, homecare, '2025-26-Q2', 36);

    // Whoever entered the values sees none of them, though they may verify and approve.
    expect(await s.queue(officer)).toEqual({ counts: { verify: 0, approve: 0 }, items: [] });
    // The service's manager: the two home-care values, oldest first; not the libraries' one.
    const managers = await s.queue(manager);
    expect(managers.counts).toEqual({ verify: 2, approve: 0 });
    expect(managers.items.map((item) => item.valueId)).toEqual([q1, q2]);
    expect(managers.items.every((item) => item.step === 'verify')).toBe(true);
    expect((await s.queue(otherManager)).items.map((item) => item.valueId)).toEqual([libraryValue]);
    // The director's grant over the directorate reaches its service (delegation).
    expect((await s.queue(director)).items.map((item) => item.valueId)).toEqual([q1, q2]);

    expect((await s.step(manager, q2, 'verify')).statusCode).toBe(200);
    expect((await s.queue(manager)).items.map((item) => item.valueId)).toEqual([q1]);
    const directors = await s.queue(director);
    expect(directors.counts).toEqual({ verify: 1, approve: 1 });
    expect(directors.items.find((item) => item.valueId === q2)?.step).toBe('approve');
    // An administrator sees every value waiting, each at its step.
    const admins = await s.queue(admin);
    expect(admins.counts).toEqual({ verify: 2, approve: 1 });

    // Whoever verified it does not see it to approve (a third person approves).
    expect((await s.step(director, q1, 'verify')).statusCode).toBe(200);
    const afterVerifying = await s.queue(director);
    expect(afterVerifying.items.map((item) => [item.valueId, item.step])).toEqual([[q2, 'approve']]);
    expect((await s.step(director, q2, 'approve')).statusCode).toBe(200);
    expect((await s.queue(director)).items).toEqual([]);
    // q1 has waited for approval since it was verified, after the libraries' value was submitted.
    expect((await s.queue(admin)).items.map((item) => item.valueId)).toEqual([libraryValue, q1]);
  });

  it('follows the council’s rule: a governance body approves, the head of the unit verifies', async () => {
    const { admin, officer, director, head, boardMember } = s.people;
    await admin.api('PUT', '/api/v1/sign-off-chain', {
      chain: 'verify-then-approve',
      verify: { who: 'unit-head' },
      approve: { who: 'body', bodyId: s.board },
    });
    const measure = await s.newMeasure(s.units.service);
    const valueId = await s.submit(officer, measure, '2025-26-Q2');
    const mine = async (agent: typeof head) =>
      (await s.queue(agent)).items.filter((item) => item.valueId === valueId).map((item) => item.step);
    expect(await mine(head)).toEqual(['verify']);
    expect(await mine(director)).toEqual([]);
    expect(await mine(boardMember)).toEqual([]);

    expect((await s.step(head, valueId, 'verify')).statusCode).toBe(200);
    expect(await mine(head)).toEqual([]);
    expect(await mine(director)).toEqual([]);
    expect(await mine(boardMember)).toEqual(['approve']);
  });

  it('lists breakdown categories’ values too, naming the category, and signs them off on the value page', async () => {
    const { officer, manager, director } = s.people;
    const measure = await s.newMeasure(s.units.service);
    const added = await officer.api('POST', `/api/v1/measures/${measure}/breakdowns`, {
      dimension: 'Ward',
      code: 'N',
      label: 'North',
    });
    expect(added.statusCode, added.body).toBe(201);
    const ward = added.json<{ id: string }>().id;
    const whole = await s.submit(officer, measure, '2025-26-Q1', 30);
    const north = await s.submit(officer, measure, '2025-26-Q1', 12, { breakdownId: ward });

    const mine = (await s.queue(manager)).items.filter((item) => item.valueId === whole || item.valueId === north);
    expect(mine.map((item) => [item.valueId, item.step, item.breakdown])).toEqual([
      [whole, 'verify', null],
      [north, 'verify', { id: ward, dimension: 'Ward', label: 'North' }],
    ]);
    const page = await manager.get('/sign-off');
    expect(page.body).toContain(`href="/measures/${measure}/values/2025-26-Q1?breakdown=${ward}"`);
    expect(page.body).toMatch(/SQ-\d+ Sign-off measure \d+ \(Ward: North\)/);

    // The value page judges the category's figure (no entry form for the whole measure's) and verifies it.
    const valuePage = await manager.get(`/measures/${measure}/values/2025-26-Q1?breakdown=${ward}`);
    expect(valuePage.statusCode).toBe(200);
    expect(valuePage.body).toContain('Ward: North');
    expect(valuePage.body).not.toContain('name="rowVersion"');
    expect(valuePage.body).toContain(`action="/measures/${measure}/values/2025-26-Q1/actions?breakdown=${ward}"`);
    const verified = await manager.post(`/measures/${measure}/values/2025-26-Q1/actions?breakdown=${ward}`, {
      action: 'verify',
    });
    expect(verified.statusCode).toBe(302);
    expect(verified.headers.location).toBe(`/measures/${measure}/values/2025-26-Q1?breakdown=${ward}`);
    const after = await s.queue(director);
    expect(after.items.find((item) => item.valueId === north)?.step).toBe('approve');
    expect(after.items.find((item) => item.valueId === whole)?.step).toBe('verify');
    // Another measure's category, or no id at all, is not found.
    expect((await manager.get(`/measures/${measure}/values/2025-26-Q1?breakdown=not-an-id`)).statusCode).toBe(404);
    const other = await s.newMeasure(s.units.service);
    expect((await manager.get(`/measures/${other}/values/2025-26-Q1?breakdown=${ward}`)).statusCode).toBe(404);
  });

  it('shows Sign-off in the navigation only to those the council’s rules could ask', async () => {
    const { admin, manager, head, boardMember } = s.people;
    const navigatesToSignOff = async (agent: typeof admin) =>
      /govuk-service-navigation__link"[^>]*href="\/sign-off"/.test((await agent.get('/measures')).body);
    // Default rules: permission holders; the unit's head and the board member are viewers.
    expect(await navigatesToSignOff(manager)).toBe(true);
    expect(await navigatesToSignOff(head)).toBe(false);
    expect(await navigatesToSignOff(boardMember)).toBe(false);
    await admin.api('PUT', '/api/v1/sign-off-chain', {
      chain: 'verify-then-approve',
      verify: { who: 'unit-head' },
      approve: { who: 'body', bodyId: s.board },
    });
    expect(await navigatesToSignOff(head)).toBe(true);
    expect(await navigatesToSignOff(boardMember)).toBe(true);
    // A manager holds no role the rules name, but verifies where no unit up the chain has a head.
    expect(await navigatesToSignOff(manager)).toBe(true);
    await admin.api('PUT', '/api/v1/sign-off-chain', {
      chain: 'approve-directly',
      approve: { who: 'body', bodyId: s.board },
    });
    expect(await navigatesToSignOff(head)).toBe(false);
    expect(await navigatesToSignOff(manager)).toBe(false);
  });

  it('puts values straight in the approvers’ queue when the council approves from submitted', async () => {
    const { admin, officer, manager, director } = s.people;
    await admin.api('PUT', '/api/v1/sign-off-chain', { chain: 'approve-directly' });
    const measure = await s.newMeasure(s.units.service);
    const valueId = await s.submit(officer, measure, '2025-26-Q2');
    // A manager may verify but not approve, so has nothing to do under this chain.
    expect((await s.queue(manager)).items.some((item) => item.valueId === valueId)).toBe(false);
    expect((await s.queue(director)).items.find((item) => item.valueId === valueId)?.step).toBe('approve');
  });
});

describe.each(PAGE_DATABASES)('the sign-off page, the home page and the verifier’s page on %s', (kind) => {
  let s: SignOffCouncil;
  let measure: string;
  beforeAll(async () => {
    s = await signOffCouncil(kind);
    measure = await s.newMeasure(s.units.service);
    await s.submit(s.people.officer, measure, '2025-26-Q1', 35);
    await s.submit(s.people.officer, measure, '2025-26-Q2', 41, {
      commentary: 'More visits after the winter campaign',
      quality: 'provisional',
      evidenceUrl: 'https://example.org/evidence/q2',
    });
  });
  afterAll(async () => s?.t.close());

  it('lists my values to sign off with counts, linking to each value’s page', async () => {
    const page = await s.people.manager.get('/sign-off');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Waiting for you to verify');
    expect(page.body).toMatch(/To verify<\/dt>\s*<dd[^>]*><a[^>]*>2<\/a>/);
    expect(page.body).toContain(`href="/measures/${measure}/values/2025-26-Q1"`);
    expect(page.body).toContain('Nothing is waiting for you to approve.');
    expect(page.body.indexOf('2025/26 Q1')).toBeLessThan(page.body.indexOf('2025/26 Q2'));
    const mine = await s.people.officer.get('/sign-off');
    expect(mine.body).toContain('Nothing is waiting for you to verify.');
    expect(mine.body).not.toContain(`/measures/${measure}/values/`);
  });

  it('keeps each council’s queue to itself and describes the queue in the OpenAPI document', async () => {
    const elsewhere = await s.t.createOrganisation('Another Council');
    const theirAdmin = await s.t.as('administrator', { organisation: elsewhere });
    expect(await s.queue(theirAdmin)).toEqual({ counts: { verify: 0, approve: 0 }, items: [] });
    expect((await s.queue(s.people.admin)).counts.verify).toBe(2);
    const doc = (await s.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, unknown> };
    }>();
    expect(Object.keys(doc.paths['/api/v1/sign-off/queue']!)).toEqual(['get']);
    expect(doc.components.schemas).toHaveProperty('SignOffQueue');
    expect(doc.components.schemas).toHaveProperty('SignOffWho');
  });

  it('shows the counts on the home page with a link to the queue', async () => {
    const home = await s.people.manager.get('/');
    expect(home.body).toContain('Values waiting for your sign-off: 2 to verify and 0 to approve');
    expect(home.body).toContain('href="/sign-off"');
    const officers = await s.people.officer.get('/');
    expect(officers.body).toContain('No values are waiting for your sign-off.');
  });

  it('shows the verifier everything needed to judge the figure, with the buttons they may use', async () => {
    const page = await s.people.manager.get(`/measures/${measure}/values/2025-26-Q2`);
    expect(page.statusCode).toBe(200);
    const body = page.body;
    expect(body).toContain('The figure');
    expect(body).toContain('More visits after the winter campaign');
    expect(body).toContain('Provisional');
    expect(body).toContain('href="https://example.org/evidence/q2"');
    expect(body).toMatch(/Entered by[\s\S]*performance-officer \d+ on /);
    expect(body).toContain('Previous periods');
    expect(body).toMatch(/2025\/26 Q1<\/td>\s*<td[^>]*>35<\/td>/);
    expect(body).toContain('value="verify"');
    expect(body).toContain('value="return"');
    expect(body).not.toContain('value="approve"');
    expect(body).toContain('href="/sign-off"');
  });

  it('returns a value with a reason from the verifier’s page, and then it leaves the queue', async () => {
    const { manager } = s.people;
    const noReason = await manager.post(`/measures/${measure}/values/2025-26-Q1/actions`, { action: 'return' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('govuk-error-summary');
    expect(noReason.body).toContain('Give a reason to return this value');
    const returned = await manager.post(`/measures/${measure}/values/2025-26-Q1/actions`, {
      action: 'return',
      reason: 'The Q1 figure counts April twice',
    });
    expect(returned.statusCode).toBe(302);
    const queue = await s.queue(manager);
    expect(queue.counts).toEqual({ verify: 1, approve: 0 });
  });
});
