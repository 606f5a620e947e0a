import { describe, expect, it } from 'vitest';
import { VALUE_STATUSES } from './vocabulary.ts';
import { isOfficial, OFFICIAL_FROM, officialStatuses } from './official.ts';

describe('the official position', () => {
  it('counts a figure from the chosen sign-off status on', () => {
    expect(officialStatuses('verified')).toEqual(['verified', 'approved', 'published']);
    expect(officialStatuses('submitted')).toEqual(['submitted', 'verified', 'approved', 'published']);
    expect(officialStatuses('approved')).toEqual(['approved', 'published']);
  });

  it('never counts a draft or a returned figure, whatever the council chooses', () => {
    for (const from of OFFICIAL_FROM) {
      expect(isOfficial('draft', from)).toBe(false);
      expect(isOfficial('returned', from)).toBe(false);
      expect(isOfficial('published', from)).toBe(true);
    }
  });

  it('knows every value status, and nothing else', () => {
    for (const status of VALUE_STATUSES) expect(typeof isOfficial(status, 'verified')).toBe('boolean');
    expect(isOfficial('archived', 'submitted')).toBe(false);
  });
});
