import { describe, expect, it } from 'vitest';
import { STEP_KINDS, stepApproverPhrase } from '../domain/framework.ts';
import type { PlanTypeDetail } from '../framework.service.ts';
import { overviewRows, stepFormItems, stepRows } from './framework.presenter.ts';
import { rolePhrase, type Role } from '../../../kernel/access/index.ts';

const step = (kind: 'owner' | 'role' | 'body', role: Role | null, bodyName: string | null, position: number) => ({
  id: `step-${position}`,
  position,
  name: `Step ${position}`,
  distinctPerson: false,
  kind,
  role,
  bodyId: bodyName ? `body-${position}` : null,
  bodyName,
});

const planType: PlanTypeDetail = {
  id: 'type',
  key: 'corporate-plan',
  name: 'Corporate plan',
  level: 2,
  description: '',
  active: true,
  templateSections: [],
  parentTypeIds: [],
  itemTypeIds: [],
  approvalSteps: [
    step('owner', null, null, 1),
    step('role', 'director', null, 2),
    step('body', null, 'Cabinet', 3),
    // A role no longer known (stored before roles changed).
    step('role', 'emperor' as Role, null, 4),
    step('body', null, null, 5),
  ],
};

describe('approval steps in words', () => {
  it('the domain names who approves as a catalogue code and parameters, not words', () => {
    expect(stepApproverPhrase({ kind: 'owner', role: null, bodyName: null })).toEqual({
      code: 'frameworkSteps.approver.owner',
    });
    expect(stepApproverPhrase({ kind: 'role', role: 'director', bodyName: null })).toEqual({
      code: 'frameworkSteps.approver.role',
      params: { role: rolePhrase('director') },
    });
    expect(stepApproverPhrase({ kind: 'body', role: null, bodyName: 'Cabinet' })).toEqual({
      code: 'frameworkSteps.approver.body',
      params: { body: 'Cabinet' },
    });
  });

  it('the presenter says each step’s kind and approver from the catalogue', () => {
    expect(stepRows(planType).map((row) => [row.kindName, row.approver])).toEqual([
      ['Sign-off by the plan owner', 'The plan owner'],
      ['Approval by someone holding a role', 'Director'],
      ['Approval by a governance body', 'Cabinet'],
      ['Approval by someone holding a role', 'Unknown role'],
      ['Approval by a governance body', 'Unknown body'],
    ]);
    expect(overviewRows([planType], [])[0]!.steps.slice(0, 2)).toEqual([
      'Step 1 (The plan owner)',
      'Step 2 (Director)',
    ]);
  });

  it('offers every kind of step in words on the add-a-step form', () => {
    const { kindItems } = stepFormItems({ kind: 'body' }, []);
    expect(kindItems.map((item) => item.value)).toEqual([...STEP_KINDS]);
    expect(kindItems.map((item) => item.text)).toEqual([
      'Sign-off by the plan owner',
      'Approval by someone holding a role',
      'Approval by a governance body',
    ]);
    expect(kindItems.find((item) => item.checked)?.value).toBe('body');
  });
});
