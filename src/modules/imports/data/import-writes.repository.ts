/**
 * Writing a bulk import of values: new values and their 'import' events go in with COPY, the
 * database's own bulk path (pg-copy-streams on PostgreSQL, COPY FROM '/dev/blob' on PGlite);
 * changed values are staged with COPY into a temporary table and updated, with their events,
 * by one set-based statement. Everything runs inside the caller's transaction.
 *
 * New values get time-ordered ids (UUID version 7, RFC 9562) made here, so their events can name
 * them without a round trip and the indexes on the ids are appended to rather than scattered.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db } from '../../../platform/db/db.ts';
import { rowsOf } from '../../../platform/db/rows.ts';
import { timeOrderedIds } from '../../../platform/db/ids.ts';

// --- COPY ------------------------------------------------------------------------------------------

/** A PGlite transaction (or instance): query takes a blob for COPY FROM '/dev/blob'. */
interface PgliteClient {
  query(query: string, params?: unknown[], options?: { blob?: Blob }): Promise<unknown>;
}

type RawClient = { kind: 'postgres'; client: pg.Client } | { kind: 'pglite'; client: PgliteClient };

/** The driver's own connection under a Drizzle transaction (COPY is not part of Drizzle). */
function rawClientOf(db: Db): RawClient {
  const client = (db as unknown as { session?: { client?: unknown } }).session?.client;
  if (client instanceof pg.Client) return { kind: 'postgres', client };
  if (client instanceof pg.Pool || !client || typeof (client as PgliteClient).query !== 'function') {
    throw new Error('COPY runs on one connection: call it inside a transaction');
  }
  return { kind: 'pglite', client: client as PgliteClient };
}

/** A blob this size at most goes to PGlite per COPY (it holds the blob in memory while it reads). */
const PGLITE_BLOB_CHARS = 32 * 1024 * 1024;

/**
 * COPY text-format lines (tab-separated, \N for null, escaped with copyText) into a table.
 * `chunks` yields blocks of whole lines; they are produced as the database takes them.
 */
export async function copyInto(db: Db, table: string, columns: readonly string[], chunks: Iterable<string>) {
  const statement = `COPY ${table} (${columns.join(', ')}) FROM STDIN`;
  const raw = rawClientOf(db);
  if (raw.kind === 'postgres') {
    await pipeline(Readable.from(chunks, { objectMode: false }), raw.client.query(copyFrom(statement)));
    return;
  }
  const fromBlob = `COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'`;
  let parts: string[] = [];
  let size = 0;
  const flush = async () => {
    if (size === 0) return;
    await raw.client.query(fromBlob, [], { blob: new Blob(parts) });
    parts = [];
    size = 0;
  };
  for (const chunk of chunks) {
    parts.push(chunk);
    size += chunk.length;
    if (size >= PGLITE_BLOB_CHARS) await flush();
  }
  await flush();
}

const NEEDS_ESCAPE = /[\\\t\n\r]/;

/** Text as a COPY text-format field: backslash, tab, line feed and carriage return escaped. */
export function copyText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** A number as a COPY field (\N for null); String() round-trips a double exactly. */
const copyNumber = (value: number | null) => (value === null ? '\\N' : String(value));

/** New values (and their events) per COPY. */
const INSERT_BLOCK = 50_000;

/** About this many characters per block handed to COPY. */
const CHUNK_CHARS = 1 << 20;

function* chunked(count: number, line: (i: number) => string): Generator<string> {
  let block = '';
  for (let i = 0; i < count; i++) {
    block += line(i);
    if (block.length >= CHUNK_CHARS) {
      yield block;
      block = '';
    }
  }
  if (block !== '') yield block;
}

// --- values ----------------------------------------------------------------------------------------

/** Checked import rows, one array per field (rows are picked from them by index). */
export interface ValueColumns {
  measureId: string[];
  breakdownId: (string | null)[];
  periodKey: string[];
  value: (number | null)[];
  numerator: (number | null)[];
  denominator: (number | null)[];
  commentary: string[];
  quality: string[];
  evidenceUrl: string[];
  status: string[];
}

/** The snapshot kept in an event's new_value/old_value, as measure_value_events documents it. */
function snapshotJson(columns: ValueColumns, i: number): string {
  const num = (value: number | null) => (value === null ? 'null' : String(value));
  return (
    `{"value":${num(columns.value[i]!)},"numerator":${num(columns.numerator[i]!)},` +
    `"denominator":${num(columns.denominator[i]!)},"commentary":${JSON.stringify(columns.commentary[i])},` +
    `"quality":${JSON.stringify(columns.quality[i])},"evidenceUrl":${JSON.stringify(columns.evidenceUrl[i])}}`
  );
}

const VALUE_COLUMNS = [
  'id',
  'organisation_id',
  'measure_id',
  'breakdown_id',
  'period_key',
  'value',
  'numerator',
  'denominator',
  'commentary',
  'status',
  'quality',
  'evidence_url',
  'entered_by',
  'updated_by',
];

const EVENT_COLUMNS = [
  'organisation_id',
  'value_id',
  'measure_id',
  'breakdown_id',
  'period_key',
  'action',
  'from_status',
  'to_status',
  'old_value',
  'new_value',
  'actor_person_id',
  'reason',
];

export interface ImportWriter {
  organisationId: string;
  actorId: string;
  reason: string;
}

/**
 * Inserts the rows `rows` of `columns` as new values, each with an 'import' event (who, when,
 * the new figures). A value that someone else created meanwhile fails the unique key
 * measure_values_key: the caller rolls back and reports a conflict.
 */
