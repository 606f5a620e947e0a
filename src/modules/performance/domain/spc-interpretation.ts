/**
 * RAG and SPC read together. RAG says where this period's value stands against the target; SPC
 * says whether anything has really changed and whether the process, as it runs, can meet the
 * target. The pair calls for different actions, so the message names the action.
 */
import type { AssuranceIcon, SpcPointType } from './spc.ts';
import type { RagStatus } from '../../../kernel/measurement/types.ts';

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
  message: string;
}

function offTargetMessage(rag: 'red' | 'amber', type: SpcPointType, assurance: AssuranceIcon): RagSpcInterpretation {
  const status = rag === 'red' ? 'Red' : 'Amber';
  switch (type) {
    case 'special-cause-concern':
      return {
        category: 'act-on-deterioration',
        message: `${status}, and special-cause concern: performance has really deteriorated, it is not noise. Find the cause and act on it now.`,
      };
    case 'special-cause-improvement':
      if (assurance === 'consistently-meets') {
        return {
          category: 'improving-towards-target',
          message: `${status}, although the process limits lie wholly on the right side of the target and this period shows special-cause improvement: the figures disagree with each other. Check this period's value and whether the target has changed.`,
        };
      }
      return {
        category: 'improving-towards-target',
        message: `${status}, but special-cause improvement: performance is really getting better though not yet on target. Keep going and check that the improvement is enough.`,
      };
    case 'special-cause-neutral':
      return {
        category: 'unusual-change',
        message: `${status}, with a real change in the process (special cause). Find out what changed.`,
      };
    case 'common-cause':
      if (assurance === 'consistently-fails') {
        return {
          category: 'process-cannot-meet-target',
          message: `${status}, and the process as it runs cannot meet the target: this is its normal variation and the target lies beyond its limits. Chasing this period's figure will not help; change the process, or review the target.`,
        };
      }
      if (assurance === 'consistently-meets') {
        // Limits wholly on the right side of the target and a value off target inside them: the
        // target (or the value's rating) has moved since the limits were drawn.
        return {
          category: 'normal-variation-off-target',
          message: `${status} this period, although the process limits lie wholly on the right side of the target: check this period's value and whether the target has changed since the limits were drawn.`,
        };
      }
      return {
        category: 'normal-variation-off-target',
        message: `${status} this period, but within the normal variation of the process${assurance === 'hit-and-miss' ? ', which will sometimes meet the target and sometimes miss it' : ''}. Nothing has really changed; to meet the target reliably, improve the process as a whole rather than reacting to one period.`,
      };
  }
}

function onTargetMessage(type: SpcPointType, assurance: AssuranceIcon): RagSpcInterpretation {
  switch (type) {
    case 'special-cause-concern':
      return {
        category: 'early-warning',
        message:
          'Green, but special-cause concern: an early warning. Performance is really deteriorating although still on target; look into it before it goes off target.',
      };
    case 'special-cause-improvement':
      if (assurance === 'consistently-fails') {
        // The assurance reads the limits, which were drawn before the improvement: both are true.
        return {
          category: 'sustain-improvement',
          message:
            'Green, with special-cause improvement: a real improvement has brought this period on target, although the process limits, set before the change, still say the target cannot be met reliably. If the improvement lasts, start new limits from it (a rebase) and the assurance will follow.',
        };
      }
      return {
        category: 'sustain-improvement',
        message:
          'Green, with special-cause improvement: a real improvement. Find out what changed and make sure it lasts.',
      };
    case 'special-cause-neutral':
      return {
        category: 'unusual-change',
        message: 'Green, with a real change in the process (special cause). Find out what changed.',
      };
    case 'common-cause':
      if (assurance === 'consistently-meets') {
        return {
          category: 'reliably-on-target',
          message: 'Green, and the process reliably meets the target: no action needed.',
        };
      }
      if (assurance === 'consistently-fails') {
        return {
          category: 'on-target-for-now',
          message:
            'Green this period, but the process is not expected to meet the target as it runs: treat this result as unusual and check it.',
        };
      }
      return {
        category: 'on-target-for-now',
        message: `Green this period, within the normal variation of the process${assurance === 'hit-and-miss' ? ', which will sometimes miss the target' : ''}. Expect some periods off target unless the process improves.`,
      };
  }
}

export function interpretRagAndSpc(input: RagSpcInput): RagSpcInterpretation {
  const { rag, latestPointType: type, assurance } = input;
  const trial = input.trialLimits
    ? ' The SPC limits are trial limits (fewer than 12 points), so treat this as provisional.'
    : '';
  if (rag === 'no-data' || rag === 'overdue') {
    return { category: 'not-assessed', message: `No value for this period yet, so there is nothing to interpret.` };
  }
  if (type === null) {
    return {
      category: 'not-assessed',
      message: 'Too few points to tell real change from normal variation (at least 2 are needed).',
    };
  }
  if (rag === 'no-target') {
    const what =
      type === 'common-cause'
        ? 'No target: the latest value is within the normal variation of the process.'
        : 'No target, but the latest value shows a real change in the process (special cause). Find out what changed.';
    return { category: type === 'common-cause' ? 'not-assessed' : 'unusual-change', message: what + trial };
  }
  const result = rag === 'green' ? onTargetMessage(type, assurance) : offTargetMessage(rag, type, assurance);
  return { category: result.category, message: result.message + trial };
}
