/**
 * The one clock. Councils work in London time, so "today" is always the date in Europe/London:
 * between midnight and 1 am in summer the UTC date is still yesterday, and a period boundary,
 * a due date or an overdue check must not be judged by it. Everything that needs the time is
 * handed a Clock by the composition root; nothing outside the platform calls `new Date()` for
 * the current time (a lint rule says so), so tests can fix the clock.
 */
export interface Clock {
  /** The current instant. */
  (): Date;
  /** Today's date in Europe/London, as YYYY-MM-DD. */
  today(): string;
}

const londonDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The date in Europe/London of an instant, as YYYY-MM-DD. */
export function londonDateOf(at: Date): string {
  return londonDateFormat.format(at);
}

/** A clock reading the given source of instants (the system time by default). */
export function clockFrom(now: () => Date = () => new Date()): Clock {
  const clock = (() => now()) as Clock;
  clock.today = () => londonDateOf(now());
  return clock;
}

/** The system clock. */
export const systemClock: Clock = clockFrom();

/** A clock stopped at one instant (tests, benchmarks, what-if views). */
export function fixedClock(at: Date | string): Clock {
  const instant = typeof at === 'string' ? new Date(at) : at;
  return clockFrom(() => new Date(instant.getTime()));
}

/** Accepts a plain function or a Clock, so callers holding either get a Clock. */
export function asClock(source: Clock | (() => Date)): Clock {
  return 'today' in source ? source : clockFrom(source);
}
