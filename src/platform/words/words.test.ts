import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { fill, lookUp, words } from './index.ts';
import {
  appetitePositionTag,
  labelTag,
  personStatusTag,
  planStatusTag,
  ragTag,
  valueStatusTag,
} from './status-tags.ts';

describe('the words catalogue', () => {
  it('fills placeholders and leaves a missing one visible', () => {
    expect(fill('{name} entered this value on {date}', { name: 'Sam', date: '1 May 2025' })).toBe(
      'Sam entered this value on 1 May 2025',
    );
    expect(fill('Due {date}', {})).toBe('Due {date}');
  });

  it('starts a parameter with a capital where the template asks', () => {
    expect(fill('{label:capital} must be a real date; enter {label}', { label: 'the date they left' })).toBe(
      'The date they left must be a real date; enter the date they left',
    );
    expect(fill('{label:capital} is missing', {})).toBe('{label:capital} is missing');
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

describe('the status tags', () => {
  it('gives each plan status its word and colour, and an unknown one as itself in grey', () => {
    expect(planStatusTag('in-approval')).toEqual({ text: 'In approval', classes: 'govuk-tag--light-blue' });
    expect(planStatusTag('superseded')).toEqual({ text: 'Superseded', classes: 'govuk-tag--yellow' });
    expect(planStatusTag('mystery')).toEqual({ text: 'mystery', classes: 'govuk-tag--grey' });
  });

  it('gives each value workflow status its word and colour; no status is "Not entered"', () => {
    expect(valueStatusTag('verified')).toEqual({ text: 'Verified', classes: 'govuk-tag--turquoise' });
    expect(valueStatusTag('returned')).toEqual({ text: 'Returned', classes: 'govuk-tag--orange' });
    expect(valueStatusTag(null)).toEqual({ text: 'Not entered', classes: 'govuk-tag--grey' });
    expect(valueStatusTag('constructor')).toEqual({ text: 'constructor', classes: 'govuk-tag--grey' });
  });

  it('gives appetite positions, people and fixed labels their words and colours', () => {
    expect(appetitePositionTag('outside')).toEqual({ text: 'Outside appetite', classes: 'govuk-tag--red' });
    expect(appetitePositionTag('no-data')).toEqual({ text: 'None due', classes: 'govuk-tag--grey' });
    expect(personStatusTag('active', null)).toEqual({ text: 'Active', classes: 'govuk-tag--green' });
    expect(personStatusTag('left', '1 May 2025')).toEqual({ text: 'Left 1 May 2025', classes: 'govuk-tag--grey' });
    expect(personStatusTag('left', null)).toEqual({ text: 'Left', classes: 'govuk-tag--grey' });
    expect(labelTag('role-in-force')).toEqual({ text: 'In force', classes: 'govuk-tag--green' });
  });

  it('looks words up by dotted key and refuses an unknown key', () => {
    expect(lookUp('planStatus.in-approval')).toBe('In approval');
    expect(() => lookUp('rag.purple')).toThrow(/rag\.purple/);
    expect(() => lookUp('rag')).toThrow();
  });
});

describe('the catalogue’s files', () => {
  it('never name the same section twice (a later file would silently replace an earlier one’s words)', async () => {
    const folder = new URL('./en/', import.meta.url);
    const files = readdirSync(folder).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));
    const sections: string[] = [];
    for (const name of files) {
      const file = (await import(new URL(name, folder).href)) as Record<string, object>;
      for (const part of Object.values(file)) sections.push(...Object.keys(part));
    }
    expect(files.length).toBeGreaterThan(2);
    expect(sections.filter((section, index) => sections.indexOf(section) !== index)).toEqual([]);
    expect(Object.keys(en).length).toBe(sections.length);
  });
});
