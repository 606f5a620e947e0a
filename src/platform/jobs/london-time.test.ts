import { describe, expect, it } from 'vitest';
import { nextLondonTime } from './london-time.ts';

describe('nextLondonTime', () => {
  it('is later today in winter (London is UTC)', () => {
    expect(nextLondonTime('07:00', new Date('2026-01-15T05:00:00Z')).toISOString()).toBe('2026-01-15T07:00:00.000Z');
  });

  it('is tomorrow once the time has passed, and never the same instant', () => {
    expect(nextLondonTime('07:00', new Date('2026-01-15T07:00:00Z')).toISOString()).toBe('2026-01-16T07:00:00.000Z');
  });

  it('follows British Summer Time (07:00 London is 06:00 UTC)', () => {
    expect(nextLondonTime('07:00', new Date('2026-07-01T12:00:00Z')).toISOString()).toBe('2026-07-02T06:00:00.000Z');
  });

  it('judges "today" by the London date just after midnight in summer', () => {
    // 23:30 UTC on 1 July is 00:30 on 2 July in London: 07:00 that morning is 06:00 UTC on 2 July.
    expect(nextLondonTime('07:00', new Date('2026-07-01T23:30:00Z')).toISOString()).toBe('2026-07-02T06:00:00.000Z');
  });

  it('crosses the spring and autumn clock changes', () => {
    // Clocks go forward on 29 March 2026 and back on 25 October 2026.
    expect(nextLondonTime('07:00', new Date('2026-03-28T12:00:00Z')).toISOString()).toBe('2026-03-29T06:00:00.000Z');
    expect(nextLondonTime('07:00', new Date('2026-10-24T12:00:00Z')).toISOString()).toBe('2026-10-25T07:00:00.000Z');
  });

  it('refuses a time that is not HH:MM', () => {
    expect(() => nextLondonTime('7am', new Date())).toThrow(/HH:MM/);
    expect(() => nextLondonTime('24:00', new Date())).toThrow(/HH:MM/);
  });
});
