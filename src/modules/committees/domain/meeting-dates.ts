/**
 * Meeting dates read from a council's calendar file: our own CSV ("Body", "Date", "Time",
 * "Location") or a ModernGov export ("Committee", "Meeting date" with the time in it, "Venue").
 * Pure: the file's header and rows in (as the imports module reads CSV and Excel), meetings out, or
 * `ok: false` when the header has no column for the body or the date.
 */
export interface MeetingDateRow {
  /** The file's row number as a spreadsheet shows it (the header is row 1). */
  line: number;
  bodyName: string;
  /** ISO date when it could be read; otherwise the text as given, for the check to name. */
  heldOn: string;
  startsAt: string;
  location: string;
}

const BODY = ['body', 'committee', 'committee name', 'meeting body'];
const DATE = ['date', 'meeting date', 'held on', 'date of meeting'];
const TIME = ['time', 'start time', 'starts at'];
const LOCATION = ['location', 'venue', 'place'];

const find = (header: string[], names: string[]) =>
  header.findIndex((name) => names.includes(name.trim().toLowerCase()));

export function meetingDatesFrom(
  header: string[],
  body: { line: number; cells: string[] }[],
): { ok: true; rows: MeetingDateRow[] } | { ok: false } {
  const columns = {
    body: find(header, BODY),
    date: find(header, DATE),
    time: find(header, TIME),
    location: find(header, LOCATION),
  };
  if (columns.body < 0 || columns.date < 0) return { ok: false };
  const rows: MeetingDateRow[] = [];
  for (const { line, cells } of body) {
    if (cells.every((cell) => cell.trim() === '')) continue;
    const cell = (at: number) => (at >= 0 ? (cells[at] ?? '').trim() : '');
    const { date, time } = readDateTime(cell(columns.date));
    rows.push({
      line,
      bodyName: cell(columns.body),
      heldOn: date,
      startsAt: cell(columns.time) ? normaliseTime(cell(columns.time)) : time,
      location: cell(columns.location),
    });
  }
  return { ok: true, rows };
}

/** "2027-01-27", "27/01/2027" or "27/01/2027 18:30" (ModernGov); anything else is passed on as given. */
function readDateTime(text: string): { date: string; time: string } {
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}:\d{2}))?/.exec(text);
  if (iso) return { date: iso[1]!, time: iso[2] ? normaliseTime(iso[2]) : '' };
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}[:.]\d{2}))?/.exec(text);
  if (uk) {
    const date = `${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}`;
    return { date, time: uk[4] ? normaliseTime(uk[4]) : '' };
  }
  return { date: text, time: '' };
}

function normaliseTime(text: string): string {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  return match ? `${match[1]!.padStart(2, '0')}:${match[2]}` : text.trim();
}
