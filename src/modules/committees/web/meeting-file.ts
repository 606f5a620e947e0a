/** A calendar file (CSV or Excel) read into meeting dates, or the reason it cannot be read. */
import { phraseText } from '../../../kernel/phrase.ts';
import { FileProblem, readTable, WEB_LIMITS } from '../../imports/index.ts';
import { meetingDatesFrom, type MeetingDateRow } from '../domain/meeting-dates.ts';

const isXlsx = (bytes: Buffer) =>
  bytes.length > 3 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

export async function readMeetingFile(
  bytes: Buffer,
): Promise<{ ok: true; rows: MeetingDateRow[] } | { ok: false; message: string }> {
  if (bytes.length === 0) return { ok: false, message: phraseText('committees.problem.importEmpty') };
  try {
    const table = await readTable(bytes, isXlsx(bytes) ? 'xlsx' : 'csv', WEB_LIMITS);
    const rows: { line: number; cells: string[] }[] = [];
    for await (const batch of table.batches) rows.push(...batch);
    const read = meetingDatesFrom(table.header, rows);
    return read.ok ? read : { ok: false, message: phraseText('committees.problem.importColumns') };
  } catch (error) {
    if (error instanceof FileProblem) return { ok: false, message: error.message };
    throw error;
  }
}
