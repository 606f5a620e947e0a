import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moneyFromPence, sumMoney } from '../../../kernel/money.ts';
import { readStoredPhrase } from '../../../kernel/phrase.ts';
import { FUNDING_SOURCES } from './capital.ts';
import {
  applyReprofile,
  checkReprofileDecision,
  checkReprofileRequest,
  EMPTY_FUNDING,
  slippageAfterReprofile,
  type Funding,
} from './reprofile.ts';

const m = moneyFromPence;
const request = { fromYear: 2026, toYear: 2027, amount: m(250_000_00), reason: 'Planning consent delayed' };
const fieldsOf = (errors: { field?: string }[]) => errors.map((error) => error.field);

describe('a reprofile request', () => {
  it('is accepted when it moves part of the year’s budget into a later year with a reason', () => {
    expect(checkReprofileRequest(request, m(1_000_000_00))).toEqual([]);
    expect(checkReprofileRequest({ ...request, amount: m(1_000_000_00) }, m(1_000_000_00))).toEqual([]);
  });

  it('names each problem: more than the year holds, a to-year not later, no reason, nothing to move', () => {
    expect(fieldsOf(checkReprofileRequest({ ...request, amount: m(1_000_000_01) }, m(1_000_000_00)))).toEqual([
      'amount',
    ]);
    expect(readStoredPhrase(checkReprofileRequest({ ...request, toYear: 2026 }, m(1_000_000_00))[0]!.message)).toEqual({
      code: 'capitalReprofile.toYearNotLater',
    });
    expect(fieldsOf(checkReprofileRequest({ ...request, toYear: 2025 }, m(1_000_000_00)))).toEqual(['toYear']);
    expect(fieldsOf(checkReprofileRequest({ ...request, reason: '  ' }, m(1_000_000_00)))).toEqual(['reason']);
    expect(fieldsOf(checkReprofileRequest({ ...request, amount: m(0) }, m(1_000_000_00)))).toEqual(['amount']);
    expect(fieldsOf(checkReprofileRequest(request, null))).toEqual(['fromYear']);
  });
});

describe('deciding a reprofile', () => {
  const pending = { status: 'pending' as const, requestedBy: 'p1', decidedBy: 'p2', approve: true, reason: '' };

  it('lets someone other than the requester approve, or reject with a reason', () => {
    expect(checkReprofileDecision(pending)).toEqual([]);
    expect(checkReprofileDecision({ ...pending, approve: false, reason: 'No evidence of delay' })).toEqual([]);
  });

  it('refuses approving one’s own request, deciding twice and rejecting without a reason', () => {
    expect(checkReprofileDecision({ ...pending, decidedBy: 'p1' })[0]?.code).toBe('forbidden');
    expect(checkReprofileDecision({ ...pending, status: 'approved' })[0]?.code).toBe('invalid_state');
    expect(checkReprofileDecision({ ...pending, status: 'rejected' })[0]?.code).toBe('invalid_state');
    expect(checkReprofileDecision({ ...pending, approve: false })[0]?.field).toBe('reason');
  });
});

const pence = fc.integer({ min: 0, max: 1e10 }).map(m);
/** A year whose funding sources add up to its budget, as every stored year's must. */
const fundedYear: fc.Arbitrary<Funding> = fc
  .tuple(pence, pence, pence, pence)
  .map(([borrowing, grants, receipts, revenueContributions]) => ({
    borrowing,
    grants,
    receipts,
    revenueContributions,
    budget: sumMoney([borrowing, grants, receipts, revenueContributions]),
  }));
const fundingOf = (year: Funding) => sumMoney(FUNDING_SOURCES.map((source) => year[source]));

describe('applying a reprofile', () => {
  it('moves the budget and its funding, taking funding from the sources in order', () => {
    const from = { budget: m(1000), borrowing: m(300), grants: m(700), receipts: m(0), revenueContributions: m(0) };
    const moved = applyReprofile(from, EMPTY_FUNDING, m(400));
    expect(moved).toEqual({
      ok: true,
      value: {
        from: { budget: 600, borrowing: 0, grants: 600, receipts: 0, revenueContributions: 0 },
        to: { budget: 400, borrowing: 300, grants: 100, receipts: 0, revenueContributions: 0 },
      },
    });
    expect(applyReprofile(from, EMPTY_FUNDING, m(1001)).ok).toBe(false);
  });

  it('leaves the budget total and each source’s total unchanged, and each year still fully funded', () => {
    fc.assert(
      fc.property(fundedYear, fundedYear, fc.double({ min: 0, max: 1, noNaN: true }), (from, to, share) => {
        const amount = m(Math.max(1, Math.floor(from.budget * share)));
        fc.pre(from.budget > 0);
        const moved = applyReprofile(from, to, amount);
        if (!moved.ok) throw new Error(moved.error.message);
        expect(moved.value.from.budget + moved.value.to.budget).toBe(from.budget + to.budget);
        expect(moved.value.from.budget).toBe(from.budget - amount);
        for (const source of FUNDING_SOURCES) {
          expect(moved.value.from[source] + moved.value.to[source]).toBe(from[source] + to[source]);
          expect(moved.value.from[source]).toBeGreaterThanOrEqual(0);
        }
        expect(fundingOf(moved.value.from)).toBe(moved.value.from.budget);
        expect(fundingOf(moved.value.to)).toBe(moved.value.to.budget);
      }),
    );
  });
});

describe('slippage after a reprofile', () => {
  it('falls by the amount moved, never below nothing, so the from-year’s variance is unchanged when it covered the move', () => {
    expect(slippageAfterReprofile(m(500), m(200))).toBe(300);
    expect(slippageAfterReprofile(m(100), m(200))).toBe(0);
    expect(slippageAfterReprofile(m(0), m(200))).toBe(0);
  });
});
