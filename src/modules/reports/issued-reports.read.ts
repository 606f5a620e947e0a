/**
 * Issued reports as the modules after this one see them: found by a few words of their title or
 * period (a committee agenda item's record picker), checked to be the council's (another council's
 * id is no report), and when each was first issued (the planning timetable's report status).
 * Reads only; every query is scoped to the organisation.
 */
import { and, asc, desc, eq, ilike, inArray, min, or } from 'drizzle-orm';
import { parsePeriodKey, periodLabel } from '../../kernel/measurement/index.ts';
import type { Db } from '../../platform/db/db.ts';
import { londonDateOf } from '../../platform/clock.ts';
import { issuedReports, reportDefinitions, reportRevisions } from './data/reports.schema.ts';

export interface IssuedReportChoice {
  id: string;
  /** The definition's title and the period in words: "Quarterly performance report, Q3 2026-27". */
  label: string;
}

/** A LIKE pattern matching the words literally, wildcards typed by the person included. */
const containing = (find: string) => `%${find.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const labelOf = (title: string, key: string) => {
  const period = parsePeriodKey(key);
  return `${title}, ${period.ok ? periodLabel(period.value) : key}`;
};

/** The council's issued reports whose title or period key contains the words, newest period first. */
export async function issuedReportChoices(
  db: Db,
  organisationId: string,
  find: string,
  limit: number,
): Promise<IssuedReportChoice[]> {
  const rows = await db
    .select({ id: issuedReports.id, title: reportDefinitions.title, periodKey: issuedReports.periodKey })
    .from(issuedReports)
    .innerJoin(reportDefinitions, eq(reportDefinitions.id, issuedReports.definitionId))
    .where(
      and(
        eq(issuedReports.organisationId, organisationId),
        find === ''
          ? undefined
          : or(ilike(reportDefinitions.title, containing(find)), ilike(issuedReports.periodKey, containing(find))),
      ),
    )
    .orderBy(desc(issuedReports.periodKey), asc(reportDefinitions.title))
    .limit(limit);
  return rows.map((row) => ({ id: row.id, label: labelOf(row.title, row.periodKey) }));
}

export async function issuedReportExists(db: Db, organisationId: string, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: issuedReports.id })
    .from(issuedReports)
    .where(and(eq(issuedReports.organisationId, organisationId), eq(issuedReports.id, id)));
  return row !== undefined;
}

export interface IssuedReportDate {
  id: string;
  label: string;
  /** The London date its first revision was issued (corrections later do not move it). */
  issuedOn: string;
}

/** When each of the council's reports among the ids was first issued; unknown ids are left out. */
export async function issuedReportDates(db: Db, organisationId: string, ids: string[]): Promise<IssuedReportDate[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      id: issuedReports.id,
      title: reportDefinitions.title,
      periodKey: issuedReports.periodKey,
      issuedAt: min(reportRevisions.issuedAt),
    })
    .from(issuedReports)
    .innerJoin(reportDefinitions, eq(reportDefinitions.id, issuedReports.definitionId))
    .innerJoin(reportRevisions, eq(reportRevisions.reportId, issuedReports.id))
    .where(and(eq(issuedReports.organisationId, organisationId), inArray(issuedReports.id, ids)))
    .groupBy(issuedReports.id, reportDefinitions.title, issuedReports.periodKey);
  return rows.flatMap((row) =>
    row.issuedAt
      ? [{ id: row.id, label: labelOf(row.title, row.periodKey), issuedOn: londonDateOf(new Date(row.issuedAt)) }]
      : [],
  );
}
