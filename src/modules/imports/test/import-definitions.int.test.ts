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
  /** A CSV file sent to the API as the officer (a GET sends none). */
  const request = (method: 'GET' | 'POST', url: string, body?: string) =>
    t.app.inject({
      method,
      url,
      headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'content-type': 'text/csv' },
      payload: body,
    });
  const send = (body: string) => request('POST', '/api/v1/imports/measures', body);

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

  // The rows' refusals are stored phrases: the API says them in the words the module wrote before.
  it('names each bad row of a measures or targets file, and the parameters it does not take, in words', async () => {
    const refused = await send(
      [
        `${header},ownerEmail,ownerUnitCode,verifierEmail`,
        'DEF-2,Rough sleepers,number,0,lower-is-better,quarterly,sum,nobody@example.org,NO-UNIT,',
        'DEF-2,Rough sleepers,number,0,lower-is-better,quarterly,sum,,,ghost@example.org',
      ].join('\n'),
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().detail).toBe(
      '4 problems were found in measures.csv: nothing was imported. Correct the rows listed and import the file again.',
    );
    expect(refused.json().errors).toEqual([
      { field: 'line 2, ownerEmail', message: 'No one in the organisation has the e-mail address nobody@example.org' },
      { field: 'line 2, ownerUnitCode', message: 'No unit has the code NO-UNIT' },
      {
        field: 'line 3, verifierEmail',
        message: 'No one in the organisation has the e-mail address ghost@example.org',
      },
      { field: 'line 3, code', message: 'Repeats line 2: the code DEF-2 is in the file twice' },
    ]);

    const targets = (body: string) => request('POST', '/api/v1/imports/targets', body);
    const targetHeader = 'measureCode,kind,financialYear,value,reason';
    expect((await targets(`${targetHeader}\nDEF-1,annual,2025-26,200,\n`)).json()).toMatchObject({ created: 1 });
    const twice = await targets(`${targetHeader}\nDEF-1,annual,2025-26,190,\nDEF-1,annual,2025-26,180,Lower\n`);
    expect(twice.json().errors).toEqual([
      { field: 'line 2, reason', message: "Give the reason for changing DEF-1's current target for 2025-26" },
      { field: 'line 3, financialYear', message: 'Repeats line 2: DEF-1 has this target twice in the file' },
    ]);
    expect(twice.json().detail).toMatch(/^2 problems were found in targets\.csv/);

    const badKind = await request('POST', '/api/v1/imports/things', `${header}\n`);
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().errors[0].message).toBe('must be measures, breakdowns, targets or values');
    const badFlag = await request('POST', '/api/v1/imports/measures?dryRun=maybe', `${header}\n`);
    expect(badFlag.json().errors[0].message).toBe('must be true or false');
    const badFile = await request('GET', '/api/v1/exports/things.txt');
    expect(badFile.json().errors[0].message).toBe(
      'must be measures, breakdowns, targets or values, then .csv or .xlsx',
    );
  });
});
