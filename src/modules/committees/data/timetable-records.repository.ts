/** The performance reports on meetings' agendas, for the timetable's report status. Reads only. */
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../platform/db/db.ts';
import { agendaItems } from './committees.schema.ts';

const reportItemRow = z.object({
  meetingId: z.string(),
  itemId: z.string(),
  reportId: z.string(),
  title: z.string(),
  decided: z.boolean(),
});
export type ReportItemRow = z.infer<typeof reportItemRow>;

export async function reportItemsOf(db: Db, organisationId: string, meetingIds: string[]): Promise<ReportItemRow[]> {
  if (meetingIds.length === 0) return [];
  const rows = await db
    .select({
      meetingId: agendaItems.meetingId,
      itemId: agendaItems.id,
      reportId: agendaItems.subjectId,
      title: agendaItems.title,
      outcome: agendaItems.outcome,
    })
    .from(agendaItems)
    .where(
      and(
        eq(agendaItems.organisationId, organisationId),
        eq(agendaItems.subjectKind, 'performance-report'),
        isNotNull(agendaItems.subjectId),
        inArray(agendaItems.meetingId, meetingIds),
      ),
    )
    .orderBy(asc(agendaItems.position));
  return rows.map((row) => reportItemRow.parse({ ...row, decided: row.outcome !== null }));
}
