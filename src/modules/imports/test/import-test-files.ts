/**
 * Shared by the import integration tests: CSV files built in the test or read from the real
 * published data in the reference folder, sending them to the import API, and counting the rows
 * an import writes.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/db.ts';
import { auditEvents, measures, measureTargets, measureValueEvents, measureValues } from '../../../schema.ts';
import type { Agent, TestApp } from '../../../../test/helpers/test-app.ts';
import { REFERENCE_DATA_DIR as REAL } from '../../../../test/helpers/reference-data.ts';

type Row = Record<string, string>;
export const readCsv = (path: string): Row[] =>
  parse(readFileSync(path), { columns: true, bom: true, skip_empty_lines: true });

export function csv(headers: string[], rows: (string | number)[][]): string {
  const cell = (value: string | number) => {
    const text = String(value);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [headers.join(','), ...rows.map((row) => row.map(cell).join(','))].join('\n');
}

/** Hart District Council's published KPI list (November 2014) as measure definitions. */
export function hartMeasures(): string {
  const lowerIsBetter = /sickness|days|missed|time taken|average time/i;
  const rows = readCsv(`${REAL}/hart_dc_kpis/hart_kpis_2014-11-07.csv`).map((kpi) => [
    `HART-${kpi.k}`,
    kpi.d!,
    kpi.p === '%' ? '%' : 'number',
    kpi.p === '%' ? 1 : 2,
    lowerIsBetter.test(kpi.d!) ? 'lower-is-better' : 'higher-is-better',
    'quarterly',
    kpi.p === '%' ? 'mean' : 'sum',
    kpi.u!,
    kpi.n === 'No notes' ? '' : kpi.n!,
  ]);
  return csv(
    ['code', 'title', 'unit', 'decimalPlaces', 'polarity', 'frequency', 'aggregation', 'tags', 'dataQualityNotes'],
    rows,
  );
}

export const send = (
  agent: Agent & { t: TestApp },
  kind: string,
  body: string | Buffer,
  query = '',
  type = 'text/csv',
) =>
  agent.t.app.inject({
    method: 'POST',
    url: `/api/v1/imports/${kind}${query}`,
    headers: { cookie: agent.cookie, 'x-csrf-token': agent.csrf, 'content-type': type },
    payload: body,
  });

/** How many measures, targets, values, value events and audit rows there are. */
export async function rowCounts(db: Db) {
  const one = async (
    table:
      typeof measures | typeof measureValues | typeof measureValueEvents | typeof auditEvents | typeof measureTargets,
  ) => (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;
  return {
    measures: await one(measures),
    targets: await one(measureTargets),
    values: await one(measureValues),
    events: await one(measureValueEvents),
    audit: await one(auditEvents),
  };
}
