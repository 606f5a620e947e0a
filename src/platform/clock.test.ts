import { describe, expect, it } from 'vitest';
import { asClock, clockFrom, fixedClock, londonDateOf } from './clock.ts';

describe('the clock', () => {
  it.each([
    // British Summer Time: 00:30 in London is still the previous day in UTC.
    ['2025-07-01T23:30:00Z', '2025-07-02'],
    ['2025-07-01T22:59:59Z', '2025-07-01'],
    // Greenwich Mean Time: London and UTC agree.
    ['2025-01-01T23:30:00Z', '2025-01-01'],
    ['2025-01-02T00:00:00Z', '2025-01-02'],
    // The clocks change at 01:00 UTC on the last Sundays of March and October.
    ['2025-03-30T00:59:59Z', '2025-03-30'],
    ['2025-10-25T23:30:00Z', '2025-10-26'],
  ])('reads %s as the London date %s', (instant, london) => {
    expect(londonDateOf(new Date(instant))).toBe(london);
    expect(fixedClock(instant).today()).toBe(london);
  });

  it('gives the instant it reads, and a fixed clock always the same one', () => {
    let now = new Date('2025-05-01T10:00:00Z');
    const clock = clockFrom(() => now);
    expect(clock().toISOString()).toBe('2025-05-01T10:00:00.000Z');
    now = new Date('2025-05-02T10:00:00Z');
    expect(clock.today()).toBe('2025-05-02');
    const fixed = fixedClock('2025-05-01T10:00:00Z');
    fixed().setFullYear(2000); // a caller changing its copy does not move the clock
    expect(fixed().toISOString()).toBe('2025-05-01T10:00:00.000Z');
  });

  it('wraps a plain function, and leaves a clock as it is', () => {
    const plain = asClock(() => new Date('2025-07-01T23:30:00Z'));
    expect(plain.today()).toBe('2025-07-02');
    const clock = fixedClock('2025-01-01T00:00:00Z');
    expect(asClock(clock)).toBe(clock);
  });
});
