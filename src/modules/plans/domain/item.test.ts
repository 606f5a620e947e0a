import { describe, expect, it } from 'vitest';
import { phrase, phraseText } from '../../../kernel/phrase.ts';
import { frozenPlanMessage, itemCreateInput, itemInput, itemUpdateInput, linkInput } from './item.ts';

const TYPE = '11111111-1111-4111-8111-111111111111';
const UNIT = '22222222-2222-4222-8222-222222222222';
const PARTNER = '33333333-3333-4333-8333-333333333333';

describe('item input', () => {
  it('reads a GOV.UK form: blanks are none, a lone checkbox is a list, a ticked box is true', () => {
    const parsed = itemInput.parse({
      itemTypeId: TYPE,
      parentItemId: '',
      code: ' P1 ',
      title: ' Healthy lives ',
      description: '',
      ownerPersonId: '',
      ownerUnitId: UNIT,
      partnerIds: PARTNER,
      throughPartnership: 'yes',
    });
    expect(parsed).toEqual({
      itemTypeId: TYPE,
      parentItemId: null,
      code: 'P1',
      title: 'Healthy lives',
      description: '',
      ownerPersonId: null,
      ownerUnitId: UNIT,
      partnerIds: [PARTNER],
      throughPartnership: true,
    });
    expect(itemInput.parse({ itemTypeId: TYPE, code: 'P2', title: 'x', ownerUnitId: UNIT }).throughPartnership).toBe(
      false,
    );
  });

  it('names each problem', () => {
    const result = itemInput.safeParse({ itemTypeId: 'nope', code: 'bad code!', title: '' });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join('.'), issue.message]));
    expect(messages).toMatchObject({
      itemTypeId: phraseText('planChecks.itemType'),
      code: phraseText('planChecks.itemCodeLetters'),
      title: phraseText('inputs.enter', { label: phrase('fieldNames.aTitle') }),
    });
  });

  it('needs an owner, a person or a unit or both', () => {
    const result = itemInput.safeParse({ itemTypeId: TYPE, code: 'A', title: 'x' });
    expect(result.error?.issues[0]).toMatchObject({ path: ['ownerPersonId'] });
    expect(itemInput.safeParse({ itemTypeId: TYPE, code: 'A', title: 'x', ownerPersonId: UNIT }).success).toBe(true);
  });

  it('refuses the same partner twice', () => {
    const result = itemInput.safeParse({
      itemTypeId: TYPE,
      code: 'A',
      title: 'x',
      ownerUnitId: UNIT,
      partnerIds: [PARTNER, PARTNER],
    });
    expect(result.error?.issues[0]).toMatchObject({
      path: ['partnerIds'],
      message: phraseText('planChecks.partnerOnce'),
    });
  });

  it('needs the plan to create and the row version to update', () => {
    const base = { itemTypeId: TYPE, code: 'A', title: 'x', ownerUnitId: UNIT };
    expect(itemCreateInput.safeParse(base).success).toBe(false);
    expect(itemCreateInput.safeParse({ ...base, planId: UNIT }).success).toBe(true);
    expect(itemUpdateInput.safeParse(base).success).toBe(false);
    expect(itemUpdateInput.parse({ ...base, rowVersion: '3' }).rowVersion).toBe(3);
  });
});

describe('link input', () => {
  it('accepts direct and indirect only', () => {
    expect(linkInput.parse({ toItemId: TYPE, kind: 'indirect' })).toEqual({ toItemId: TYPE, kind: 'indirect' });
    expect(linkInput.safeParse({ toItemId: TYPE, kind: 'sideways' }).error?.issues[0]?.message).toBe(
      phraseText('planChecks.linkKind'),
    );
  });
});

describe('frozen plans (the words: plans/refusal-words.test.ts)', () => {
  const items = { what: phrase('planRefusals.frozenWhat.items'), verb: phrase('planRefusals.frozenVerb.add') };
  it.each([
    ['draft', null],
    ['approved', phraseText('planRefusals.frozen.approved', items)],
    ['archived', phraseText('planRefusals.frozen.archived', items)],
    ['superseded', phraseText('planRefusals.frozen.superseded', items)],
    ['submitted', phraseText('planRefusals.frozen.inApproval', items)],
    ['in-approval', phraseText('planRefusals.frozen.inApproval', items)],
    ['paused', phraseText('planRefusals.frozen.other', { ...items, status: 'paused' })],
  ])('%s', (status, message) => {
    expect(frozenPlanMessage(status, 'items', 'add')).toBe(message);
  });

  it('names links and the change asked for', () => {
    expect(frozenPlanMessage('archived', 'links', 'remove')).toBe(
      phraseText('planRefusals.frozen.archived', {
        what: phrase('planRefusals.frozenWhat.links'),
        verb: phrase('planRefusals.frozenVerb.remove'),
      }),
    );
  });
});
