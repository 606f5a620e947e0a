/**
 * RAG and SPC read together. RAG says where this period's value stands against the target; SPC
 * says whether anything has really changed and whether the process, as it runs, can meet the
 * target. The pair calls for different actions, so the message names the action.
 */
import type { AssuranceIcon, SpcPointType } from './spc.ts';
import type { RagStatus } from '../../../kernel/measurement/types.ts';
import { phrase, type Phrase } from '../../../kernel/phrase.ts';

export type InterpretationCategory =
  /** Off target and a real deterioration: investigate now. */
  | 'act-on-deterioration'
  /** Off target and the process cannot meet the target: change the process or the target. */
  | 'process-cannot-meet-target'
  /** Off target this period, but within the process's normal variation. */
  | 'normal-variation-off-target'
  /** Off target, but really improving. */
  | 'improving-towards-target'
  /** On target, but a real deterioration: an early warning. */
  | 'early-warning'
  /** On target and the process reliably meets it. */
  | 'reliably-on-target'
  /** On target this period; the process will not always meet it. */
  | 'on-target-for-now'
  /** On target and really improving. */
  | 'sustain-improvement'
  /** A real change where neither direction is better. */
  | 'unusual-change'
  /** Nothing to compare: no data, or no target. */
  | 'not-assessed';

export interface RagSpcInput {
  rag: RagStatus;
  /** Type of the latest SPC point; null when there are too few points for SPC. */
  latestPointType: SpcPointType | null;
  assurance: AssuranceIcon;
  /** The latest limits are trial limits (fewer than 12 points). */
  trialLimits?: boolean;
}

export interface RagSpcInterpretation {
  category: InterpretationCategory;
  /** What to do, as a phrase of the catalogue's spcInterpretation section. */
  message: Phrase;
}

const said = (category: InterpretationCategory, key: string, status?: 'red' | 'amber'): RagSpcInterpretation => ({
  category,
  message: phrase(
    `spcInterpretation.${key}`,
    status === undefined ? undefined : { status: phrase(`spcInterpretation.status.${status}`) },
  ),
});

function offTargetMessage(rag: 'red' | 'amber', type: SpcPointType, assurance: AssuranceIcon): RagSpcInterpretation {
  switch (type) {
    case 'special-cause-concern':
      return said('act-on-deterioration', 'offTarget.deteriorating', rag);
    case 'special-cause-improvement':
      // Limits wholly on the right side of the target and a special-cause improvement off target:
      // the figures disagree with each other.
      return assurance === 'consistently-meets'
        ? said('improving-towards-target', 'offTarget.improvingDisagrees', rag)
        : said('improving-towards-target', 'offTarget.improving', rag);
    case 'special-cause-neutral':
      return said('unusual-change', 'offTarget.changed', rag);
    case 'common-cause':
      if (assurance === 'consistently-fails') return said('process-cannot-meet-target', 'offTarget.cannotMeet', rag);
      // Limits wholly on the right side of the target and a value off target inside them: the
      // target (or the value's rating) has moved since the limits were drawn.
      if (assurance === 'consistently-meets')
        return said('normal-variation-off-target', 'offTarget.limitsDisagree', rag);
      return assurance === 'hit-and-miss'
        ? said('normal-variation-off-target', 'offTarget.normalHitAndMiss', rag)
        : said('normal-variation-off-target', 'offTarget.normal', rag);
  }
}

function onTargetMessage(type: SpcPointType, assurance: AssuranceIcon): RagSpcInterpretation {
  switch (type) {
    case 'special-cause-concern':
      return said('early-warning', 'onTarget.earlyWarning');
    case 'special-cause-improvement':
      // The assurance reads the limits, which were drawn before the improvement: both are true.
      return assurance === 'consistently-fails'
        ? said('sustain-improvement', 'onTarget.improvedBeyondLimits')
        : said('sustain-improvement', 'onTarget.improved');
    case 'special-cause-neutral':
      return said('unusual-change', 'onTarget.changed');
    case 'common-cause':
      if (assurance === 'consistently-meets') return said('reliably-on-target', 'onTarget.reliable');
      if (assurance === 'consistently-fails') return said('on-target-for-now', 'onTarget.unexpected');
      return assurance === 'hit-and-miss'
        ? said('on-target-for-now', 'onTarget.normalHitAndMiss')
        : said('on-target-for-now', 'onTarget.normal');
  }
}

export function interpretRagAndSpc(input: RagSpcInput): RagSpcInterpretation {
  const { rag, latestPointType: type, assurance } = input;
  if (rag === 'no-data' || rag === 'overdue') return said('not-assessed', 'noValue');
  if (type === null) return said('not-assessed', 'tooFewPoints');
  const result =
    rag === 'no-target'
      ? type === 'common-cause'
        ? said('not-assessed', 'noTarget.normal')
        : said('unusual-change', 'noTarget.changed')
      : rag === 'green'
        ? onTargetMessage(type, assurance)
        : offTargetMessage(rag, type, assurance);
  return input.trialLimits
    ? { category: result.category, message: phrase('spcInterpretation.trial', { message: result.message }) }
    : result;
}
