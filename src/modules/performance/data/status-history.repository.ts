/**
 * What the stored-status recompute reads, shaped for speed at council scale (5,000 measures with
 * 120 values each). It reads a chunk of measures at a time, so the caller can compute one chunk
 * while the database reads the next:
 * - each measure's whole-measure values come from measure_series, one row of comma-separated
 *   lists (period keys, values, numerators, denominators, sign-off statuses) that triggers keep in
 *   step with measure_values, not one row per value; only official figures are kept;
 * - targets only for the financial years being rated (multi-year targets always);
 * - plain SQL with the ids as one array parameter, so the rows skip the ORM's mapping.
 * Every query filters by organisation.
 */
import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../platform/db/db.ts';
import { parsedRows, rowsOf, textArray } from '../../../platform/db/rows.ts';
import { FREQUENCIES } from '../../../kernel/measurement/periods.ts';
import { AGGREGATIONS, POLARITIES } from '../../../kernel/measurement/vocabulary.ts';
import { DEFAULT_OFFICIAL_FROM, isOfficial, type OfficialFrom } from '../../../kernel/measurement/official.ts';
import { type measures } from '../../measures/index.ts';
import type { StatusInsert } from './measure-status.repository.ts';

type MeasureRow = typeof measures.$inferSelect;

/** The columns of a measure the engine reads. */
export type StatusMeasureRow = Pick<
  MeasureRow,
  | 'id'
  | 'frequency'
  | 'polarity'
  | 'aggregation'
  | 'unit'
  | 'decimalPlaces'
  | 'ragThresholds'
  | 'spcSettings'
  | 'dueWorkingDays'
  | 'minValue'
  | 'maxValue'
>;

