/**
 * The measures module's form checks outside the definition (links, people, breakdown categories,
 * retiring, revising a target) in the words a person reads: stored phrases said by the catalogue.
 */
import { describe, expect, it } from 'vitest';
import { sayStored } from '../../platform/words/index.ts';
import { retireInput } from './domain/measure.ts';
import { targetInput, targetRevisionInput } from './domain/targets.ts';
import { assigneeInput, breakdownInput, itemLinkInput } from './measure-links.service.ts';

function zodSaid(parsed: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  // The first message per field, as the form shows it.
  const said: Record<string, string> = {};
  for (const issue of parsed.error?.issues ?? []) said[issue.path.join('.')] ??= sayStored(issue.message);
  return said;
}

describe('the measures module’s form checks in words', () => {
  it('links, people and breakdown categories', () => {
    expect(zodSaid(itemLinkInput.safeParse({ itemId: 'x' }))).toEqual({ itemId: 'Select a plan item' });
    expect(zodSaid(assigneeInput.safeParse({}))).toEqual({ personId: 'Select a person' });
    expect(zodSaid(breakdownInput.safeParse({ dimension: ' ', code: '', label: '', position: '1.5' }))).toEqual({
      dimension: 'Enter the breakdown, like ward or age group',
      code: 'Enter a code for the category',
      label: 'Enter a name for the category',
      position: 'Position must be a whole number',
    });
    expect(zodSaid(breakdownInput.safeParse({ dimension: 'Ward', code: 'x'.repeat(41), label: 'North' }))).toEqual({
      code: 'Code must be 40 characters or fewer',
    });
  });

  it('retiring a measure and setting or revising a target', () => {
    expect(zodSaid(retireInput.safeParse({ reason: '' }))).toEqual({
      reason: 'Enter the reason for retiring the measure',
    });
    expect(
      zodSaid(
        targetInput.safeParse({
          kind: 'someday',
          financialYear: '',
          breakdownId: 'ward',
          value: 'lots',
          lower: 'x',
          upper: 'y',
          effectiveFrom: '2025-02-30',
          reason: 'x'.repeat(1001),
        }),
      ),
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
    expect(zodSaid(targetRevisionInput.safeParse({ effectiveFrom: '1 May', reason: 'x'.repeat(1001) }))).toEqual({
      effectiveFrom: 'The date the new target applies from must be a real date, like 2025-04-01',
      reason: 'Reason must be 1000 characters or fewer',
    });
  });
});
