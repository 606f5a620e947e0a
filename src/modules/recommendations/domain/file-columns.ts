/**
 * The columns of the register's spreadsheet, for import and export alike: a file exported can be
 * edited and imported again (reports, people and units are named by reference, e-mail and code).
 */
export const IMPORT_COLUMNS = [
  { key: 'report', header: 'Report', required: true },
  { key: 'reference', header: 'Reference', required: false },
  { key: 'priority', header: 'Priority', required: true },
  { key: 'text', header: 'Recommendation', required: true },
  { key: 'owner', header: 'Owner email', required: true },
  { key: 'unit', header: 'Unit code', required: false },
  { key: 'dueDate', header: 'Due date', required: false },
  { key: 'response', header: 'Response', required: false },
  { key: 'responseReason', header: 'Response reason', required: false },
  { key: 'agreedAction', header: 'Agreed action', required: false },
] as const;

export type ImportColumnKey = (typeof IMPORT_COLUMNS)[number]['key'];

/** Where each column is in a file's header row (matched ignoring case and spaces at the ends), or the missing required ones. */
export function locateColumns(
  header: readonly string[],
): { ok: true; at: Record<ImportColumnKey, number | undefined> } | { ok: false; missing: string[] } {
  const names = header.map((cell) => cell.trim().toLowerCase());
  const at = {} as Record<ImportColumnKey, number | undefined>;
  const missing: string[] = [];
  for (const column of IMPORT_COLUMNS) {
    const index = names.indexOf(column.header.toLowerCase());
    at[column.key] = index < 0 ? undefined : index;
    if (index < 0 && column.required) missing.push(column.header);
  }
  return missing.length > 0 ? { ok: false, missing } : { ok: true, at };
}

/** Which column a field of the recommendation's input came from, for a row error. */
export const COLUMN_OF_FIELD: Record<string, ImportColumnKey> = {
  reportId: 'report',
  reference: 'reference',
  priority: 'priority',
  text: 'text',
  ownerPersonId: 'owner',
  unitId: 'unit',
  dueDate: 'dueDate',
  response: 'response',
  responseReason: 'responseReason',
  agreedAction: 'agreedAction',
};

export const headerOf = (key: ImportColumnKey) => IMPORT_COLUMNS.find((column) => column.key === key)!.header;

export const EXPORT_HEADERS = [
  ...IMPORT_COLUMNS.map((column) => column.header),
  'Source',
  'Report date',
  'Original due date',
  'Status',
  'Days open',
  'Days overdue',
  'Closure evidence',
  'Closure link',
] as const;
