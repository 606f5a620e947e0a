/** Both drivers (node-postgres and PGlite) return raw query results as { rows }. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
