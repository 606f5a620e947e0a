import { describe, expect, it } from 'vitest';
import { interpretRagAndSpc } from './index.ts';
import type { AssuranceIcon, InterpretationCategory, RagStatus, SpcPointType } from './index.ts';

describe('interpretRagAndSpc', () => {
  it.each<[RagStatus, SpcPointType | null, AssuranceIcon, InterpretationCategory]>([
    ['red', 'common-cause', 'consistently-fails', 'process-cannot-meet-target'],
    ['red', 'common-cause', 'hit-and-miss', 'normal-variation-off-target'],
    ['amber', 'common-cause', 'not-applicable', 'normal-variation-off-target'],
    ['red', 'special-cause-concern', 'hit-and-miss', 'act-on-deterioration'],
    ['amber', 'special-cause-improvement', 'consistently-fails', 'improving-towards-target'],
    ['green', 'special-cause-concern', 'hit-and-miss', 'early-warning'],
    ['green', 'special-cause-improvement', 'consistently-meets', 'sustain-improvement'],
    ['green', 'common-cause', 'consistently-meets', 'reliably-on-target'],
    ['green', 'common-cause', 'hit-and-miss', 'on-target-for-now'],
    ['green', 'common-cause', 'consistently-fails', 'on-target-for-now'],
    ['red', 'special-cause-neutral', 'not-applicable', 'unusual-change'],
    ['no-target', 'special-cause-neutral', 'not-applicable', 'unusual-change'],
    ['no-target', 'common-cause', 'not-applicable', 'not-assessed'],
    ['no-data', 'common-cause', 'hit-and-miss', 'not-assessed'],
    ['overdue', 'special-cause-concern', 'hit-and-miss', 'not-assessed'],
    ['red', null, 'not-applicable', 'not-assessed'],
  ])('%s RAG with %s and %s → %s', (rag, latestPointType, assurance, category) => {
    expect(interpretRagAndSpc({ rag, latestPointType, assurance }).category).toBe(category);
  });

  it('a red that the process cannot meet says to change the process or the target', () => {
    expect(
      interpretRagAndSpc({ rag: 'red', latestPointType: 'common-cause', assurance: 'consistently-fails' }).message,
    ).toBe(
      "Red, and the process as it runs cannot meet the target: this is its normal variation and the target lies beyond its limits. Chasing this period's figure will not help; change the process, or review the target.",
    );
  });

  it('a green with special-cause concern is an early warning', () => {
    expect(
      interpretRagAndSpc({ rag: 'green', latestPointType: 'special-cause-concern', assurance: 'hit-and-miss' }).message,
    ).toBe(
      'Green, but special-cause concern: an early warning. Performance is really deteriorating although still on target; look into it before it goes off target.',
    );
  });

  it('a red special-cause deterioration says something different from red noise', () => {
    const deterioration = interpretRagAndSpc({
      rag: 'red',
      latestPointType: 'special-cause-concern',
      assurance: 'hit-and-miss',
    });
    const noise = interpretRagAndSpc({ rag: 'red', latestPointType: 'common-cause', assurance: 'hit-and-miss' });
    expect(deterioration.message).toContain('Find the cause and act on it now');
    expect(noise.message).toContain('within the normal variation of the process');
    expect(deterioration.message).not.toBe(noise.message);
  });

  it('says when limits are provisional', () => {
    const r = interpretRagAndSpc({
      rag: 'green',
      latestPointType: 'common-cause',
      assurance: 'consistently-meets',
      trialLimits: true,
    });
    expect(r.message).toBe(
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
    ['red', 'special-cause-improvement', 'consistently-meets', /the figures disagree with each other/],
    ['amber', 'common-cause', 'consistently-meets', /check this period's value and whether the target has changed/],
  ])('%s with %s and %s explains the disagreement', (rag, latestPointType, assurance, explained) => {
    expect(interpretRagAndSpc({ rag, latestPointType, assurance }).message).toMatch(explained);
  });
});
