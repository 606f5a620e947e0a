import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readStoredPhrase } from '../../../kernel/phrase.ts';
import { checkRequestChange, daysLate, decisionProblems, isOverdue, nextNotice, requestDueProblems } from './rules.ts';

const codes = (problems: { message: string }[]) => problems.map((p) => readStoredPhrase(p.message)?.code);

describe('a decision on an agenda item', () => {
  const held = { meetingDate: '2027-01-20', today: '2027-01-20', onwardMeetingDate: null };

  it('is taken at or after the meeting, with its minute reference', () => {
    expect(decisionProblems({ outcome: 'agreed', minuteReference: 'CAB/23', onwardMeetingId: null }, held)).toEqual([]);
    expect(
      codes(
        decisionProblems(
          { outcome: 'agreed', minuteReference: ' ', onwardMeetingId: null },
          { ...held, today: '2027-01-19' },
        ),
      ),
    ).toEqual(['committees.problem.decisionBeforeMeeting', 'committees.problem.minuteReferenceNeeded']);
  });

  it('refers an item on only to a later meeting, and only when referred or deferred', () => {
    const later = { ...held, onwardMeetingDate: '2027-02-10' };
    expect(decisionProblems({ outcome: 'referred', minuteReference: 'P/4', onwardMeetingId: 'm' }, later)).toEqual([]);
    expect(
      codes(decisionProblems({ outcome: 'referred', minuteReference: 'P/4', onwardMeetingId: null }, held)),
    ).toEqual(['committees.problem.referredNeedsMeeting']);
    expect(
      codes(
        decisionProblems(
          { outcome: 'referred', minuteReference: 'P/4', onwardMeetingId: 'm' },
          { ...held, onwardMeetingDate: '2027-01-20' },
        ),
      ),
    ).toEqual(['committees.problem.onwardMeetingBefore']);
    expect(codes(decisionProblems({ outcome: 'agreed', minuteReference: 'P/4', onwardMeetingId: 'm' }, later))).toEqual(
      ['committees.problem.onlyReferredGoOn'],
    );
    // Deferred needs no minute and may go on to a named meeting or wait for one.
    expect(decisionProblems({ outcome: 'deferred', minuteReference: '', onwardMeetingId: null }, held)).toEqual([]);
  });
});

describe('a member’s request', () => {
  it('is due today or later', () => {
    expect(requestDueProblems('2027-01-20', '2027-01-20')).toEqual([]);
    expect(codes(requestDueProblems('2027-01-19', '2027-01-20'))).toEqual(['committees.problem.dueInPast']);
  });

  it('is answered only while open, closed once, sent back only once answered', () => {
    expect(checkRequestChange('open', 'answer')).toBeNull();
    expect(checkRequestChange('answered', 'answer')).not.toBeNull();
    expect(checkRequestChange('answered', 'close')).toBeNull();
    expect(checkRequestChange('open', 'close')).toBeNull();
    expect(checkRequestChange('closed', 'close')).not.toBeNull();
    expect(checkRequestChange('answered', 'reopen')).toBeNull();
    expect(checkRequestChange('open', 'reopen')).not.toBeNull();
  });

  it('is overdue only while open after its due date, by the days since', () => {
    expect(isOverdue({ status: 'open', dueOn: '2027-01-19' }, '2027-01-20')).toBe(true);
    expect(isOverdue({ status: 'answered', dueOn: '2027-01-01' }, '2027-01-20')).toBe(false);
    expect(daysLate({ status: 'open', dueOn: '2027-01-10' }, '2027-01-20')).toBe(10);
    expect(daysLate({ status: 'open', dueOn: '2027-01-20' }, '2027-01-20')).toBe(0);
  });

  it('reminds once when late and escalates once at the threshold, never before it is late', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30, max: 60 }), fc.boolean(), fc.boolean(), (late, reminded, escalated) => {
        const today = '2027-03-01';
        const dueOn = new Date(Date.parse(`${today}T00:00:00Z`) - late * 86_400_000).toISOString().slice(0, 10);
        const notice = nextNotice(
          { status: 'open', dueOn, remindedOn: reminded ? today : null, escalatedOn: escalated ? today : null },
          today,
          10,
        );
        if (late <= 0) return notice === null;
        if (late >= 10 && !escalated) return notice === 'escalate';
        return notice === (reminded ? null : 'remind');
      }),
    );
  });
});
