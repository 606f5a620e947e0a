/**
 * What collection's services now return as phrases rather than English, in the words a person
 * reads: the English these services wrote before the words moved to the edges.
 */
import { describe, expect, it } from 'vitest';
import { phrase, phraseText } from '../../kernel/phrase.ts';
import { say, sayStored } from '../../platform/words/index.ts';
import type { WhoRule } from './domain/sign-off-who.ts';
import { describeImplausible, implausibleForApi, implausibleRefusal } from './entry-checks.ts';
import { whoPhrase } from './sign-off-steps.ts';

const limits = { mean: 36, lower: 20, upper: 52, movingRangeUpper: 9, centre: 36 } as never;
const measure = { unit: 'number' as const, decimalPlaces: 0 };
const tooBig = describeImplausible(
  { kind: 'outside-limits', value: 999_999, previous: 36, limits, timesUsual: 27_777 },
  measure,
);

describe('collection’s words said at the edge', () => {
  it('says an implausible figure’s finding, its refusal on the page and to an API client, and the note kept with it', () => {
    const doubt = '999,999 is 27,000 times the usual figure of 36 — check the units';
    expect(say(tooBig)).toBe(doubt);
    expect(say(describeImplausible({ kind: 'jump', value: 60, previous: 36, limits, timesUsual: null }, measure))).toBe(
      '60 is a much bigger change from the previous figure (36) than usual (changes are usually under 9)',
    );
    expect(sayStored(implausibleRefusal(tooBig))).toBe(
      `${doubt}. If the figure is right, tick “I have checked this figure” and explain it in the commentary`,
    );
    expect(sayStored(implausibleForApi(implausibleRefusal(tooBig)))).toBe(
      `${doubt}. If the figure is right, send it again with confirmImplausible: true and commentary explaining it`,
    );
    const other = phraseText('periodClose.isClosed', { period: '2025/26 Q1' });
    expect(implausibleForApi(other)).toBe(other);
    expect(sayStored(phraseText('entryChecks.checkedNote', { doubt: tooBig }))).toBe(
      `I have checked this figure: ${doubt}`,
    );
  });

  it.each([
    [
      { who: 'permission', role: null, bodyId: null },
      'verify',
      'anyone who may verify values for the measure’s unit or above, or the measure’s named verifier',
    ],
    [
      { who: 'permission', role: null, bodyId: null },
      'approve',
      'anyone who may approve values for the measure’s unit or above',
    ],
    [{ who: 'role', role: 'director', bodyId: null }, 'approve', 'a director for the measure’s unit or above'],
    [{ who: 'unit-head', role: null, bodyId: null }, 'approve', 'the head of the measure’s unit'],
    [{ who: 'measure-verifier', role: null, bodyId: null }, 'verify', 'the measure’s named verifier'],
    [{ who: 'body', role: null, bodyId: 'b1' }, 'approve', 'a member of Audit Committee'],
  ] as [WhoRule, 'verify' | 'approve', string][])('says who takes a step: %o %s', (rule, step, said) => {
    expect(say(whoPhrase(step, rule, [{ id: 'b1', name: 'Audit Committee' }]))).toBe(said);
  });

  it('names the council’s rule when it refuses a step, and a broken two-pairs-of-eyes rule', () => {
    const who = whoPhrase('verify', { who: 'unit-head', role: null, bodyId: null }, []);
    expect(
      sayStored(
        phraseText('signOffQueue.refused', {
          who,
          action: { code: 'signOffQueue.actionVerbs.return' },
          doesStep: { code: 'signOffQueue.verifies' },
        }),
      ),
    ).toBe(
      'Only the head of the measure’s unit may return this value: that is the council’s sign-off rule for who verifies',
    );
    // The reasons the settings' audit rows keep.
    expect(sayStored(phraseText('signOff.chainChanged', { chain: phrase('signOff.chainApproveDirectly') }))).toBe(
      'Sign-off chain changed to “Submit, then approve”',
    );
    expect(sayStored(phraseText('signOffQueue.settingsChanged'))).toBe('Who signs off values changed');
    expect(sayStored(phraseText('signOff.entered-cannot-verify'))).toBe(
      'You entered this value, so someone else must verify it',
    );
  });

  it('says the period-close refusals', () => {
    const period = '2025/26 Q1';
    expect(
      [
        phraseText('periodClose.isClosed', { period }),
        phraseText('periodClose.unknownPeriod'),
        phraseText('periodClose.notEnded', { period }),
        phraseText('periodClose.alreadyClosed', { period }),
        phraseText('periodClose.coveredByCoarser', { period, coarser: '2025/26' }),
        phraseText('periodClose.notClosed', { period }),
        phraseText('periodClose.enterReason', { period }),
        phraseText('periodClose.reasonTooLong'),
        phraseText('periodClose.notAllowed'),
      ].map((stored) => sayStored(stored)),
    ).toEqual([
      '2025/26 Q1 is closed: a performance officer must reopen it, giving a reason.',
      'Select a period to close',
      '2025/26 Q1 has not ended yet: close it once it has been reported',
      '2025/26 Q1 is already closed',
      '2025/26 Q1 is closed because 2025/26 is closed: reopen 2025/26 instead',
      '2025/26 Q1 is not closed',
      'Enter the reason for reopening 2025/26 Q1',
      'The reason must be 2000 characters or fewer',
      'Only a performance officer or administrator for the whole council can close or reopen periods',
    ]);
  });
});
