import type { z } from 'zod';

/** Both drivers (node-postgres and PGlite) return raw query results as { rows }. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/**
 * The rows of a raw query, checked against what the code expects: raw SQL skips the ORM's column
 * types, so a renamed column or an unexpected value (a status the code does not know) fails here,
 * at the repository edge, with the column named, instead of far away as `undefined`. The schema
 * also converts what the two drivers return differently (a bigint count as a string or a number).
 */
export function parsedRows<S extends z.ZodType>(schema: S, result: unknown): z.output<S>[] {
  return rowsOf<unknown>(result).map((row) => schema.parse(row));
}

/**
 * A Postgres array literal of simple text items (uuids, period keys, financial years) as ONE query
 * parameter, cast in SQL (`= ANY(${textArray(ids)}::uuid[])`): one parameter, however many items.
 * Items must not contain double quotes or backslashes.
 */
export function textArray(items: readonly string[]): string {
  return `{${items.map((item) => `"${item}"`).join(',')}}`;
}
