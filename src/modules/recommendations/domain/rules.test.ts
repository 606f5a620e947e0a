import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ageBand,
  ageingOf,
  checkDueDate,
  checkResponse,
  checkRevision,
  checkStatusChange,
  checkStillOpen,
  daysBetween,
} from './rules.ts';
import { STATUSES, type Status } from './vocabulary.ts';

const isoDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

describe('ageing', () => {
  it.each([
    ['2026-01-01', '2026-03-31', 'under-3-months'],
    ['2026-01-01', '2026-04-01', '3-to-6-months'],
    ['2026-01-01', '2026-07-01', '6-to-12-months'],
    ['2026-01-01', '2026-12-31', '6-to-12-months'],
    ['2026-01-01', '2027-01-01', 'over-12-months'],
  ])('raised on %s, on %s it is in the band %s', (raisedOn, asOf, band) => {
    expect(ageBand(raisedOn, asOf)).toBe(band);
  });

  it('is overdue only while live and past its due date', () => {
    const facts = { raisedOn: '2025-09-01', dueDate: '2026-01-31', finishedOn: null };
    expect(ageingOf({ ...facts, status: 'open' }, '2026-01-31')).toMatchObject({ overdue: false, daysOverdue: 0 });
    expect(ageingOf({ ...facts, status: 'in-progress' }, '2026-02-02')).toMatchObject({
      overdue: true,
      daysOverdue: 2,
    });
    expect(ageingOf({ ...facts, status: 'implemented', finishedOn: '2026-02-01' }, '2026-06-01')).toMatchObject({
      overdue: false,
      daysOpen: 153,
    });
    expect(ageingOf({ ...facts, dueDate: null, status: 'open' }, '2027-01-01').overdue).toBe(false);
  });

  it('stops ageing when finished with, and never counts a negative age', () => {
    fc.assert(
      fc.property(isoDate, isoDate, isoDate, fc.constantFrom(...STATUSES), (raisedOn, finishedOn, today, status) => {
        const ageing = ageingOf({ raisedOn, dueDate: null, status, finishedOn }, today);
        expect(ageing.daysOpen).toBeGreaterThanOrEqual(0);
        if (status === 'open' || status === 'in-progress') {
          expect(ageing.daysOpen).toBe(Math.max(0, daysBetween(raisedOn, today)));
        } else {
          expect(ageing.daysOpen).toBe(Math.max(0, daysBetween(raisedOn, finishedOn)));
          expect(ageing.overdue).toBe(false);
        }
      }),
    );
  });

  it('days overdue are the days past the due date for a live recommendation', () => {
    fc.assert(
      fc.property(isoDate, isoDate, (dueDate, today) => {
        const ageing = ageingOf({ raisedOn: '2000-01-01', dueDate, status: 'open', finishedOn: null }, today);
        expect(ageing.daysOverdue).toBe(Math.max(0, daysBetween(dueDate, today)));
        expect(ageing.overdue).toBe(today > dueDate);
      }),
    );
  });
});

describe('what may change', () => {
  const codes = (breach: { field: string; reason: { code: string } } | null) =>
    breach && { field: breach.field, code: breach.reason.code.replace('recommendations.refusals.', '') };

  it('refuses a due date before the report', () => {
    expect(codes(checkDueDate('dueDate', '2025-08-31', '2025-09-01'))).toEqual({
      field: 'dueDate',
      code: 'dueBeforeReport',
    });
    expect(checkDueDate('dueDate', '2025-09-01', '2025-09-01')).toBeNull();
    expect(checkDueDate('dueDate', null, '2025-09-01')).toBeNull();
  });

  it.each([
    ['accepted', '', null],
    ['rejected', '', 'rejectedNeedsReason'],
    ['rejected', 'Too costly for the benefit', null],
    ['partly-accepted', '  ', 'partly-acceptedNeedsReason'],
  ] as const)('a response %s with reason "%s" → %s', (response, reason, code) => {
    expect(codes(checkResponse(response, reason))?.code ?? null).toBe(code);
  });

  it.each([
    [{ reason: '', bodyId: null, decisionReference: '' }, 'revisionNeedsReason'],
    [{ reason: 'Delay', bodyId: 'b', decisionReference: '' }, 'extensionNeedsReference'],
    [{ reason: 'Delay', bodyId: null, decisionReference: 'Minute 4' }, 'referenceNeedsBody'],
    [{ reason: 'Delay', bodyId: null, decisionReference: '', newDueDate: '2026-01-31' }, 'revisionSameDate'],
    [{ reason: 'Delay', bodyId: null, decisionReference: '', newDueDate: '2025-01-01' }, 'dueBeforeReport'],
    [{ reason: 'Delay', bodyId: 'b', decisionReference: 'Minute 4' }, null],
  ])('a revision %j → %s', (revision, code) => {
    const breach = checkRevision(
      { newDueDate: '2026-06-30', ...revision },
      { dueDate: '2026-01-31', reportDate: '2025-09-01' },
    );
    expect(codes(breach)?.code ?? null).toBe(code);
  });

  const change = (from: Status, to: Status, extra: { evidence?: string; note?: string } = {}) => ({
    from,
    to,
    evidence: extra.evidence ?? '',
    note: extra.note ?? '',
  });
  const accepted = { response: 'accepted' as const, actions: [] };

  it.each([
    [change('open', 'closed'), accepted, 'closeNeedsEvidence'],
    [change('open', 'closed', { evidence: 'Audit follow-up confirmed' }), accepted, null],
    [change('open', 'superseded'), accepted, 'supersededNeedsReason'],
    [change('open', 'open'), accepted, 'sameStatus'],
    [change('open', 'in-progress'), { response: null, actions: [] }, 'respondFirst'],
    [change('open', 'implemented'), { response: 'rejected' as const, actions: [] }, 'rejectedNotImplemented'],
    [
      change('open', 'closed', { evidence: 'Rejected, reported to committee' }),
      { response: 'rejected' as const, actions: [] },
      null,
    ],
    [
      change('in-progress', 'implemented'),
      { response: 'accepted' as const, actions: [{ code: 'A1', finished: false }] },
      'actionsUnfinished',
    ],
    [
      change('in-progress', 'implemented'),
      { response: 'accepted' as const, actions: [{ code: 'A1', finished: true }] },
      null,
    ],
  ])('%j with %j → %s', (proposed, context, code) => {
    expect(codes(checkStatusChange(proposed, context))?.code ?? null).toBe(code);
  });

  it('refuses every change to a closed or superseded recommendation, and none to a live one', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STATUSES), fc.constantFrom(...STATUSES), (from, to) => {
        const finished = from === 'closed' || from === 'superseded';
        expect(checkStillOpen(from) !== null).toBe(finished);
        const breach = checkStatusChange(change(from, to, { evidence: 'e', note: 'n' }), accepted);
        if (finished) expect(codes(breach)?.code).toBe('alreadyFinished');
        else expect(breach === null).toBe(from !== to);
      }),
    );
  });
});
