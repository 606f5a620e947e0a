import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureBody } from '../../../../test/helpers/measure-fixtures.ts';
import { createTestApp, DATABASES, type Agent, type TestApp } from '../../../../test/helpers/test-app.ts';

const today = new Date('2025-11-20T10:00:00Z');

/** The text of the element whose opening tag holds `from`, up to `to`: tags removed, spaces collapsed. */
function textBetween(html: string, from: string, to: string): string {
  const at = html.indexOf(from);
  const start = html.indexOf('>', at) + 1;
  const end = html.indexOf(to, start);
  if (at < 0 || end < 0) return '';
  return html
    .slice(start, end)
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

describe.each(DATABASES)('breakdown view and the commentary hint on %s', (kind) => {
  let t: TestApp;
  let officer: Agent;
  let viewer: Agent;
  let measureId: string;
  let plainId: string;

  const importFile = (what: string, body: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/imports/${what}`,
      headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'content-type': 'text/csv' },
      payload: body,
    });

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: () => today });
    officer = await t.as('performance-officer');
    viewer = await t.as('viewer');
    const created = await officer.api('POST', '/api/v1/measures', measureBody({ ownerUnitId: t.org.rootUnitId }));
    expect(created.statusCode).toBe(201);
    measureId = created.json().id;
    const plain = await officer.api(
      'POST',
      '/api/v1/measures',
      measureBody({ code: 'PLAIN-1', title: 'Without breakdowns', ownerUnitId: t.org.rootUnitId }),
    );
    plainId = plain.json().id;
    const steps = [
      [
        'breakdowns',
        'measureCode,breakdown,breakdownCode,label,position\n' +
          'ASC-01,ward,E05000001,Abbey,1\nASC-01,ward,E05000002,Bishops Waltham,2\nASC-01,age group,65+,Aged 65 and over,1\n',
      ],
      [
        'targets',
        'measureCode,breakdown,breakdownCode,kind,financialYear,value\n' +
          'ASC-01,,,annual,2025-26,70\nASC-01,ward,E05000001,annual,2025-26,65\nASC-01,ward,E05000002,annual,2025-26,80\n',
      ],
      [
        'values',
        'measureCode,breakdown,breakdownCode,periodKey,value\n' +
          // Five quarters: only the latest four are shown.
          'ASC-01,ward,E05000001,2024-25-Q2,50\nASC-01,ward,E05000001,2024-25-Q3,55\n' +
          'ASC-01,ward,E05000001,2024-25-Q4,58\nASC-01,ward,E05000001,2025-26-Q1,61.5\n' +
          'ASC-01,ward,E05000001,2025-26-Q2,66\nASC-01,ward,E05000002,2025-26-Q2,60\n' +
          'ASC-01,age group,65+,2025-26-Q2,72.5\n',
      ],
    ] as const;
    for (const [what, body] of steps) expect((await importFile(what, body)).statusCode).toBe(200);
  });
  afterAll(async () => t?.close());

  it('shows each breakdown as a table of its categories over the latest periods, rated against their targets', async () => {
    const page = await viewer.get(`/measures/${measureId}`);
    expect(page.statusCode).toBe(200);
    const ward = textBetween(page.body, 'id="breakdown-2"', '</table>');
    const age = textBetween(page.body, 'id="breakdown-1"', '</table>');
    // Breakdowns in the order the measure lists them (age group, then ward).
    expect(age).toContain('By age group: the latest 4 periods with values');
    expect(age).toContain('Aged 65 and over 65+ No value No value No value 72.5%');
    expect(ward).toBe(
      'By ward: the latest 4 periods with values Ward 2024/25 Q3 2024/25 Q4 2025/26 Q1 2025/26 Q2 ' +
        'Abbey E05000001 55.0% 58.0% 61.5% Red Target 65.0% 66.0% Green Target 65.0% ' +
        'Bishops Waltham E05000002 No value No value No value Target 80.0% 60.0% Red Target 80.0%',
    );
    expect(page.body).toContain('<th scope="row" class="govuk-table__header">Abbey');
  });

  it('shows nothing about breakdowns on a measure without them, except the form for those who may add one', async () => {
    const seen = await viewer.get(`/measures/${plainId}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.body).not.toContain('id="breakdowns"');
    const editor = await officer.get(`/measures/${plainId}`);
    expect(editor.body).toContain('No breakdowns: values are for the whole measure.');
    expect(editor.body).toContain('Add a breakdown category');
  });

  it('lists categories without values yet', async () => {
    const other = await officer.api(
      'POST',
      '/api/v1/measures',
      measureBody({ code: 'NEW-1', title: 'New', ownerUnitId: t.org.rootUnitId }),
    );
    const id = other.json().id as string;
    await officer.api('POST', `/api/v1/measures/${id}/breakdowns`, { dimension: 'ward', code: 'W1', label: 'Central' });
    const page = await viewer.get(`/measures/${id}`);
    expect(page.body).toContain('Ward: Central (W1)');
    expect(page.body).toContain('No values have been entered for these categories yet.');
  });

  it('hints at the target and amber band that decide whether commentary is required, as the rule applies it', async () => {
    const form = await officer.get(`/measures/${measureId}/values/2025-26-Q2`);
    expect(form.statusCode).toBe(200);
    expect(textBetween(form.body, 'id="commentary-hint"', '</div>')).toBe(
      'Explain the figure: why it is where it is and what is being done. Required before you submit a value ' +
        'below 70.0%, the annual target (amber from 66.5%; red below 66.5%).',
    );
    // The rule as enforced: 69.9% (amber) needs commentary, 70.0% does not.
    const below = await officer.post(`/measures/${measureId}/values/2025-26-Q2`, {
      rowVersion: '0',
      value: '69.9',
      commentary: '',
      quality: 'final',
      evidenceUrl: '',
      action: 'submit',
    });
    expect(below.statusCode).toBe(400);
    expect(below.body).toContain('Add commentary explaining the performance');
    const onTarget = await officer.post(`/measures/${measureId}/values/2025-26-Q2`, {
      rowVersion: '0',
      value: '70',
      commentary: '',
      quality: 'final',
      evidenceUrl: '',
      action: 'submit',
    });
    expect(onTarget.statusCode).toBe(302);
    // No target for the period: commentary is optional, and the hint says so.
    const noTarget = await officer.get(`/measures/${plainId}/values/2025-26-Q2`);
    expect(textBetween(noTarget.body, 'id="commentary-hint"', '</div>')).toContain(
      'Optional: no target applies to 2025/26 Q2.',
    );
  });
});
