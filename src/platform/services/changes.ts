/** The old values of just the fields being changed, for the audit trail. */
export function oldValuesOf<T extends object>(row: T, fields: object): Partial<T> {
  return Object.fromEntries(Object.keys(fields).map((key) => [key, row[key as keyof T]])) as Partial<T>;
}
