/**
 * Plans' refusals and history comments are phrases; these are the words a person reads for them,
 * word for word the English the domain and services wrote before the words moved to the catalogue
 * (planRefusals and planHistory in src/platform/words/en/plans-refusals.ts).
 */
import { describe, expect, it } from 'vitest';
import { phrase, phraseText, storePhrase } from '../../kernel/phrase.ts';
import { say, sayStored } from '../../platform/words/index.ts';
import { approveLabel, mayTakeStep, type CallerFacts, type StepAuthority } from './domain/approval.ts';
import { frozenPlanMessage } from './domain/item.ts';
import { amendInput, planInput, planUpdateInput, returnInput } from './domain/plan.ts';
import { historyComment } from './plan-context.ts';
import { eventRows } from './web/plan.presenter.ts';

const UNIT = '22222222-2222-4222-8222-222222222222';
const TYPE = '11111111-1111-4111-8111-111111111111';

/** Someone with no claim on any step, of a plan that has an owner (unless told otherwise). */
const facts = (given: Partial<CallerFacts> = {}): CallerFacts => ({
  planHasOwner: true,
  isOwner: false,
  holdsStepRole: false,
  isBodyMember: false,
  isPerformanceOfficer: false,
  ...given,
});
const step = (kind: StepAuthority['kind'], extra: Partial<StepAuthority> = {}): StepAuthority => ({
  kind,
  name: 'Director approval',
  role: null,
  bodyId: null,
  bodyName: null,
  ...extra,
});

function refusalWords(result: { ok: boolean; error?: { message: string } }): string {
  if (result.ok || !result.error) throw new Error('expected a refusal');
  return sayStored(result.error.message);
}

function zodWords(
  schema: { safeParse(value: unknown): { error?: { issues: { message: string }[] } } },
  value: unknown,
) {
  return (schema.safeParse(value).error?.issues ?? []).map((issue) => sayStored(issue.message));
}

describe('plans’ refusals in words', () => {
  it('says who may take an approval step', () => {
    expect(refusalWords(mayTakeStep(step('body', { bodyName: 'Cabinet' }), facts()))).toBe(
      "Only a member of Cabinet or a performance officer can record Cabinet's approval",
    );
    expect(refusalWords(mayTakeStep(step('body'), facts()))).toBe(
      "Only a member of the governance body or a performance officer can record the governance body's approval",
    );
    expect(refusalWords(mayTakeStep(step('role', { role: 'director' }), facts()))).toBe(
      'Only a director for this plan\'s part of the organisation (or above) can approve "Director approval"',
    );
    expect(refusalWords(mayTakeStep(step('owner'), facts()))).toBe("Only the plan's owner can sign it off");
    expect(refusalWords(mayTakeStep(step('owner'), facts({ planHasOwner: false })))).toBe(
      'This plan has no owner. Set its owner before it can be signed off.',
    );
  });

  it('labels the approve buttons', () => {
    expect(say(approveLabel(step('body', { bodyName: 'Cabinet' })))).toBe('Approve as Cabinet');
    expect(say(approveLabel(step('role', { role: 'director' })))).toBe('Approve as Director');
    expect(say(approveLabel(step('owner')))).toBe('Sign off as owner');
  });

  it.each([
    ['approved', 'items', 'add', 'Items cannot be added to an approved plan: start an amendment'],
    ['archived', 'items', 'add', 'Items cannot be added to an archived plan'],
    ['in-approval', 'items', 'add', 'Items cannot be added to a plan that is in approval: return it to draft first'],
    ['superseded', 'items', 'change', 'Items cannot be changed in a superseded plan: change its current version'],
    ['archived', 'links', 'remove', 'Links cannot be removed from an archived plan'],
    ['paused', 'links', 'add', 'Links cannot be added to a plan that is paused'],
  ] as const)('says why a %s plan’s %s cannot be %s', (status, what, change, words) => {
    expect(sayStored(frozenPlanMessage(status, what, change)!)).toBe(words);
  });

  it('names the problems with a plan’s form', () => {
    const base = { planTypeId: TYPE, title: 'Plan', owningUnitId: UNIT };
    expect(zodWords(planInput, { ...base, periodStart: '', periodEnd: '2025-02-30' })).toEqual([
      'Enter the start of the period',
      'The end of the period must be a real date',
    ]);
    expect(zodWords(planInput, { ...base, periodStart: '2025-04-01', periodEnd: '2036-04-01' })).toEqual([
      'A plan period must be 10 years or shorter',
    ]);
    expect(
      zodWords(planInput, { ...base, periodStart: '2025-04-01', periodEnd: '2026-03-31', ownerPersonId: 'x' }),
    ).toEqual(['Select an owner who exists']);
    expect(
      zodWords(planUpdateInput, {
        title: 'Plan',
        owningUnitId: UNIT,
        periodStart: '2025-04-01',
        periodEnd: '2026-03-31',
        rowVersion: 1,
        sections: { vision: 'x'.repeat(20_001) },
      }),
    ).toEqual(['Each section must be 20000 characters or fewer']);
    expect(zodWords(returnInput, { reason: ' ' })).toEqual(['Enter the reasons for returning the plan']);
    expect(zodWords(amendInput, {})).toEqual(['Enter the reasons for the amendment']);
  });

  it.each([
    [
      phraseText('planRefusals.cannotHold', {
        planType: phrase('planRefusals.aType', { name: 'Team plan' }),
        itemType: phrase('planRefusals.anType', { name: 'Objective' }),
      }),
      'A Team plan cannot hold an Objective',
    ],
    [
      phraseText('planRefusals.itemHasChildren', { code: 'R1', count: phrase('planRefusals.itemsOne', { count: 1 }) }),
      'R1 cannot be removed while it contains 1 item: remove or move them first',
    ],
    [
      phraseText('planRefusals.itemHasChildren', { code: 'R1', count: phrase('planRefusals.itemsMany', { count: 3 }) }),
      'R1 cannot be removed while it contains 3 items: remove or move them first',
    ],
    [
      phraseText('planRefusals.itemHasLinks', { code: 'R1', count: phrase('planRefusals.linksOne', { count: 1 }) }),
      'R1 cannot be removed while it has 1 contribution link: remove them first',
    ],
    [
      phraseText('planRefusals.itemHasLinks', { code: 'R1', count: phrase('planRefusals.linksMany', { count: 2 }) }),
      'R1 cannot be removed while it has 2 contribution links: remove them first',
    ],
    [
      phraseText('planRefusals.cannotSitUnder', {
        type: 'Service plan',
        parent: phrase('planRefusals.planOfThatType'),
      }),
      'A Service plan cannot sit under a plan of that type',
    ],
    [
      phraseText('planRefusals.mayNotReturn', { step: phrase('planRefusals.theCurrentStep') }),
      'Only someone who can approve "the current step", or the plan\'s owner, can return it',
    ],
    [
      phraseText('planRefusals.versionOpen', { version: 2, status: 'in-approval' }),
      'Version 2 of this plan is already open (in-approval). Finish or archive it before starting another version.',
    ],
    [
      phraseText('planRefusals.typeRetired', { type: 'Team plan' }),
      'Team plans are no longer in use: select another type',
    ],
    [
      phraseText('planRefusals.unknownSections', { type: 'Team plan', sections: 'vision, money' }),
      'Team plans have no section called vision, money',
    ],
  ])('says a service’s refusal %#', (stored, words) => {
    expect(sayStored(stored)).toBe(words);
  });
});

