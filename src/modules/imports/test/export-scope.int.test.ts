import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDataCommand } from '../../../cli/data-commands.ts';
import { createTestApp, DATABASES, type Agent, type TestApp } from '../../../../test/helpers/test-app.ts';
import { childUnit } from '../../../../test/helpers/measure-fixtures.ts';
import { insertPartner } from '../../../../test/helpers/items-fixtures.ts';

const now = new Date('2025-11-20T10:00:00Z');

/** The first cell of each data row, with the status (last cell) of value rows. */
const rowsOf = (body: string) =>
  body
    .trim()
    .split('\r\n')
    .slice(1)
    .map((line) => line.split(','))
    .map((cells) => (cells.length === 11 ? `${cells[0]} ${cells[3]} ${cells[10]}` : cells[0]))
    .sort();

describe.each(DATABASES)('exports follow the reader’s scope and drafts (%s)', (kind) => {
  let t: TestApp;
  let directorateA: string;
  let teamA1: string;
  let directorateB: string;
  let ownerInB: Agent;
  let dir: string;

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: () => now });
    dir = mkdtempSync(path.join(tmpdir(), 'gt-export-'));
    directorateA = await childUnit(t, 'DIR-A');
    teamA1 = await childUnit(t, 'TEAM-A1', directorateA);
    directorateB = await childUnit(t, 'DIR-B');
    // Views directorate A only, but owns a measure of directorate B.
    ownerInB = await t.as('viewer', { unitId: directorateA });
    const officer = await t.as('performance-officer');
    const send = async (what: string, csv: string) => {
      const response = await t.app.inject({
        method: 'POST',
        // Signed-off history is loaded as the officer's approval (an explicit choice).
        url: `/api/v1/imports/${what}${what === 'values' ? '?approveHistory=true' : ''}`,
        headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'content-type': 'text/csv' },
        payload: csv,
      });
      expect(response.statusCode, response.body).toBe(200);
    };
    const measure = (code: string, unit: string, owner = '') =>
      `${code},Measure ${code},number,lower-is-better,quarterly,sum,${unit},${owner}`;
    await send(
      'measures',
      [
        'code,title,unit,polarity,frequency,aggregation,ownerUnitCode,ownerEmail',
        measure('M-A', 'DIR-A'),
        measure('M-A1', 'TEAM-A1'),
        measure('M-B', 'DIR-B', ownerInB.email),
        measure('M-C', ''),
      ].join('\n'),
    );
    await send(
      'values',
      [
        'measureCode,periodKey,value,status',
        ...['M-A', 'M-A1', 'M-B', 'M-C'].flatMap((code) => [
          `${code},2025-26-Q1,1,approved`,
          `${code},2025-26-Q2,2,draft`,
        ]),
      ].join('\n'),
    );
    await send(
      'targets',
      ['measureCode,kind,financialYear,value', 'M-A,annual,2025-26,5', 'M-B,annual,2025-26,5'].join('\n'),
    );
    await send(
      'breakdowns',
      ['measureCode,breakdown,breakdownCode,label', 'M-A,ward,W1,Abbey', 'M-B,ward,W1,Abbey'].join('\n'),
    );
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t?.close();
  });

  it('gives a reader scoped to a directorate its measures and those below it, and only official values', async () => {
    const viewer = await t.as('viewer', { unitId: directorateA });
    const measures = await viewer.get('/api/v1/exports/measures.csv');
    expect(measures.statusCode).toBe(200);
    expect(rowsOf(measures.body)).toEqual(['M-A', 'M-A1']);
    const values = await viewer.get('/api/v1/exports/values.csv');
    expect(rowsOf(values.body)).toEqual(['M-A 2025-26-Q1 approved', 'M-A1 2025-26-Q1 approved']);
    const deeper = await t.as('viewer', { unitId: teamA1 });
    expect(rowsOf((await deeper.get('/api/v1/exports/measures.csv')).body)).toEqual(['M-A1']);
  });

  it('gives a council-wide viewer every measure but still no drafts', async () => {
    const viewer = await t.as('viewer');
    expect(rowsOf((await viewer.get('/api/v1/exports/measures.csv')).body)).toEqual(['M-A', 'M-A1', 'M-B', 'M-C']);
    expect(rowsOf((await viewer.get('/api/v1/exports/values.csv')).body)).toEqual([
      'M-A 2025-26-Q1 approved',
      'M-A1 2025-26-Q1 approved',
      'M-B 2025-26-Q1 approved',
      'M-C 2025-26-Q1 approved',
    ]);
  });

  it('gives drafts to those who may enter, verify or approve values of the measure', async () => {
    const manager = await t.as('manager', { unitId: directorateA });
    expect(rowsOf((await manager.get('/api/v1/exports/values.csv')).body)).toEqual([
      'M-A 2025-26-Q1 approved',
      'M-A 2025-26-Q2 draft',
      'M-A1 2025-26-Q1 approved',
      'M-A1 2025-26-Q2 draft',
    ]);
    const officer = await t.as('performance-officer');
    expect(rowsOf((await officer.get('/api/v1/exports/values.csv')).body)).toHaveLength(8);
    // Owning a measure outside one's units does not widen the scope of the export.
    expect(rowsOf((await ownerInB.get('/api/v1/exports/values.csv')).body)).toEqual([
      'M-A 2025-26-Q1 approved',
      'M-A1 2025-26-Q1 approved',
    ]);
  });

  it('scopes targets and breakdown exports by the measures too', async () => {
    const viewer = await t.as('viewer', { unitId: directorateB });
    const targets = await viewer.get('/api/v1/exports/targets.csv');
    expect(targets.statusCode).toBe(200);
    expect(rowsOf(targets.body)).toEqual(['M-B']);
    expect(rowsOf((await viewer.get('/api/v1/exports/breakdowns.csv')).body)).toEqual(['M-B']);
    const everyone = await t.as('viewer');
    expect(rowsOf((await everyone.get('/api/v1/exports/targets.csv')).body)).toEqual(['M-A', 'M-B']);
  });

  it('applies the same permissions on the command line as on the web', async () => {
    const partnerId = await insertPartner(t.deps.database.db, t.org.id, 'Health partner');
    const partner = await t.as('partner', { partnerId });
    expect((await partner.get('/api/v1/exports/values.csv')).statusCode).toBe(403);
    const refused = await runDataCommand(
      'export',
      ['values', path.join(dir, 'partner.csv'), '--as', partner.email],
      t.deps,
    );
    expect(refused).toEqual({
      code: 1,
      output: 'You do not have permission to export the organisation’s measures and values',
    });
    const viewer = await t.as('viewer', { unitId: directorateA });
    const file = path.join(dir, 'viewer.csv');
    const done = await runDataCommand('export', ['values', file, '--as', viewer.email], t.deps);
    expect(done.code).toBe(0);
    const web = await viewer.get('/api/v1/exports/values.csv');
    expect(readFileSync(file, 'utf8')).toBe(web.body);
    expect(rowsOf(web.body)).toEqual(['M-A 2025-26-Q1 approved', 'M-A1 2025-26-Q1 approved']);
  });
});
