/** The RAG and SPC interpretation as people read it: the domain's phrases said from the catalogue. */
import { describe, expect, it } from 'vitest';
import { say } from '../../../platform/words/index.ts';
import { interpretRagAndSpc } from '../domain/index.ts';
import type { AssuranceIcon, RagSpcInput, RagStatus, SpcPointType } from '../domain/index.ts';

const sayInterpretation = (input: RagSpcInput) => say(interpretRagAndSpc(input).message);

describe('the RAG and SPC interpretation in words', () => {
  it('a red that the process cannot meet says to change the process or the target', () => {
    expect(sayInterpretation({ rag: 'red', latestPointType: 'common-cause', assurance: 'consistently-fails' })).toBe(
      "Red, and the process as it runs cannot meet the target: this is its normal variation and the target lies beyond its limits. Chasing this period's figure will not help; change the process, or review the target.",
    );
  });

  it('a green with special-cause concern is an early warning', () => {
    expect(
      sayInterpretation({ rag: 'green', latestPointType: 'special-cause-concern', assurance: 'hit-and-miss' }),
    ).toBe(
      'Green, but special-cause concern: an early warning. Performance is really deteriorating although still on target; look into it before it goes off target.',
    );
  });

  it('a red special-cause deterioration says something different from red noise', () => {
    const deterioration = sayInterpretation({
      rag: 'red',
      latestPointType: 'special-cause-concern',
      assurance: 'hit-and-miss',
    });
    const noise = sayInterpretation({ rag: 'red', latestPointType: 'common-cause', assurance: 'hit-and-miss' });
    expect(deterioration).toContain('Find the cause and act on it now');
    expect(noise).toBe(
      'Red this period, but within the normal variation of the process, which will sometimes meet the target and sometimes miss it. Nothing has really changed; to meet the target reliably, improve the process as a whole rather than reacting to one period.',
    );
    expect(deterioration).not.toBe(noise);
  });

  it('says hit-and-miss only when the process is hit and miss', () => {
    expect(sayInterpretation({ rag: 'amber', latestPointType: 'common-cause', assurance: 'not-applicable' })).toBe(
      'Amber this period, but within the normal variation of the process. Nothing has really changed; to meet the target reliably, improve the process as a whole rather than reacting to one period.',
    );
    expect(sayInterpretation({ rag: 'green', latestPointType: 'common-cause', assurance: 'hit-and-miss' })).toBe(
      'Green this period, within the normal variation of the process, which will sometimes miss the target. Expect some periods off target unless the process improves.',
    );
  });

  it('says when limits are provisional', () => {
    expect(
      sayInterpretation({
        rag: 'green',
        latestPointType: 'common-cause',
        assurance: 'consistently-meets',
        trialLimits: true,
      }),
    ).toBe(
      'Green, and the process reliably meets the target: no action needed. The SPC limits are trial limits (fewer than 12 points), so treat this as provisional.',
    );
  });

  // Where the RAG, the variation and the assurance seem to disagree, one sentence explains all three
  // instead of setting "Green, special-cause improvement" beside "consistently fails the target".
  it.each<[RagStatus, SpcPointType, AssuranceIcon, RegExp]>([
    [
      'green',
      'special-cause-improvement',
      'consistently-fails',
      /limits, set before the change, still say the target cannot be met/,
    ],
    ['red', 'special-cause-improvement', 'consistently-meets', /^Red, .*the figures disagree with each other/],
    [
      'amber',
      'common-cause',
      'consistently-meets',
      /^Amber .*check this period's value and whether the target has changed/,
    ],
  ])('%s with %s and %s explains the disagreement', (rag, latestPointType, assurance, explained) => {
    expect(sayInterpretation({ rag, latestPointType, assurance })).toMatch(explained);
  });

  it('has words for every reading, with and without data and targets', () => {
    const rags: RagStatus[] = ['red', 'amber', 'green', 'no-target', 'no-data', 'overdue'];
    const types: (SpcPointType | null)[] = [
      null,
      'common-cause',
      'special-cause-concern',
      'special-cause-improvement',
      'special-cause-neutral',
    ];
    const assurances: AssuranceIcon[] = ['consistently-meets', 'consistently-fails', 'hit-and-miss', 'not-applicable'];
    for (const rag of rags)
      for (const latestPointType of types)
        for (const assurance of assurances)
          expect(sayInterpretation({ rag, latestPointType, assurance })).toMatch(/^[A-Z].*\.$/);
  });
});
