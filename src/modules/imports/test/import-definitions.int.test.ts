import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measures, measureValues } from '../../../schema.ts';
import { createTestApp, PAGE_DATABASES, type Agent, type TestApp } from '../../../../test/helpers/test-app.ts';

// A stable definition through the measures import: the rule is the measures module's, applied to
// each row; no engine-specific SQL, so PGlite only.
describe.each(PAGE_DATABASES)('measure definitions imported on %s', (kind) => {
  let t: TestApp;
  let officer: Agent;
  beforeAll(async () => {
    t = await createTestApp(kind);
    officer = await t.as('performance-officer');
  });
  afterAll(async () => t?.close());

  const header = 'code,title,unit,decimalPlaces,polarity,frequency,aggregation';
  const send = (body: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/imports/measures',
      headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'content-type': 'text/csv' },
      payload: body,
    });

  it('refuses a row that changes a defining field of a measure with values, naming its line and the fields', async () => {
    const created = await send(
      `${header}\nDEF-1,Households in temporary accommodation,number,0,lower-is-better,quarterly,sum\n`,
    );
    expect(created.json().created).toBe(1);
    const [measure] = await t.deps.database.db.select().from(measures).where(eq(measures.code, 'DEF-1'));
    await t.deps.database.db.insert(measureValues).values({
      organisationId: officer.organisationId,
      measureId: measure!.id,
      periodKey: '2025-26-Q1',
      value: 212,
      status: 'approved',
    });
    const refused = await send(
      `${header}\nDEF-1,Households in temporary accommodation,%,0,higher-is-better,quarterly,mean\n`,
    );
    expect(refused.statusCode).toBe(400);
    expect(JSON.stringify(refused.json())).toContain(
      'The polarity, unit and aggregation of DEF-1 cannot change once values have been entered',
    );
    expect(refused.json().errors[0]).toMatchObject({ field: 'line 2, polarity' });
    const [after] = await t.deps.database.db.select().from(measures).where(eq(measures.code, 'DEF-1'));
    expect(after).toMatchObject({ unit: 'number', polarity: 'lower-is-better', aggregation: 'sum' });
    // A wording change still goes through.
    const renamed = await send(
      `${header}\nDEF-1,Households in temporary accommodation (all),number,0,lower-is-better,quarterly,sum\n`,
    );
    expect(renamed.json()).toMatchObject({ updated: 1 });
  });
});