export interface ValueRow {
  periodKey: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

/** A stored target version (the columns target-history reads). */
export interface TargetVersionRow {
  id: string;
  measureId: string;
  kind: string;
  breakdownId: string | null;
  financialYear: string;
  periodKey: string | null;
  value: number | null;
  lower: number | null;
  upper: number | null;
  effectiveFrom: string;
  setAt: Date;
  supersededAt: Date | null;
  supersededBy: string | null;
}

export interface RebaseRow {
  periodKey: string;
  reason: string;
}

/** One chunk's history, grouped by measure id. */
export interface StatusHistory {
  measures: StatusMeasureRow[];
  values: Map<string, ValueRow[]>;
  targets: Map<string, TargetVersionRow[]>;
  rebases: Map<string, RebaseRow[]>;
}

/** A measures row as statusMeasures selects it; the JSON columns are parsed after. */
const statusMeasureColumns = z.object({
  id: z.string(),
  frequency: z.enum(FREQUENCIES),
  polarity: z.enum(POLARITIES),
  aggregation: z.enum(AGGREGATIONS),
  unit: z.string(),
  decimal_places: z.coerce.number(),
  rag_thresholds: z.unknown(),
  spc_settings: z.unknown(),
  due_working_days: z.coerce.number().nullable(),
  min_value: z.coerce.number().nullable(),
  max_value: z.coerce.number().nullable(),
});

/** The measures to rate: the given ones (any status), or every active one, in id order. */
export async function statusMeasures(
  db: Db,
  organisationId: string,
  measureIds: readonly string[] | 'all',
): Promise<StatusMeasureRow[]> {
  if (measureIds !== 'all' && measureIds.length === 0) return [];
  const which = measureIds === 'all' ? sql`status = 'active'` : sql`id = ANY(${textArray(measureIds)}::uuid[])`;
  const rows = parsedRows(
    statusMeasureColumns,
    await db.execute(sql`
      SELECT id, frequency, polarity, aggregation, unit, decimal_places, rag_thresholds, spc_settings, due_working_days,
             min_value, max_value
      FROM measures WHERE organisation_id = ${organisationId} AND ${which}
      ORDER BY id`),
  );
  return rows.map((row) => ({
    id: row.id,
    frequency: row.frequency,
    polarity: row.polarity,
    aggregation: row.aggregation,
    unit: row.unit,
    decimalPlaces: row.decimal_places,
    ragThresholds: parseJson(row.rag_thresholds) as MeasureRow['ragThresholds'],
    spcSettings: parseJson(row.spc_settings) as MeasureRow['spcSettings'],
    dueWorkingDays: row.due_working_days,
    minValue: row.min_value,
    maxValue: row.max_value,
  }));
}

const numberOrNull = (text: string | undefined) => (text === undefined || text === '' ? null : Number(text));

/** The packed lists of one measure's series, unpacked; only official figures are kept. */
function unpackValues(packed: PackedSeries, officialFrom: OfficialFrom): ValueRow[] {
  const k = packed.keys.split(',');
  const v = packed.vals.split(',');
  const n = packed.nums.split(',');
  const d = packed.dens.split(',');
  const statuses = packed.statuses.split(',');
  const out: ValueRow[] = [];
  for (let i = 0; i < k.length; i++) {
    if (!isOfficial(statuses[i] ?? '', officialFrom)) continue;
    out.push({
      periodKey: k[i] as string,
      value: numberOrNull(v[i]),
      numerator: numberOrNull(n[i]),
      denominator: numberOrNull(d[i]),
    });
  }
  return out;
}

interface PackedSeries {
  keys: string;
  vals: string;
  nums: string;
  dens: string;
  statuses: string;
}

function push<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/**
 * The values, targets (of the given financial years, plus every multi-year target) and SPC
 * rebases of a chunk of measures, in ONE query and one row per measure (targets and rebases as
 * JSON): while the caller computes the previous chunk, the database answers the whole of this one.
 * `alsoWrite` (a statusUpsert) runs in the same statement, so the previous chunk's statuses are
 * written in that same round trip (the read does not look at measure_statuses).
 */
export async function loadStatusHistory(
  db: Db,
  organisationId: string,
  chunk: readonly StatusMeasureRow[],
  financialYears: readonly string[],
  options: { alsoWrite?: SQL; officialFrom?: OfficialFrom } = {},
): Promise<StatusHistory> {
  const officialFrom = options.officialFrom ?? DEFAULT_OFFICIAL_FROM;
  const history: StatusHistory = { measures: [...chunk], values: new Map(), targets: new Map(), rebases: new Map() };
  if (chunk.length === 0) {
    if (options.alsoWrite) await db.execute(options.alsoWrite);
    return history;
  }
  const ids = textArray(chunk.map((measure) => measure.id));
  const years = textArray(financialYears);
  const rows = rowsOf<{
    measure_id: string;
    keys: string | null;
    vals: string | null;
    nums: string | null;
    dens: string | null;
    statuses: string | null;
    targets: unknown;
    rebases: unknown;
  }>(
    await db.execute(sql`
      ${options.alsoWrite ? sql`WITH written AS (${options.alsoWrite}) ` : sql``}
      SELECT m.id AS measure_id, s.period_keys AS keys, s.vals, s.nums, s.dens, s.statuses,
        (SELECT json_agg(json_build_object(
                  'id', t.id, 'kind', t.kind, 'breakdownId', t.breakdown_id, 'financialYear', t.financial_year,
                  'periodKey', t.period_key, 'value', t.value, 'lower', t.lower, 'upper', t.upper,
                  'effectiveFrom', t.effective_from::text,
                  'setAt', extract(epoch FROM t.set_at) * 1000,
                  'supersededAt', extract(epoch FROM t.superseded_at) * 1000,
                  'supersededBy', t.superseded_by))
           FROM measure_targets t
          WHERE t.organisation_id = ${organisationId} AND t.measure_id = m.id
            AND (t.kind NOT IN ('annual', 'profile') OR t.financial_year = ANY(${years}::text[]))) AS targets,
        (SELECT json_agg(json_build_object('periodKey', r.period_key, 'reason', r.reason))
           FROM spc_rebases r
          WHERE r.organisation_id = ${organisationId} AND r.measure_id = m.id) AS rebases
      FROM unnest(${ids}::uuid[]) AS m(id)
      LEFT JOIN measure_series s ON s.measure_id = m.id AND s.organisation_id = ${organisationId}`),
  );
  for (const row of rows) {
    if (row.keys !== null) {
      const packed = { keys: row.keys, vals: row.vals ?? '', nums: row.nums ?? '', dens: row.dens ?? '' };
      const values = unpackValues({ ...packed, statuses: row.statuses ?? '' }, officialFrom);
      if (values.length > 0) history.values.set(row.measure_id, values);
    }
    const targets = parseJson<StoredTargetJson[]>(row.targets);
    if (targets)
      history.targets.set(
        row.measure_id,
        targets.map((target) => targetRow(row.measure_id, target)),
      );
    const rebases = parseJson<RebaseRow[]>(row.rebases);
    if (rebases) history.rebases.set(row.measure_id, rebases);
  }
  return history;
}

interface StoredTargetJson {
  id: string;
  kind: string;
  breakdownId: string | null;
  financialYear: string;
  periodKey: string | null;
  value: number | null;
  lower: number | null;
  upper: number | null;
  effectiveFrom: string;
  setAt: number;
  supersededAt: number | null;
  supersededBy: string | null;
}

/** json arrives parsed from node-postgres and PGlite; accept text too. */
const parseJson = <T>(value: unknown): T | null =>
  value === null || value === undefined ? null : ((typeof value === 'string' ? JSON.parse(value) : value) as T);

function targetRow(measureId: string, target: StoredTargetJson): TargetVersionRow {
  return {
    ...target,
    measureId,
    setAt: new Date(Math.floor(target.setAt)),
    supersededAt: target.supersededAt === null ? null : new Date(Math.floor(target.supersededAt)),
  };
}

/** The flat history of the measure page and tests, grouped as the recompute reads it. */
export function groupHistory(flat: {
  measures: readonly StatusMeasureRow[];
  values: readonly (ValueRow & { measureId: string })[];
  targets: readonly TargetVersionRow[];
  rebases: readonly (RebaseRow & { measureId: string })[];
}): StatusHistory {
  const history: StatusHistory = {
    measures: [...flat.measures],
    values: new Map(),
    targets: new Map(),
    rebases: new Map(),
  };
  for (const value of flat.values) push(history.values, value.measureId, value);
  for (const target of flat.targets) push(history.targets, target.measureId, target);
  for (const rebase of flat.rebases) push(history.rebases, rebase.measureId, rebase);
  return history;
}

const STATUS_COLUMNS: [keyof StatusInsert, string, string][] = [
  ['organisationId', 'organisation_id', 'uuid'],
  ['measureId', 'measure_id', 'uuid'],
  ['periodKey', 'period_key', 'text'],
  ['breakdownId', 'breakdown_id', 'uuid'],
  ['value', 'value', 'float8'],
  ['targetValue', 'target_value', 'float8'],
  ['targetLower', 'target_lower', 'float8'],
  ['targetUpper', 'target_upper', 'float8'],
  ['rag', 'rag', 'text'],
  ['ragReason', 'rag_reason', 'text'],
  ['directionPrevious', 'direction_previous', 'text'],
  ['directionLastYear', 'direction_last_year', 'text'],
  ['ytdValue', 'ytd_value', 'float8'],
  ['ytdRag', 'ytd_rag', 'text'],
  ['spcLatestType', 'spc_latest_type', 'text'],
  ['spcVariationIcon', 'spc_variation_icon', 'text'],
  ['spcAssurance', 'spc_assurance', 'text'],
  ['forecastOutturn', 'forecast_outturn', 'float8'],
  ['forecastLow', 'forecast_low', 'float8'],
  ['forecastHigh', 'forecast_high', 'float8'],
  ['forecastProbability', 'forecast_probability', 'float8'],
  ['forecastMethod', 'forecast_method', 'text'],
  ['forecastMape', 'forecast_mape', 'float8'],
  ['computedAt', 'computed_at', 'timestamptz'],
];

const STATUS_BATCH = 2_000;
const KEY_COLUMNS = ['organisation_id', 'measure_id', 'period_key', 'breakdown_id'];
const INSERT_COLUMNS = sql.raw(STATUS_COLUMNS.map(([, column]) => column).join(', '));
const RECORD_TYPE = sql.raw(STATUS_COLUMNS.map(([, column, type]) => `${column} ${type}`).join(', '));
const UPSERT_CONFLICT = sql.raw(
  'ON CONFLICT (measure_id, period_key, breakdown_id, organisation_id) DO UPDATE SET ' +
    STATUS_COLUMNS.filter(([, column]) => !KEY_COLUMNS.includes(column))
      .map(([, column]) => `${column} = excluded.${column}`)
      .join(', '),
);

/**
 * What a stored status shows: every column but its key and when it was computed. A column added
 * to STATUS_COLUMNS is compared too, so a change in it always counts as a change.
 */
const SHOWN_COLUMNS = STATUS_COLUMNS.map(([, column]) => column).filter(
  (column) => !KEY_COLUMNS.includes(column) && column !== 'computed_at',
);
const SHOWN_STORED = sql.raw(SHOWN_COLUMNS.map((column) => `s.${column}`).join(', '));
const SHOWN_INCOMING = sql.raw(SHOWN_COLUMNS.map((column) => `r.${column}`).join(', '));

function recordsOf(rows: readonly StatusInsert[]): SQL {
  if (rows.length > STATUS_BATCH) throw new RangeError(`At most ${STATUS_BATCH} statuses per statement`);
  const records = rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const [key, column] of STATUS_COLUMNS) {
      const value = row[key];
      out[column] = value instanceof Date ? value.toISOString() : (value ?? null);
    }
    return out;
  });
  return sql`SELECT ${INSERT_COLUMNS} FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb) AS r(${RECORD_TYPE})`;
}

