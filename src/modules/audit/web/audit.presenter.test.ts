import { describe, expect, it } from 'vitest';
import { phraseText } from '../../../kernel/phrase.ts';
import type { AuditEvent } from '../audit.service.ts';
import {
  auditCsv,
  auditHref,
  changeLines,
  entityHref,
  humanise,
  paginationFor,
  presentAuditEvent,
  readableValue,
} from './audit.presenter.ts';

describe('audit presenter', () => {
  it.each([
    ['an update shows only what changed', { name: 'Old', code: 'A' }, { name: 'New', code: 'A' }, ['Name: Old → New']],
    [
      'a creation lists its values',
      null,
      { name: 'Libraries', parentId: null },
      ['Name: Libraries', 'Parent id: (blank)'],
    ],
    ['a removal lists what it held', { name: 'Gone' }, null, ['Name: Gone → (removed)']],
    ['a field that appears', { name: 'A' }, { name: 'A', headPersonId: 'p1' }, ['Head person id: (blank) → p1']],
    [
      'lists and flags read as words',
      { tags: ['a'], active: true },
      { tags: ['a', 'b'], active: false },
      ['Tags: a → a, b', 'Active: yes → no'],
    ],
    ['a bare value', 'draft', 'approved', ['draft → approved']],
    ['nothing at all', null, null, []],
  ])('%s', (_name, before, after, lines) => {
    expect(changeLines(before, after)).toEqual(lines);
  });

  it('shows an id by the name of its record, in single values and lists, and an unknown id as itself', () => {
    const names = new Map([
      ['p1', 'Priya Shah'],
      ['u1', 'Housing'],
    ]);
    expect(changeLines({ headPersonId: null }, { headPersonId: 'p1' }, names)).toEqual([
      'Head person id: (blank) → Priya Shah',
    ]);
    expect(readableValue(['u1', 'u2'], names)).toBe('Housing, u2');
  });

  it('cuts long values and shows nested objects compactly', () => {
    expect(readableValue('x'.repeat(500))).toHaveLength(120);
    expect(readableValue({ a: 1 })).toBe('{"a":1}');
    expect(readableValue([])).toBe('(none)');
  });

  it.each([
    // The reasons money and the imports write as phrases, in the English they were stored in before.
    [
      phraseText('moneyAudit.reprofileApproved', { amount: '£250,000.00', from: 2025, to: 2026 }),
      'Reprofile approved: £250,000.00 from 2025 to 2026',
    ],
    [phraseText('moneyAudit.revenueImported'), 'Imported from the finance system’s extract'],
    [phraseText('moneyAudit.capitalImported'), 'Imported from the capital programme file'],
    [phraseText('importAudit.imported', { file: 'values.csv' }), 'Imported values.csv'],
    [
      phraseText('importAudit.approvedHistory', { file: 'values.csv' }),
      'Imported from values.csv and approved as history by the person importing it',
    ],
    // What a person typed, and the English older rows hold, as it is.
    ['Restructure agreed by Cabinet', 'Restructure agreed by Cabinet'],
    ['Imported values.csv', 'Imported values.csv'],
    ['Imported from the finance system’s extract', 'Imported from the finance system’s extract'],
    ['', ''],
  ])('says a stored reason in words, and shows typed or older English as it is: %s', (reason, said) => {
    const event: AuditEvent = {
      id: 1,
      at: new Date('2025-06-01T09:00:00Z'),
      actorPersonId: null,
      actorLabel: 'Alice Adams',
      entityType: 'budget-line',
      entityId: 'x',
      action: 'update',
      oldValue: null,
      newValue: null,
      reason,
      chainSeq: 1,
      prevHash: '0',
      hash: '1',
    };
    expect(presentAuditEvent(event).reason).toBe(said);
  });

  it.each([
    // What acted for no person is a stored phrase, said in the English such rows held before.
    [null, phraseText('auditActors.escalationJob'), 'Escalation job'],
    [null, phraseText('auditActors.signInPage'), 'Someone at the sign-in page'],
    // An older row's English, and a person's name, as they are.
    [null, 'Escalation job', 'Escalation job'],
    ['0b0b0b0b-0000-4000-8000-000000000001', 'Alice Adams', 'Alice Adams'],
  ])('says who acted on the page and in the export: %s %s', (actorPersonId, actorLabel, said) => {
    const event: AuditEvent = {
      id: 7,
      at: new Date('2025-06-01T09:00:00Z'),
      actorPersonId,
      actorLabel,
      entityType: 'action',
      entityId: 'x',
      action: 'escalate',
      oldValue: null,
      newValue: null,
      reason: '',
      chainSeq: 1,
      prevHash: '0',
      hash: '1',
    };
    expect(presentAuditEvent(event).who).toBe(said);
    const [, row] = auditCsv([event], new Map())
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(row!.split(',')[1]).toBe(said);
  });

  it('names things in words', () => {
    expect(humanise('governance-body')).toBe('Governance body');
    expect(humanise('headPersonId')).toBe('Head person id');
  });

  it('links only entity types that have a page, and only real ids', () => {
    const id = '0b0b0b0b-0000-4000-8000-000000000001';
    expect(entityHref('unit', id)).toBe(`/units/${id}`);
    expect(entityHref('plan', id)).toBe(`/plans/${id}`);
    expect(entityHref('session', id)).toBeUndefined();
    expect(entityHref('unit', 'not-an-id')).toBeUndefined();
  });

  it('builds filter links without blanks or page 1', () => {
    expect(auditHref({ entityType: 'unit', actor: '', page: 1 })).toBe('/audit?entityType=unit');
    expect(auditHref({ page: 3 })).toBe('/audit?page=3');
    expect(auditHref({})).toBe('/audit');
  });

  it('paginates with the first, last and neighbouring pages, and ellipses between', () => {
    expect(paginationFor(1, 1, String)).toBeUndefined();
    const middle = paginationFor(5, 9, (n) => `/p${n}`)!;
    expect(middle.previous).toEqual({ href: '/p4' });
    expect(middle.next).toEqual({ href: '/p6' });
    expect(middle.items.map((i) => ('ellipsis' in i ? '…' : `${i.number}${i.current ? '*' : ''}`))).toEqual([
      '1',
      '…',
      '4',
      '5*',
      '6',
      '…',
      '9',
    ]);
    const first = paginationFor(1, 2, (n) => `/p${n}`)!;
    expect(first.previous).toBeUndefined();
    expect(first.items).toHaveLength(2);
  });
});
