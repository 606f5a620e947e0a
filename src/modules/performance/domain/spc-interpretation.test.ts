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

  it('names the status inside the off-target phrases, and wraps a trial-limits reading', () => {
    expect(
      interpretRagAndSpc({ rag: 'amber', latestPointType: 'special-cause-concern', assurance: 'hit-and-miss' }).message,
    ).toEqual({
      code: 'spcInterpretation.offTarget.deteriorating',
      params: { status: { code: 'spcInterpretation.status.amber' } },
    });
    const plain = interpretRagAndSpc({
      rag: 'green',
      latestPointType: 'common-cause',
      assurance: 'consistently-meets',
    });
    const trial = interpretRagAndSpc({
      rag: 'green',
      latestPointType: 'common-cause',
      assurance: 'consistently-meets',
      trialLimits: true,
    });
    expect(trial).toEqual({
      category: plain.category,
      message: { code: 'spcInterpretation.trial', params: { message: plain.message } },
    });
  });
  // The sentences themselves are checked in words: web/spc-interpretation-words.test.ts.
});
