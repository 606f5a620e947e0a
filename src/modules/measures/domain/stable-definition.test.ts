import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFINING_FIELDS, definingChanges } from './stable-definition.ts';

const base = {
  frequency: 'quarterly',
  polarity: 'higher-is-better',
  unit: '%',
  aggregation: 'mean',
  numeratorLabel: '',
  denominatorLabel: '',
  calculation: 'People supported at home divided by people receiving long-term support',
  definition: 'Adults aged 18 to 64 supported to live at home',
} as const;

describe('a stable definition', () => {
  it('names each defining field a change would alter, in form order', () => {
    expect(definingChanges(base, { ...base, polarity: 'lower-is-better', unit: 'number' })).toEqual([
      'polarity',
      'unit',
    ]);
    expect(definingChanges(base, { ...base, definition: 'Adults aged 18 and over supported to live at home' })).toEqual(
      ['definition'],
    );
  });

  it('does not count white space as a change', () => {
    expect(definingChanges(base, { ...base, calculation: `  ${base.calculation.replace(/ /g, '  ')} ` })).toEqual([]);
  });

  it('finds a change to any one defining field, and nothing when none changes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DEFINING_FIELDS),
        fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''),
        (field, text) => {
          const changed = { ...base, [field]: `${String(base[field])} ${text}x` };
          expect(definingChanges(base, changed)).toEqual([field]);
          expect(definingChanges(changed, changed)).toEqual([]);
        },
      ),
    );
  });
});
