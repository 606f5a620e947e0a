import { describe, expect, it } from 'vitest';
import { phraseText, readStoredPhrase } from '../../../kernel/phrase.ts';
import {
  canHappen,
  currentStep,
  editRefusal,
  type LifecycleEvent,
  type LifecycleState,
  newVersionRefusal,
  PLAN_STATUSES,
  type PlanStatus,
  transition,
} from './lifecycle.ts';

const steps = [
  { position: 1, name: 'Owner sign-off' },
  { position: 2, name: 'Leadership team' },
  { position: 3, name: 'Cabinet' },
];
const at = (status: PlanStatus, nextStep: number | null = null): LifecycleState => ({ status, nextStep });

describe('plan lifecycle: every allowed transition', () => {
  it.each<[string, LifecycleState, LifecycleEvent, typeof steps, LifecycleState, boolean, number | null]>([
    ['submit with steps', at('draft'), { type: 'submit' }, steps, at('submitted', 1), false, null],
    ['submit without steps approves at once', at('draft'), { type: 'submit' }, [], at('approved'), true, null],
    ['approve step 1', at('submitted', 1), { type: 'approve', step: 1 }, steps, at('in-approval', 2), false, 1],
    ['approve step 2', at('in-approval', 2), { type: 'approve', step: 2 }, steps, at('in-approval', 3), false, 2],
    ['approve the last step', at('in-approval', 3), { type: 'approve', step: 3 }, steps, at('approved'), true, 3],
    [
      'approve a single step',
      at('submitted', 1),
      { type: 'approve', step: 1 },
      [{ position: 1, name: 'Only' }],
      at('approved'),
      true,
      1,
    ],
    [
      'return when submitted',
      at('submitted', 1),
      { type: 'return', reason: 'Targets missing' },
      steps,
      at('draft'),
      false,
      null,
    ],
    ['return in approval', at('in-approval', 3), { type: 'return', reason: 'No' }, steps, at('draft'), false, null],
    ['supersede approved', at('approved'), { type: 'supersede' }, steps, at('superseded'), false, null],
    ['archive draft', at('draft'), { type: 'archive' }, steps, at('archived'), false, null],
    ['archive approved', at('approved'), { type: 'archive' }, steps, at('archived'), false, null],
    ['archive superseded', at('superseded'), { type: 'archive' }, steps, at('archived'), false, null],
  ])('%s', (_name, state, event, stepList, to, becameApproved, stepTaken) => {
    const result = transition(state, event, stepList);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.to).toEqual(to);
    expect(result.value.from).toBe(state.status);
    expect(result.value.becameApproved).toBe(becameApproved);
    expect(result.value.step?.position ?? null).toBe(stepTaken);
  });

  it('takes steps in position order even when given out of order', () => {
    const shuffled = [steps[2]!, steps[0]!, steps[1]!];
    const submitted = transition(at('draft'), { type: 'submit' }, shuffled);
    expect(submitted.ok && submitted.value.to).toEqual(at('submitted', 1));
    const first = transition(at('submitted', 1), { type: 'approve', step: 1 }, shuffled);
    expect(first.ok && first.value.to).toEqual(at('in-approval', 2));
  });

  it('copes with gaps in positions', () => {
    const gappy = [
      { position: 2, name: 'A' },
      { position: 5, name: 'B' },
    ];
    const submitted = transition(at('draft'), { type: 'submit' }, gappy);
    expect(submitted.ok && submitted.value.to).toEqual(at('submitted', 2));
    const next = transition(at('submitted', 2), { type: 'approve', step: 2 }, gappy);
    expect(next.ok && next.value.to).toEqual(at('in-approval', 5));
  });
});

describe('plan lifecycle: every refused transition', () => {
  const events: LifecycleEvent[] = [
    { type: 'submit' },
    { type: 'approve', step: 1 },
    { type: 'return', reason: 'r' },
    { type: 'supersede' },
    { type: 'archive' },
  ];
  const allowed = new Set([
    'draft:submit',
    'draft:archive',
    'submitted:approve',
    'submitted:return',
    'in-approval:approve',
    'in-approval:return',
    'approved:supersede',
    'approved:archive',
    'superseded:archive',
  ]);
  const refusedPairs = PLAN_STATUSES.flatMap((status) =>
    events.filter((event) => !allowed.has(`${status}:${event.type}`)).map((event) => [status, event] as const),
  );

  it('lists 21 refused pairs (6 statuses x 5 events - 9 allowed)', () => {
    expect(refusedPairs).toHaveLength(21);
  });

  it.each(refusedPairs)('%s refuses %o with invalid_state', (status, event) => {
    const result = transition(at(status, 1), event, steps);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_state');
    expect(readStoredPhrase(result.error.message)?.code).toMatch(/^planLifecycle\./);
    expect(canHappen(at(status, 1), event.type, steps)).toBe(false);
  });

  it('refuses to return without a reason', () => {
    const result = transition(at('submitted', 1), { type: 'return', reason: '   ' }, steps);
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid', message: phraseText('planLifecycle.returnReason'), field: 'reason' },
    });
  });

  it('refuses to approve a step other than the one waiting (stale page) as a conflict', () => {
    const result = transition(at('in-approval', 2), { type: 'approve', step: 1 }, steps);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('conflict');
      expect(readStoredPhrase(result.error.message)).toEqual({
        code: 'planLifecycle.notWaitingStep',
        params: { step: 1, name: 'Leadership team', position: 2 },
      });
    }
  });

  it('refuses to approve when the waiting step no longer exists', () => {
    const result = transition(at('in-approval', 4), { type: 'approve', step: 4 }, steps);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(readStoredPhrase(result.error.message)?.code).toBe('planLifecycle.stepsChanged');
  });
});

describe('lifecycle helpers', () => {
  it('finds the step waiting for approval only while waiting', () => {
    expect(currentStep(at('in-approval', 2), steps)?.name).toBe('Leadership team');
    expect(currentStep(at('draft', 2), steps)).toBeUndefined();
  });

  it('allows editing drafts only, with the amendment hint for approved plans', () => {
    expect(editRefusal('draft')).toBeNull();
    expect(editRefusal('approved')).toBe(phraseText('planLifecycle.edit.approved'));
    for (const status of ['submitted', 'in-approval', 'superseded', 'archived'] as const) {
      expect(editRefusal(status)).toBeTruthy();
    }
  });

  it('starts new versions from approved plans only', () => {
    expect(newVersionRefusal('approved')).toBeNull();
    for (const status of PLAN_STATUSES.filter((s) => s !== 'approved')) expect(newVersionRefusal(status)).toBeTruthy();
    expect(readStoredPhrase(newVersionRefusal('superseded')!)).toEqual({
      code: 'planLifecycle.newVersionOnlyFromApproved',
      params: { status: { code: 'planStatusInSentence.superseded' } },
    });
  });
});