export async function insertValues(
  db: Db,
  writer: ImportWriter,
  columns: ValueColumns,
  rows: readonly number[],
  options: { onProgress?: (done: number) => void; blockRows?: number } = {},
): Promise<number> {
  if (rows.length === 0) return 0;
  const block = options.blockRows ?? INSERT_BLOCK;
  const ids = timeOrderedIds(rows.length);
  const org = writer.organisationId;
  const actor = writer.actorId;
  const reason = copyText(writer.reason);
  const cell = (value: string | null) => (value === null ? '\\N' : copyText(value));
  // Values and their events go in turns, a block at a time, so that checking each event's value
  // (its foreign key) finds the value still in the database's buffers.
  for (let from = 0; from < rows.length; from += block) {
    const count = Math.min(block, rows.length - from);
    await copyInto(
      db,
      'measure_values',
      VALUE_COLUMNS,
      chunked(count, (k) => {
        const i = rows[from + k]!;
        return (
          `${ids[from + k]}\t${org}\t${columns.measureId[i]}\t${columns.breakdownId[i] ?? '\\N'}\t${cell(columns.periodKey[i]!)}\t` +
          `${copyNumber(columns.value[i]!)}\t${copyNumber(columns.numerator[i]!)}\t${copyNumber(columns.denominator[i]!)}\t` +
          `${cell(columns.commentary[i]!)}\t${columns.status[i]}\t${columns.quality[i]}\t${cell(columns.evidenceUrl[i]!)}\t` +
          `${actor}\t${actor}\n`
        );
      }),
    );
    await copyInto(
      db,
      'measure_value_events',
      EVENT_COLUMNS,
      chunked(count, (k) => {
        const i = rows[from + k]!;
        return (
          `${org}\t${ids[from + k]}\t${columns.measureId[i]}\t${columns.breakdownId[i] ?? '\\N'}\t${cell(columns.periodKey[i]!)}\t` +
          `import\t\\N\t${columns.status[i]}\t\\N\t${copyText(snapshotJson(columns, i))}\t${actor}\t${reason}\n`
        );
      }),
    );
    options.onProgress?.(from + count);
  }
  return rows.length;
}

/** A stored value an import changes: the version read while checking. */
export interface ChangedValue {
  /** The row of the checked columns with the new figures. */
  row: number;
  id: string;
  rowVersion: number;
}

/**
 * Updates stored values to the rows' figures, only where each is still at the version read
 * while checking, with an 'import' event holding the old and the new figures. Returns how many
 * were updated: fewer than given means someone changed a value meanwhile (the caller rolls back).
 */
export async function updateValues(
  db: Db,
  writer: ImportWriter,
  columns: ValueColumns,
  changes: readonly ChangedValue[],
): Promise<number> {
  if (changes.length === 0) return 0;
  await db.execute(
    sql.raw(`CREATE TEMP TABLE import_changes (
      id uuid PRIMARY KEY, row_version integer, value double precision, numerator double precision,
      denominator double precision, commentary text, quality text, evidence_url text, status text
    ) ON COMMIT DROP`),
  );
  await copyInto(
    db,
    'import_changes',
    ['id', 'row_version', 'value', 'numerator', 'denominator', 'commentary', 'quality', 'evidence_url', 'status'],
    chunked(changes.length, (k) => {
      const { row: i, id, rowVersion } = changes[k]!;
      return (
        `${id}\t${rowVersion}\t${copyNumber(columns.value[i]!)}\t${copyNumber(columns.numerator[i]!)}\t` +
        `${copyNumber(columns.denominator[i]!)}\t${copyText(columns.commentary[i]!)}\t${columns.quality[i]}\t` +
        `${copyText(columns.evidenceUrl[i]!)}\t${columns.status[i]}\n`
      );
    }),
  );
  const snapshot = (alias: string) =>
    sql.raw(
      `jsonb_build_object('value', ${alias}.value, 'numerator', ${alias}.numerator, 'denominator', ${alias}.denominator, ` +
        `'commentary', ${alias}.commentary, 'quality', ${alias}.quality, 'evidenceUrl', ${alias}.evidence_url)`,
    );
  const { organisationId: org, actorId: actor, reason } = writer;
  const result = await db.execute(sql`
    WITH old AS (
      SELECT mv.* FROM measure_values mv JOIN import_changes c ON c.id = mv.id AND mv.row_version = c.row_version
      WHERE mv.organisation_id = ${org}::uuid
    ), upd AS (
      UPDATE measure_values mv
      SET value = c.value, numerator = c.numerator, denominator = c.denominator, commentary = c.commentary,
          quality = c.quality, evidence_url = c.evidence_url, status = c.status, updated_by = ${actor}::uuid,
          row_version = mv.row_version + 1, updated_at = now()
      FROM import_changes c
      WHERE mv.id = c.id AND mv.row_version = c.row_version AND mv.organisation_id = ${org}::uuid
      RETURNING mv.id, mv.measure_id, mv.breakdown_id, mv.period_key, mv.value, mv.numerator, mv.denominator,
                mv.commentary, mv.quality, mv.evidence_url, mv.status
    ), ev AS (
      INSERT INTO measure_value_events (organisation_id, value_id, measure_id, breakdown_id, period_key, action,
                                        from_status, to_status, old_value, new_value, actor_person_id, reason)
      SELECT ${org}::uuid, upd.id, upd.measure_id, upd.breakdown_id, upd.period_key, 'import', old.status, upd.status,
             ${snapshot('old')}, ${snapshot('upd')}, ${actor}::uuid, ${reason}
      FROM upd JOIN old ON old.id = upd.id
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM ev`);
  return rowsOf<{ n: number }>(result)[0]?.n ?? 0;
}