/**
 * One statement upserting up to STATUS_BATCH stored statuses, the rows passed as a single JSON
 * parameter (jsonb_to_recordset) rather than 24 parameters a row: few round trips and parameters
 * on both PostgreSQL and PGlite. A statement, so a caller can also run it inside another.
 */
export function statusUpsert(rows: readonly StatusInsert[]): SQL {
  return sql`INSERT INTO measure_statuses (${INSERT_COLUMNS}) ${recordsOf(rows)} ${UPSERT_CONFLICT}`;
}

/**
 * Upserts stored statuses, STATUS_BATCH rows a statement, and answers how many of them show
 * something new: a status not stored before, or one whose shown columns differ from the stored
 * row (the time it was computed aside). Compared in the database, through the same casts the
 * write uses, in the write's own statement (every part of it sees the rows as they were before).
 */
export async function upsertStatuses(db: Db, rows: readonly StatusInsert[]): Promise<number> {
  let changed = 0;
  for (let start = 0; start < rows.length; start += STATUS_BATCH) {
    const [row] = rowsOf<{ changed: number | string }>(
      await db.execute(sql`
        WITH r AS (${recordsOf(rows.slice(start, start + STATUS_BATCH))}),
        written AS (INSERT INTO measure_statuses (${INSERT_COLUMNS}) SELECT ${INSERT_COLUMNS} FROM r ${UPSERT_CONFLICT})
        SELECT count(*) AS changed FROM r WHERE NOT EXISTS (
          SELECT 1 FROM measure_statuses s
          WHERE s.organisation_id = r.organisation_id AND s.measure_id = r.measure_id
            AND s.period_key = r.period_key AND s.breakdown_id IS NOT DISTINCT FROM r.breakdown_id
            AND (${SHOWN_STORED}) IS NOT DISTINCT FROM (${SHOWN_INCOMING}))`),
    );
    changed += Number(row?.changed ?? 0);
  }
  return changed;
}
