/**
 * Data collection's refusals are stored phrases; these are the words a person reads for them, the
 * English the domain and services wrote before the words moved to the catalogue
 * (collectionRefusals, workflowRefusals).
 */
import { describe, expect, it } from 'vitest';
import { parsePeriodKey } from '../../kernel/measurement/periods.ts';
import { sayStored } from '../../platform/words/index.ts';
import { parseForm } from '../../platform/http/form-errors.ts';
import type { measuresRepository as measuresRepo } from '../measures/index.ts';
import type * as valuesRepo from './data/measure-values.repository.ts';
import { valueEntryInput, valueTransitionInput } from './domain/value-entry.ts';
import {
  VALUE_ACTIONS,
  VALUE_STATUSES,
  nextValueStatus,
  type ValueActor,
  type ValueStatus,
} from './domain/workflow.ts';
import { conflictMessage } from './value-conflict.ts';

type MeasureRow = NonNullable<Awaited<ReturnType<typeof measuresRepo.findMeasure>>>;

const nobody: ValueActor = { canEnter: false, canVerify: false, canApprove: false, canReopen: false };
const everyone: ValueActor = { canEnter: true, canVerify: true, canApprove: true, canReopen: true };

function refusal(...args: Parameters<typeof nextValueStatus>): string {
  const result = nextValueStatus(...args);
  if (result.ok) throw new Error('expected a refusal');
  return sayStored(result.error.message);
}

/** What the form shows beside each field: its first refusal, in words. */
function formSays(schema: Parameters<typeof parseForm>[0], body: unknown): Record<string, string> {
  const form = parseForm(schema, body);
  return form.ok
    ? {}
    : Object.fromEntries(Object.entries(form.errors.fields).map(([field, { text }]) => [field, text]));
}

describe('data collection’s refusals in words', () => {
  it('names the value’s state, who may act and what they would do', () => {
    expect(refusal('submitted', 'save', everyone, '')).toBe('You cannot change a value that is submitted');
    expect(refusal(null, 'verify', everyone, '')).toBe('You cannot verify a value that is not yet entered');
    expect(refusal('approved', 'submit', everyone, '')).toBe(
      'You cannot submit a value that is approved (the period is locked)',
    );
    expect(refusal('draft', 'publish', everyone, '')).toBe('You cannot publish a value that is a draft');
    expect(refusal('submitted', 'verify', { ...everyone, canVerify: false }, '')).toBe(
      'Only the measure’s verifier can verify this value',
    );
    expect(refusal('draft', 'submit', nobody, '')).toBe(
      'Only a person assigned to enter data for this measure can submit this value',
    );
    expect(refusal('verified', 'approve', nobody, '')).toBe(
      'Only a director or performance officer can approve this value',
    );
    expect(refusal('published', 'reopen', nobody, 'why')).toBe('Only a performance officer can reopen this value');
    expect(refusal('submitted', 'verify', { ...everyone, enteredIt: true }, '')).toBe(
      'Someone else must verify this value',
    );
    expect(refusal('submitted', 'return', everyone, ' ')).toBe('Give a reason to return this value');
    expect(refusal('approved', 'reopen', everyone, '')).toBe('Give a reason to reopen this value');
  });

  it('says every refusal the workflow can give in full: no placeholder left, no code shown', () => {
    const actors: ValueActor[] = [nobody, everyone, { ...everyone, enteredIt: true, verifiedIt: true }];
    const statuses: (ValueStatus | null)[] = [null, ...VALUE_STATUSES];
    let said = 0;
    for (const status of statuses)
      for (const action of VALUE_ACTIONS)
        for (const actor of actors)
          for (const reason of ['', 'a reason']) {
            const result = nextValueStatus(status, action, actor, reason);
            if (result.ok) continue;
            const words = sayStored(result.error.message);
            expect(words, `${status} ${action}`).not.toMatch(/[{}]|workflowRefusals\./);
            said += 1;
          }
    expect(said).toBeGreaterThan(50);
  });

  it('shows both versions when two people save the same figure', () => {
    const period = parsePeriodKey('2025-26-Q1');
    if (!period.ok) throw new Error('bad period');
    const measure = { code: 'ASC-01', unit: '%', decimalPlaces: 1 } as MeasureRow;
    const stored = (row: Partial<valuesRepo.ValueRow>) => row as valuesRepo.ValueRow;
    expect(
      sayStored(
        conflictMessage(
          measure,
          period.value,
          stored({ rowVersion: 2, status: 'submitted', value: 61, commentary: ' Checked with the team ' }),
          64,
          '',
          undefined,
        ),
      ),
    ).toBe(
      'ASC-01 2025/26 Q1 already has a stored value. Stored version 2 (submitted): 61.0%, “Checked with the team”. ' +
        'Your version: 64.0%, no commentary. Nothing was saved: check both and save again.',
    );
    expect(
      sayStored(
        conflictMessage(
          measure,
          period.value,
          stored({ rowVersion: 3, status: 'draft', value: null, commentary: '' }),
          null,
          'Mine {code}',
          1,
        ),
      ),
    ).toBe(
      'ASC-01 2025/26 Q1 was saved by someone else after you opened it. Stored version 3 (draft): no value, no commentary. ' +
        'Your version: no value, “Mine {code}”. Nothing was saved: check both and save again.',
    );
  });

  it('says what is wrong with an entry or a sign-off step', () => {
    expect(
      formSays(valueEntryInput, {
        periodKey: ' ',
        breakdownId: 'ward-1',
        commentary: 'x'.repeat(5001),
        quality: 'guessed',
        evidenceUrl: 'intranet page',
        action: 'publish',
      }),
    ).toEqual({
      periodKey: 'Enter the period',
      breakdownId: 'Select a breakdown category that exists',
      commentary: 'Commentary must be 5000 characters or fewer',
      quality: 'Select estimated, provisional or final',
      evidenceUrl: 'Enter the evidence link as a full web address, like https://…',
      action: 'Choose to save a draft or submit',
    });
    expect(formSays(valueTransitionInput, { action: 'delete', reason: 'x'.repeat(2001) })).toEqual({
      action: 'Choose an action',
      reason: 'Reason must be 2000 characters or fewer',
    });
  });
});
