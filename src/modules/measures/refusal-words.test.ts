/**
 * The measures module's form checks outside the definition (links, people, breakdown categories,
 * retiring, revising a target) in the words a person reads: stored phrases said by the catalogue.
 */
import { describe, expect, it } from 'vitest';
import { parseForm } from '../../platform/http/form-errors.ts';
import { sayStored } from '../../platform/words/index.ts';
import { unstableDefinitionRefusal } from './domain/stable-definition.ts';
import { retireInput } from './domain/measure.ts';
import { targetInput, targetRevisionInput } from './domain/targets.ts';
import { assigneeInput, breakdownInput, itemLinkInput } from './measure-links.service.ts';

/** What the form shows beside each field: its first refusal, in words. */
function formSays(schema: Parameters<typeof parseForm>[0], body: unknown): Record<string, string> {
  const form = parseForm(schema, body);
  return form.ok
    ? {}
    : Object.fromEntries(Object.entries(form.errors.fields).map(([field, { text }]) => [field, text]));
}

describe('the measures module’s form checks in words', () => {
  it('links, people and breakdown categories', () => {
    expect(formSays(itemLinkInput, { itemId: 'x' })).toEqual({ itemId: 'Select a plan item' });
    expect(formSays(assigneeInput, {})).toEqual({ personId: 'Select a person' });
    expect(formSays(breakdownInput, { dimension: ' ', code: '', label: '', position: '1.5' })).toEqual({
      dimension: 'Enter the breakdown, like ward or age group',
      code: 'Enter a code for the category',
      label: 'Enter a name for the category',
      position: 'Position must be a whole number',
    });
    expect(formSays(breakdownInput, { dimension: 'Ward', code: 'x'.repeat(41), label: 'North' })).toEqual({
      code: 'Code must be 40 characters or fewer',
    });
  });

  it('retiring a measure and setting or revising a target', () => {
    expect(formSays(retireInput, { reason: '' })).toEqual({
      reason: 'Enter the reason for retiring the measure',
    });
    expect(
      formSays(targetInput, {
        kind: 'someday',
        financialYear: '',
        breakdownId: 'ward',
        value: 'lots',
        lower: 'x',
        upper: 'y',
        effectiveFrom: '2025-02-30',
        reason: 'x'.repeat(1001),
      }),
    ).toEqual({
      kind: 'Select the kind of target',
      financialYear: 'Enter the financial year, like 2025-26',
      breakdownId: 'Select a breakdown category that exists',
      value: 'Target must be a number, like 70 or 12.5',
      lower: 'Lower end of the range must be a number, like 70 or 12.5',
      upper: 'Upper end of the range must be a number, like 70 or 12.5',
      effectiveFrom: 'The date the target applies from must be a real date',
      reason: 'Reason must be 1000 characters or fewer',
    });
    expect(formSays(targetRevisionInput, { effectiveFrom: '1 May', reason: 'x'.repeat(1001) })).toEqual({
      effectiveFrom: 'The date the new target applies from must be a real date, like 2025-04-01',
      reason: 'Reason must be 1000 characters or fewer',
    });
  });

  it('refuses a change to a stable definition, naming one, two or more fields', () => {
    const tail =
      'cannot change once values have been entered: it would re-rate the history. Retire this measure and add a new one';
    expect(sayStored(unstableDefinitionRefusal(['definition'], 'STABLE-1'))).toBe(`The definition of STABLE-1 ${tail}`);
    expect(sayStored(unstableDefinitionRefusal(['polarity', 'unit'], 'STABLE-1'))).toBe(
      `The polarity and unit of STABLE-1 ${tail}`,
    );
    expect(sayStored(unstableDefinitionRefusal(['polarity', 'unit', 'aggregation', 'numeratorLabel'], 'DEF-1'))).toBe(
      `The polarity, unit, aggregation and numerator of DEF-1 ${tail}`,
    );
  });
});
