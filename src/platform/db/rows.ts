/** Both drivers (node-postgres and PGlite) return raw query results as { rows }. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/**
 * A Postgres array literal of simple text items (uuids, period keys, financial years) as ONE query
 * parameter, cast in SQL (`= ANY(${textArray(ids)}::uuid[])`): one parameter, however many items.
 * Items must not contain double quotes or backslashes.
 */
export function textArray(items: readonly string[]): string {
  return `{${items.map((item) => `"${item}"`).join(',')}}`;
}
