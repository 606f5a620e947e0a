import { describe, expect, it } from 'vitest';
import { fill, words } from './index.ts';
import { ragTag } from './status-tags.ts';

describe('the words catalogue', () => {
  it('fills placeholders and leaves a missing one visible', () => {
    expect(fill('{name} entered this value on {date}', { name: 'Sam', date: '1 May 2025' })).toBe(
      'Sam entered this value on 1 May 2025',
    );
    expect(fill('Due {date}', {})).toBe('Due {date}');
  });

  it.each([
    ['red', 'Red', 'govuk-tag--red'],
    ['amber', 'Amber', 'govuk-tag--orange'],
    ['green', 'Green', 'govuk-tag--green'],
    ['no-data', 'No data', 'govuk-tag--grey'],
    ['overdue', 'Overdue', 'govuk-tag--purple'],
    ['no-target', 'No target', 'govuk-tag--blue'],
  ] as const)('tags %s with its word and colour', (status, text, classes) => {
    expect(ragTag(status)).toEqual({ text, classes });
    expect(words.rag[status]).toBe(text);
  });
});
