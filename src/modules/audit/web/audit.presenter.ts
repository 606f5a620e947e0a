import type { AuditEvent, AuditFilterOptions, AuditPage, AuditQuery } from '../audit.service.ts';
import { paths } from '../../../kernel/paths.ts';
import { formatDateTime } from '../../../platform/http/filters.ts';
import { selectItems } from '../../../platform/http/options.presenter.ts';
import { writeCsv } from '../../../platform/files/csv.ts';
import { fill, sayActor, sayStored, words } from '../../../platform/words/index.ts';

const v = words.audit.values;

const MAX_VALUE_LENGTH = 120;

/** Entity types that have a page of their own, and how to reach it. Others show their id only. */
const ENTITY_PAGES: Record<string, (id: string) => string> = {
  unit: paths.unit,
  person: paths.person,
  portfolio: paths.portfolio,
  partner: paths.partner,
  'governance-body': paths.body,
  body: paths.body,
  'plan-type': paths.planType,
  plan: paths.plan,
  item: paths.item,
  'plan-item': paths.item,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 'governance-body' → 'Governance body'; 'headPersonId' → 'Head person id'. */
export function humanise(key: string): string {
  const spaced = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .trim()
    .toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** Names of records by id; an id with no name shows as itself. */
export type Names = ReadonlyMap<string, string>;
const NO_NAMES: Names = new Map();

/**
 * One stored value as a person reads it: blanks say so, lists are joined, long text is cut, and
 * an id of a record with a name (a person, a unit, a plan) shows as that name.
 */
export function readableValue(value: unknown, names: Names = NO_NAMES): string {
  if (value === null || value === undefined || value === '') return v.blank;
  if (typeof value === 'boolean') return value ? v.yes : v.no;
  if (typeof value === 'string' && names.has(value)) return truncate(names.get(value)!);
  if (Array.isArray(value))
    return value.length ? truncate(value.map((item) => readableValue(item, names)).join(', ')) : v.none;
  if (typeof value === 'object') return truncate(JSON.stringify(value));
  return truncate(String(value));
}

function truncate(text: string): string {
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

const asRecord = (value: unknown): Record<string, unknown> | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The old and new JSON of an audit row as "Field: old → new" lines. A field that kept its value is
 * left out; a new record lists its values; a removed one lists what it held.
 */
export function changeLines(oldValue: unknown, newValue: unknown, names: Names = NO_NAMES): string[] {
  const readable = (value: unknown) => readableValue(value, names);
  const before = asRecord(oldValue);
  const after = asRecord(newValue);
  if (!before && !after) {
    if (oldValue == null && newValue == null) return [];
    if (oldValue == null) return [readable(newValue)];
    if (newValue == null) return [`${readable(oldValue)} → ${v.removed}`];
    return [`${readable(oldValue)} → ${readable(newValue)}`];
  }
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const lines: string[] = [];
  for (const key of keys) {
    const label = humanise(key);
    if (!before) lines.push(`${label}: ${readable(after![key])}`);
    else if (!after) lines.push(`${label}: ${readable(before[key])} → ${v.removed}`);
    else if (!same(before[key], after[key])) {
      lines.push(`${label}: ${readable(before[key])} → ${readable(after[key])}`);
    }
  }
  return lines;
}

export function entityHref(entityType: string, entityId: string): string | undefined {
  const page = ENTITY_PAGES[entityType];
  return page && UUID.test(entityId) ? page(entityId) : undefined;
}

export interface AuditRow {
  when: string;
  who: string;
  entityType: string;
  entityId: string;
  /** The record's name where it has one, else its id. */
  entityName: string;
  entityHref: string | undefined;
  action: string;
  changes: string[];
  reason: string;
}

export function presentAuditEvent(event: AuditEvent, names: Names = NO_NAMES): AuditRow {
  return {
    when: formatDateTime(event.at),
    // A person's name as it is; what acted for no person (a job, the sign-in page) in words.
    who: sayActor(event.actorLabel, event.actorPersonId),
    entityType: humanise(event.entityType),
    entityId: event.entityId,
    entityName: names.get(event.entityId) ?? event.entityId,
    entityHref: entityHref(event.entityType, event.entityId),
    action: humanise(event.action),
    changes: changeLines(event.oldValue, event.newValue, names),
    // A reason the app wrote is a stored phrase (an import's, a reprofile's); one a person typed,
    // or an older row's English, is shown as it is.
    reason: sayStored(event.reason),
  };
}

/** The query string of a filtered page of the trail, leaving out blank filters. */
export function auditHref(
  filters: Partial<Record<keyof AuditQuery, string | number | undefined>>,
  base: string = paths.audit(),
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '' && !(key === 'page' && Number(value) === 1)) params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}

/** Arguments for govukPagination: previous, numbered pages around the current one with ellipses, next. */
export function paginationFor(page: number, pageCount: number, hrefFor: (page: number) => string) {
  if (pageCount <= 1) return undefined;
  const shown = new Set([1, pageCount, page - 1, page, page + 1].filter((n) => n >= 1 && n <= pageCount));
  const numbers = [...shown].sort((a, b) => a - b);
  const items: ({ number: number; href: string; current: boolean } | { ellipsis: true })[] = [];
  numbers.forEach((n, index) => {
    const previous = numbers[index - 1];
    if (previous !== undefined && n - previous > 1) items.push({ ellipsis: true });
    items.push({ number: n, href: hrefFor(n), current: n === page });
  });
  return {
    previous: page > 1 ? { href: hrefFor(page - 1) } : undefined,
    next: page < pageCount ? { href: hrefFor(page + 1) } : undefined,
    items,
  };
}

/** Everything the audit page shows, shaped for the GOV.UK macros. */
export function presentAuditPage(
  result: AuditPage,
  options: AuditFilterOptions,
  values: Record<string, string | undefined>,
) {
  const filters = { entityType: values.entityType, actor: values.actor, from: values.from, to: values.to };
  const first = (result.page - 1) * result.pageSize + 1;
  return {
    rows: result.events.map((event) => presentAuditEvent(event, result.names)),
    summary:
      result.total === 0
        ? words.audit.noEvents
        : fill(words.audit.showing, { first, last: first + result.events.length - 1, total: result.total }),
    pagination: paginationFor(result.page, result.pageCount, (page) => auditHref({ ...filters, page })),
    entityTypeItems: selectItems(
      options.entityTypes,
      (type) => type,
      humanise,
      values.entityType,
      words.audit.allTypes,
    ),
    actorItems: selectItems(
      options.actors,
      (actor) => actor.personId,
      (actor) => actor.label,
      values.actor,
      words.audit.anyone,
    ),
    values: filters,
    filtered: Object.values(filters).some((value) => value),
    exportHref: auditHref(filters, paths.auditExport()),
  };
}

/** The export's column headers stay English: they are the file's format, which auditors' tools read. */
const CSV_HEADERS = [
  'When',
  'Who',
  'What changed',
  'Record',
  'Record id',
  'Action',
  'Changes',
  'Reason',
  'Event id',
  'Chain position',
  'Previous hash',
  'Hash',
];

/**
 * The events as a spreadsheet reads them: the page's words and names, the time in UK time, and
 * typed text that looks like a formula kept as text (a reason is anyone's words). The last columns
 * carry the hash chain, so an auditor can keep the file and later compare it with the trail, or
 * check that each row's previous hash is the hash of the row before it in the chain.
 */
export function auditCsv(events: readonly AuditEvent[], names: Names): Buffer {
  const rows = events.map((event) => {
    const row = presentAuditEvent(event, names);
    return [
      row.when,
      row.who,
      row.entityType,
      row.entityName,
      row.entityId,
      row.action,
      row.changes.join('\n'),
      row.reason,
      event.id,
      event.chainSeq,
      event.prevHash,
      event.hash,
    ];
  });
  return writeCsv(CSV_HEADERS, rows);
}
