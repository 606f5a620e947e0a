import { describe, expect, it } from 'vitest';
import { phrase, phraseText } from '../../../kernel/phrase.ts';
import { actionInput, closeInput, escalationDecisionInput, progressInput, reviseDateInput } from './action.ts';
import { deliverySettingsInput, toDeliverySettings, DEFAULT_DELIVERY_SETTINGS } from './settings.ts';

const id = '11111111-1111-4111-8111-111111111111';
const good = {
  planId: id,
  code: 'A12',
  title: 'Open the new library',
  ownerPersonId: id,
  escalationOwnerPersonId: id,
  startDate: '2026-04-01',
  dueDate: '2026-09-30',
};

const problems = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.success ? [] : result.error!.issues.map((i) => [i.path.join('.'), i.message]);

describe('action inputs refuse bad input with a clear error', () => {
  it('a due date before the start', () => {
    expect(problems(actionInput.safeParse({ ...good, dueDate: '2026-03-31' }))).toEqual([
      ['dueDate', phraseText('actionChecks.dueBeforeStart')],
    ]);
  });

  it.each([-1, 101, 50.5, 'half'])('%% complete of %s', (percentComplete) => {
    expect(problems(progressInput.safeParse({ percentComplete, commentary: 'x', asOf: '2026-05-01' }))).toEqual([
      ['percentComplete', phraseText('actionChecks.percent')],
    ]);
  });

  it('a revised date without a reason', () => {
    expect(problems(reviseDateInput.safeParse({ revisedDueDate: '2026-12-31', reason: '  ' }))).toEqual([
      ['reason', phraseText('inputs.enter', { label: phrase('actionFields.newDateReason') })],
    ]);
  });

  it.each(['terminated', 'cancelled'])('%s without a reason', (status) => {
    expect(problems(closeInput.safeParse({ status, reason: '' }))).toEqual([
      ['reason', phraseText('actionChecks.closeReason', { status: phrase(`actionInSentence.${status}`) })],
    ]);
    expect(closeInput.safeParse({ status: 'complete', reason: '' }).success).toBe(true);
  });

  it('a re-plan without a new date, or a decision without a reason', () => {
    expect(
      problems(escalationDecisionInput.safeParse({ decision: 're-plan', reason: 'More time', newDueDate: '' })),
    ).toEqual([['newDueDate', phraseText('actionChecks.replanDate')]]);
    expect(problems(escalationDecisionInput.safeParse({ decision: 'terminate', reason: '' }))).toEqual([
      ['reason', phraseText('inputs.enter', { label: phrase('actionFields.decisionReason') })],
    ]);
  });

  it('an answers reference with only half of it', () => {
    expect(problems(actionInput.safeParse({ ...good, answersKind: 'recommendation' }))).toEqual([
      ['answersId', phraseText('actionChecks.answersBoth')],
    ]);
  });
});

describe('delivery settings', () => {
  it('refuse off track no further behind than at risk', () => {
    expect(problems(deliverySettingsInput.safeParse({ ...DEFAULT_DELIVERY_SETTINGS, offTrackBehindBy: 10 }))).toEqual([
      ['offTrackBehindBy', phraseText('actionChecks.offTrackBeyondAtRisk')],
    ]);
  });

  it('read stored settings over the defaults', () => {
    expect(toDeliverySettings({ escalateAfterOverdueDays: 30 })).toEqual({
      ...DEFAULT_DELIVERY_SETTINGS,
      escalateAfterOverdueDays: 30,
    });
    expect(toDeliverySettings({ atRiskBehindBy: 'nonsense' })).toEqual(DEFAULT_DELIVERY_SETTINGS);
  });
});
