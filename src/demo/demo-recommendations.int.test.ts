import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, PAGE_DATABASES, type TestApp } from '../../test/helpers/test-app.ts';
import { people } from '../schema.ts';
import { eq } from 'drizzle-orm';

// The demo's register of recommendations as the audit committee sees it (ordinary reads: PGlite).
describe.each(PAGE_DATABASES)('the demo council’s recommendations on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { demo: true });
  });
  afterAll(async () => t?.close());

  it('has an internal audit and an inspection with recommendations at every stage', async () => {
    const [auditor] = await t.deps.database.db
      .select()
      .from(people)
      .where(eq(people.email, 'michael.brennan@ashdownvale.example'));
    expect(auditor).toBeDefined();
    const signedIn = await t.deps.services.auth.signIn(auditor!.email, t.demo!.password);
    const headers = { cookie: `gt_session=${signedIn!.token}` };
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers }).then((response) => response.json());
    const reports = await get('/api/v1/recommendations/reports');
    expect(reports.map((report: { title: string }) => report.title)).toEqual(
      expect.arrayContaining(['Data quality of performance indicators', expect.stringMatching(/inspection/)]),
    );
    const register: { reference: string; status: string; overdue: boolean; response: string }[] =
      await get('/api/v1/recommendations');
    expect(
      register
        .filter((r) => r.overdue)
        .map((r) => r.reference)
        .sort(),
    ).toEqual(['H1', 'R2']);
    expect(
      register
        .filter((r) => r.status === 'closed')
        .map((r) => r.reference)
        .sort(),
    ).toEqual(['H2', 'H3', 'R3']);
    expect(register.find((r) => r.reference === 'H3')?.response).toBe('rejected');
    const extended = register.find((r) => r.reference === 'R1') as unknown as { id: string };
    const detail = await get(`/api/v1/recommendations/${extended.id}`);
    expect(detail).toMatchObject({
      overdue: false,
      revisions: [{ bodyName: 'Audit Committee', decisionReference: 'Minute AC/41' }],
    });
    const ageing = await get('/api/v1/recommendations/ageing');
    expect(ageing).toMatchObject({ total: 7, open: 4, overdue: 2 });
  });
});
