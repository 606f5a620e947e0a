/**
 * Periods as spreadsheets write them. The engine's keys ('2025-26', '2025-26-Q2', '2025-26-M03')
 * are always accepted; so are the common published forms '2025/26', '2025/26 Q2', '2025/26 H1'
 * and 'April 2025' / 'Apr 2025' (a month, placed in its financial year). Anything else is left
 * as typed, so the period check names it in its message.
 */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const two = (n: number) => String(n % 100).padStart(2, '0');

export function periodKeyFromText(text: string): string {
  const trimmed = text.trim();
  const slashYear = /^(\d{4})\s*[/-]\s*(\d{2}|\d{4})(?:\s*[- ]?\s*([HQM])\s*(\d{1,2}))?$/i.exec(trimmed);
  if (slashYear) {
    const [, start = '', end = '', letter, index] = slashYear;
    const endTwo = end.length === 4 ? end.slice(2) : end;
    const year = `${start}-${endTwo}`;
    if (!letter || !index) return year;
    const upper = letter.toUpperCase();
    return `${year}-${upper}${upper === 'M' ? index.padStart(2, '0') : index}`;
  }
  const month = /^([A-Za-z]{3,9})\.?\s+(\d{4})$/.exec(trimmed);
  if (month) {
    const [, name = '', yearText = ''] = month;
    const monthIndex = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
    if (monthIndex >= 0 && MONTHS[monthIndex] && name.toLowerCase().startsWith(MONTHS[monthIndex])) {
      const calendarYear = Number(yearText);
      const fyStart = monthIndex >= 3 ? calendarYear : calendarYear - 1;
      const position = ((monthIndex - 3 + 12) % 12) + 1;
      return `${fyStart}-${two(fyStart + 1)}-M${String(position).padStart(2, '0')}`;
    }
  }
  return trimmed;
}
