import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../kernel/money.ts';
import { phrase, phraseText } from '../../../kernel/phrase.ts';
import { projectContribution, reportStandingOn } from './contribution.ts';
import { budgetField, projectInput, projectUpdateInput } from './project.ts';

const PERSON = '00000000-0000-4000-8000-0000000000a1';
const valid = {
  code: 'P1',
  title: 'New leisure centre',
  sponsorPersonId: PERSON,
  managerPersonId: PERSON,
  startDate: '2026-04-01',
  endDate: '2027-03-31',
  budget: '£12,500,000',
};
const report = {
  reportedOn: '2026-06-30',
  timeRag: 'green',
  costRag: 'amber',
  scopeRag: 'green',
  qualityRag: 'green',
  overallRag: 'amber',
  percentComplete: '40',
};

describe('project input', () => {
  it('reads the budget as whole pence', () => {
    const parsed = projectInput.parse(valid);
    expect(parsed.budget).toBe(1_250_000_000);
    expect(parsed.key).toBe(false);
    expect(projectInput.parse({ ...valid, budget: '' }).budget).toBeNull();
  });

  it('keeps any budget it accepts to the penny', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (pence) => {
        const typed = formatMoney(pence as never);
        expect(budgetField.parse(typed)).toBe(pence);
      }),
    );
  });

  it.each([['twelve pounds'], ['12.345'], ['-£5']])('refuses a budget of %s', (budget) => {
    const parsed = projectInput.safeParse({ ...valid, budget });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['budget']);
    expect(parsed.error?.issues[0]?.message).toMatch(/projectChecks\.budget/);
  });

  it('refuses an end before the start, naming the end date', () => {
    const parsed = projectInput.safeParse({ ...valid, endDate: '2026-03-31' });
    expect(parsed.error?.issues).toEqual([
      expect.objectContaining({ path: ['endDate'], message: phraseText('projectChecks.endBeforeStart') }),
    ]);
  });

  it('asks for a sponsor and a manager by name', () => {
    const parsed = projectInput.safeParse({ ...valid, sponsorPersonId: '', managerPersonId: undefined });
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual([
      phraseText('projectChecks.sponsor'),
      phraseText('projectChecks.manager'),
    ]);
  });
});

describe('highlight report input', () => {
  it('accepts any whole % from 0 to 100 and refuses everything else', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), (percent) => {
        const parsed = projectUpdateInput.safeParse({ ...report, percentComplete: String(percent) });
        expect(parsed.success).toBe(percent >= 0 && percent <= 100);
        if (!parsed.success) expect(parsed.error.issues[0]?.path).toEqual(['percentComplete']);
      }),
    );
    expect(projectUpdateInput.safeParse({ ...report, percentComplete: '12.5' }).success).toBe(false);
    expect(projectUpdateInput.safeParse({ ...report, percentComplete: '' }).success).toBe(false);
  });

  it('needs each of the four dimensions judged', () => {
    const parsed = projectUpdateInput.safeParse({ ...report, scopeRag: 'purple' });
    expect(parsed.error?.issues[0]).toMatchObject({
      path: ['scopeRag'],
      message: phraseText('projectChecks.rag', { dimension: phrase('projectRagFor.scope') }),
    });
  });
});

describe('what a project contributes to its plan items', () => {
  const active = { status: 'active' as const, endDate: '2027-03-31' };
  const rag = fc.constantFrom('red', 'amber', 'green' as const);

  it('closed and cancelled projects contribute nothing; proposed or unreported ones no data', () => {
    expect(
      projectContribution({ ...active, status: 'closed' }, { overallRag: 'green', timeRag: 'green' }, '2026-01-01'),
    ).toBeNull();
    expect(projectContribution({ ...active, status: 'cancelled' }, null, '2026-01-01')).toBeNull();
    expect(
      projectContribution({ ...active, status: 'proposed' }, { overallRag: 'red', timeRag: 'red' }, '2026-01-01'),
    ).toEqual({
      status: 'no-data',
      onTargetInTime: null,
    });
    expect(projectContribution(active, null, '2026-01-01')).toEqual({ status: 'no-data', onTargetInTime: null });
  });

  it('takes the overall RAG of the latest report; on target in time unless time is red or the end has passed', () => {
    fc.assert(
      fc.property(rag, rag, fc.boolean(), (overallRag, timeRag, late) => {
        const today = late ? '2027-04-01' : '2027-03-31';
        const result = projectContribution(active, { overallRag, timeRag }, today);
        expect(result).toEqual({ status: overallRag, onTargetInTime: !late && timeRag !== 'red' });
      }),
    );
  });
});

describe('the highlight report standing on a past date', () => {
  const report = (reportedOn: string, recordedOn: string, overallRag: 'red' | 'amber' | 'green') => ({
    reportedOn,
    recordedOn,
    overallRag,
    timeRag: overallRag,
  });
  const july = report('2025-07-31', '2025-08-02', 'green');
  const september = report('2025-09-30', '2025-09-30', 'red');
  const lateSeptember = report('2025-09-30', '2025-10-06', 'green');

  it('is the latest reporting on or before the date among those entered by then', () => {
    const reports = [july, september, lateSeptember];
    expect(reportStandingOn(reports, '2025-07-31')).toBeNull(); // July's was entered on 2 August
    expect(reportStandingOn(reports, '2025-08-31')).toBe(july);
    // A report for 30 September entered in October was not known at the end of September.
    expect(reportStandingOn(reports, '2025-09-30')).toBe(september);
    expect(reportStandingOn(reports, '2025-10-06')).toBe(lateSeptember);
  });

  it('is the same whatever order the reports come in', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray([july, september, lateSeptember]),
        fc.constantFrom('2025-08-31', '2025-09-30', '2025-12-31'),
        (reports, on) => {
          const inOrder = [july, september, lateSeptember].filter((r) => reports.includes(r));
          expect(reportStandingOn(reports, on)).toBe(reportStandingOn(inOrder, on));
        },
      ),
    );
  });
});
