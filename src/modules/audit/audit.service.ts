import { and, asc, count, desc, eq, isNotNull, max, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { isoDate } from '../../kernel/inputs.ts';
import { holdsPermission } from '../../kernel/access/index.ts';
import { phrase, phraseText } from '../../kernel/phrase.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { auditEvents } from '../../platform/audit/audit.schema.ts';
import type { Caller } from '../../platform/services/caller.ts';
import { forbidden, refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { namesOf } from './data/audit-names.repository.ts';
import { eventsInUnits, unitTree } from './data/audit-scope.repository.ts';
import { auditUnitsOf } from './domain/reader-scope.ts';

export const AUDIT_PAGE_SIZE = 50;
/** An export holds at most this many events; a larger one asks for narrower filters. */
export const AUDIT_EXPORT_LIMIT = 100_000;

const blankToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

/**
 * The filters of the audit trail, shared by the page's GET form and the API's query string.
 * Dates are calendar days in UK time, both ends included.
 */
export const auditQuery = z
  .object({
    entityType: z.preprocess(
      blankToUndefined,
      z.string().trim().max(100, phraseText('audit.errors.entityTypeLong')).optional(),
    ),
    actor: z.preprocess(blankToUndefined, z.uuid({ message: phraseText('audit.errors.choosePerson') }).optional()),
    from: z.preprocess(blankToUndefined, isoDate(phrase('audit.fields.from')).optional()),
    to: z.preprocess(blankToUndefined, isoDate(phrase('audit.fields.to')).optional()),
    page: z.preprocess(
      blankToUndefined,
      z.coerce.number().int(phraseText('audit.errors.pageWhole')).min(1, phraseText('audit.errors.pageOne')).default(1),
    ),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: phraseText('audit.errors.endBeforeStart'),
    path: ['to'],
  });

export type AuditQuery = z.infer<typeof auditQuery>;

export interface AuditEvent {
  id: number;
  at: Date;
  actorPersonId: string | null;
  actorLabel: string;
  entityType: string;
  entityId: string;
  action: string;
  oldValue: unknown;
  newValue: unknown;
  reason: string;
  /** The row's place in its organisation's hash chain, and the chain's hashes (platform/audit/chain.ts). */
  chainSeq: number;
  prevHash: string;
  hash: string;
}

export interface AuditPage {
  events: AuditEvent[];
  /** Names of the records the events are about or name in their changes, by id. */
  names: ReadonlyMap<string, string>;
  page: number;
  pageCount: number;
  pageSize: number;
  total: number;
}

export interface AuditFilterOptions {
  entityTypes: string[];
  actors: { personId: string; label: string }[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The ids worth naming: each event's subject, and ids held in its changed fields (one level, or a list). */
export function idsIn(events: readonly AuditEvent[]): string[] {
  const ids = new Set<string>();
  const take = (value: unknown) => {
    if (typeof value === 'string' && UUID.test(value)) ids.add(value);
    else if (Array.isArray(value)) value.forEach(take);
  };
  for (const event of events) {
    take(event.entityId);
    for (const side of [event.oldValue, event.newValue]) {
      if (side && typeof side === 'object' && !Array.isArray(side)) Object.values(side).forEach(take);
      else take(side);
    }
  }
  return [...ids];
}

/** Midnight at the start of a UK calendar day, as the database sees it (BST or GMT). */
const ukDayStart = (day: string) => sql`((${day})::date::timestamp AT TIME ZONE 'Europe/London')`;
const ukDayAfter = (day: string) => sql`(((${day})::date + 1)::timestamp AT TIME ZONE 'Europe/London')`;

/** The audit trail of an organisation: read-only; rows are written by every other service. */
export function createAuditService({ db }: ServiceDeps) {
  const mayRead = (caller: Caller) => holdsPermission(caller, 'view:audit');
  const refusal = () => forbidden(phraseText('audit.errors.notAllowed'));

  /** The events of the caller's organisation they may read: all of them, or those about their units' records. */
  async function readable(caller: Caller): Promise<SQL> {
    const inOrganisation = eq(auditEvents.organisationId, caller.organisationId);
    const units = auditUnitsOf(caller, await unitTree(db, caller.organisationId));
    if (units === null) return inOrganisation;
    return and(inOrganisation, eventsInUnits(db, caller.organisationId, [...units]))!;
  }

  async function matching(caller: Caller, query: AuditQuery): Promise<SQL | undefined> {
    const conditions: SQL[] = [await readable(caller)];
    if (query.entityType) conditions.push(eq(auditEvents.entityType, query.entityType));
    if (query.actor) conditions.push(eq(auditEvents.actorPersonId, query.actor));
    if (query.from) conditions.push(sql`${auditEvents.at} >= ${ukDayStart(query.from)}`);
    if (query.to) conditions.push(sql`${auditEvents.at} < ${ukDayAfter(query.to)}`);
    return and(...conditions);
  }

  function eventsWhere(where: SQL | undefined, limit: number, offset: number): Promise<AuditEvent[]> {
    return db
      .select({
        id: auditEvents.id,
        at: auditEvents.at,
        actorPersonId: auditEvents.actorPersonId,
        actorLabel: auditEvents.actorLabel,
        entityType: auditEvents.entityType,
        entityId: auditEvents.entityId,
        action: auditEvents.action,
        oldValue: auditEvents.oldValue,
        newValue: auditEvents.newValue,
        reason: auditEvents.reason,
        chainSeq: auditEvents.chainSeq,
        prevHash: auditEvents.prevHash,
        hash: auditEvents.hash,
      })
      .from(auditEvents)
      .where(where)
      .orderBy(desc(auditEvents.at), desc(auditEvents.id))
      .limit(limit)
      .offset(offset);
  }

  return {
    /**
     * Newest first, 50 to a page; a page past the end shows the last page. A reader whose grants
     * are held over units sees only events about their units' records (domain/reader-scope.ts).
     */
    async list(caller: Caller, query: AuditQuery): Promise<Result<AuditPage>> {
      if (!mayRead(caller)) return refusal();
      const where = await matching(caller, query);
      const [totals] = await db.select({ total: count() }).from(auditEvents).where(where);
      const total = totals?.total ?? 0;
      const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
      const page = Math.min(query.page, pageCount);
      const events = await eventsWhere(where, AUDIT_PAGE_SIZE, (page - 1) * AUDIT_PAGE_SIZE);
      const names = await namesOf(db, caller.organisationId, idsIn(events));
      return ok({ events, names, page, pageCount, pageSize: AUDIT_PAGE_SIZE, total });
    },

    /**
     * Every event the filters match, newest first, for a spreadsheet: the same scope as the page.
     * Refused when more than AUDIT_EXPORT_LIMIT match, rather than cut short without a word.
     */
    async exportEvents(
      caller: Caller,
      query: AuditQuery,
    ): Promise<Result<{ events: AuditEvent[]; names: ReadonlyMap<string, string> }>> {
      if (!mayRead(caller)) return refusal();
      const where = await matching(caller, query);
      const events = await eventsWhere(where, AUDIT_EXPORT_LIMIT + 1, 0);
      if (events.length > AUDIT_EXPORT_LIMIT) {
        return refuse(
          'invalid',
          phraseText('audit.errors.tooMany', { limit: AUDIT_EXPORT_LIMIT.toLocaleString('en-GB') }),
          'from',
        );
      }
      return ok({ events, names: await namesOf(db, caller.organisationId, idsIn(events)) });
    },

    /** What the filters can choose from: the entity types and the people found in the part of the trail the caller reads. */
    async filterOptions(caller: Caller): Promise<Result<AuditFilterOptions>> {
      if (!mayRead(caller)) return refusal();
      const inOrganisation = await readable(caller);
      const [types, actors] = await Promise.all([
        db
          .selectDistinct({ entityType: auditEvents.entityType })
          .from(auditEvents)
          .where(inOrganisation)
          .orderBy(asc(auditEvents.entityType)),
        db
          .select({ personId: auditEvents.actorPersonId, label: max(auditEvents.actorLabel) })
          .from(auditEvents)
          .where(and(inOrganisation, isNotNull(auditEvents.actorPersonId)))
          .groupBy(auditEvents.actorPersonId),
      ]);
      return ok({
        entityTypes: types.map((row) => row.entityType),
        actors: actors
          .map((row) => ({ personId: row.personId!, label: row.label ?? '' }))
          .sort((a, b) => a.label.localeCompare(b.label)),
      });
    },
  };
}
