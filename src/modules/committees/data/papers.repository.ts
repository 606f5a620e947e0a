/** SQL for the papers uploaded to agenda items; every query keyed by council. */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/db.ts';
import { agendaItemPapers, agendaItems } from './committees.schema.ts';

export type PaperValues = typeof agendaItemPapers.$inferInsert;

/** A paper without its bytes, for the meeting page. */
export interface PaperEntry {
  id: string;
  agendaItemId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedAt: Date;
}

const entryColumns = {
  id: agendaItemPapers.id,
  agendaItemId: agendaItemPapers.agendaItemId,
  fileName: agendaItemPapers.fileName,
  contentType: agendaItemPapers.contentType,
  sizeBytes: agendaItemPapers.sizeBytes,
  uploadedAt: agendaItemPapers.uploadedAt,
};

export async function insertPaper(db: Db, values: PaperValues): Promise<string> {
  const [row] = await db.insert(agendaItemPapers).values(values).returning({ id: agendaItemPapers.id });
  return row!.id;
}

export async function findPaperEntry(db: Db, organisationId: string, id: string): Promise<PaperEntry | undefined> {
  const [row] = await db
    .select(entryColumns)
    .from(agendaItemPapers)
    .where(and(eq(agendaItemPapers.organisationId, organisationId), eq(agendaItemPapers.id, id)));
  return row;
}

export async function findPaperFile(
  db: Db,
  organisationId: string,
  id: string,
): Promise<(PaperEntry & { bytes: Buffer }) | undefined> {
  const [row] = await db
    .select({ ...entryColumns, bytes: agendaItemPapers.bytes })
    .from(agendaItemPapers)
    .where(and(eq(agendaItemPapers.organisationId, organisationId), eq(agendaItemPapers.id, id)));
  return row;
}

export async function deletePaper(db: Db, organisationId: string, id: string): Promise<void> {
  await db
    .delete(agendaItemPapers)
    .where(and(eq(agendaItemPapers.organisationId, organisationId), eq(agendaItemPapers.id, id)));
}

/** Every paper on a meeting's agenda, without bytes, for the meeting page. */
export function listMeetingPapers(db: Db, organisationId: string, meetingId: string): Promise<PaperEntry[]> {
  return db
    .select(entryColumns)
    .from(agendaItemPapers)
    .innerJoin(agendaItems, eq(agendaItems.id, agendaItemPapers.agendaItemId))
    .where(and(eq(agendaItemPapers.organisationId, organisationId), eq(agendaItems.meetingId, meetingId)))
    .orderBy(asc(agendaItemPapers.uploadedAt), asc(agendaItemPapers.fileName));
}
