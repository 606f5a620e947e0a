/** Wall-clock times in Europe/London, for jobs that run "daily at 07:00" through clock changes. */

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** How far London's wall clock is ahead of UTC at an instant, in milliseconds (0 or one hour). */
function londonOffsetMs(at: Date): number {
  const parts = Object.fromEntries(londonParts.formatToParts(at).map((part) => [part.type, part.value]));
  const wall = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant at which London's wall clock reads the given date and time. */
function londonInstant(year: number, month: number, day: number, hour: number, minute: number): Date {
  const asIfUtc = Date.UTC(year, month, day, hour, minute);
  const guess = asIfUtc - londonOffsetMs(new Date(asIfUtc));
  // Near a clock change the offset at the guess can differ from the offset at the answer.
  return new Date(asIfUtc - londonOffsetMs(new Date(guess)));
}

/** The first instant after `from` at which it is `hhmm` ("07:00") in London. */
export function nextLondonTime(hhmm: string, from: Date): Date {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!match) throw new Error(`A daily time must be HH:MM (24-hour), not ${hhmm}`);
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  const today = new Date(from.getTime() + londonOffsetMs(from));
  for (let days = 0; days < 3; days += 1) {
    const candidate = londonInstant(
      today.getUTCFullYear(),
      today.getUTCMonth(),
      today.getUTCDate() + days,
      hour,
      minute,
    );
    if (candidate.getTime() > from.getTime()) return candidate;
  }
  throw new Error(`No London time ${hhmm} in the three days after ${from.toISOString()}`);
}