describe('a plan’s history comments', () => {
  const comments = (...written: Parameters<typeof historyComment>[0][]) =>
    eventRows(
      written.map((comment) => ({
        at: new Date('2025-06-01T09:00:00Z'),
        action: 'approved',
        stepPosition: null,
        stepName: null,
        comment: historyComment(comment),
        actorName: 'Ann',
        version: 1,
      })),
    )
      .reverse()
      .map((row) => row.comment);

  it('says the services’ own comments as they always read', () => {
    expect(
      comments(
        phrase('planHistory.approvedNoSteps', { type: 'Team plan' }),
        phrase('planHistory.inForceFrom', { date: '2025-06-01' }),
        phrase('planHistory.supersededBy', { version: 3 }),
        phrase('planHistory.amendmentOf', { version: 2, reason: '' }),
        phrase('planHistory.amendmentOfBecause', { version: 2, reason: 'New budget' }),
        phrase('planHistory.rollForwardOf', { version: 1, reason: '' }),
        phrase('planHistory.rollForwardOfBecause', { version: 1, reason: 'Next year' }),
        phrase('planHistory.versionStarted', { version: 4, reason: '' }),
        phrase('planHistory.versionStartedBecause', { version: 4, reason: 'Next year' }),
      ),
    ).toEqual([
      'No approval steps are set for Team plans, so it was approved on submission',
      'In force from 2025-06-01',
      'Superseded by version 3',
      'Amendment of version 2',
      'Amendment of version 2: New budget',
      'Roll forward of version 1',
      'Roll forward of version 1: Next year',
      'Version 4 started',
      'Version 4 started: Next year',
    ]);
  });

  it('shows a person’s comment, and the English older rows hold, exactly as written', () => {
    const looksLikeAPhrase = storePhrase(phrase('planHistory.supersededBy', { version: 9 }));
    expect(historyComment('Agreed at {meeting}')).toBe('Agreed at {meeting}');
    expect(comments('Agreed at {meeting}', looksLikeAPhrase, '', 'Superseded by version 2')).toEqual([
      'Agreed at {meeting}',
      looksLikeAPhrase,
      '',
      'Superseded by version 2',
    ]);
  });
});
