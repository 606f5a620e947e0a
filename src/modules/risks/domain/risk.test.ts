import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MATRIX, DEFAULT_MATRIX_4, scoreOf } from './matrix.ts';
import { heatMapOf } from './heat-map.ts';
import {
  isBeyondAppetite,
  isReviewOverdue,
  movementBetween,
  nextReviewAfter,
  previousQuarterEnd,
  reviewDateProblem,
  scoreProblems,
  type Scores,
} from './risk.ts';

const r = (likelihood: number, impact: number) => ({ likelihood, impact });

describe('assessment scores', () => {
  it('accepts scores on the matrix with a target no higher than the inherent score', () => {
    expect(scoreProblems(DEFAULT_MATRIX, { inherent: r(5, 5), current: r(4, 4), target: r(2, 3) })).toEqual([]);
  });

  it('refuses a likelihood or impact off the matrix, naming the field', () => {
    const problems = scoreProblems(DEFAULT_MATRIX_4, { inherent: r(5, 4), current: r(2, 0), target: r(1, 1) });
    expect(problems.map((p) => p.field)).toEqual(['inherentLikelihood', 'currentImpact']);
    expect(problems[0]!.said).toMatchObject({
      code: 'risks.errors.likelihoodOffMatrix',
      params: { value: 5, size: 4 },
    });
  });

  it('refuses a target above the inherent score whatever the ratings', () => {
    const rating = fc.record({ likelihood: fc.integer({ min: 1, max: 5 }), impact: fc.integer({ min: 1, max: 5 }) });
    fc.assert(
      fc.property(rating, rating, rating, (inherent, current, target) => {
        const scores: Scores = { inherent, current, target };
        const refused = scoreProblems(DEFAULT_MATRIX, scores).some(
          (p) => p.said.code === 'risks.errors.targetAboveInherent',
        );
        expect(refused).toBe(scoreOf(target) > scoreOf(inherent));
      }),
    );
  });
});

describe('reviews', () => {
  it('refuses a review date in the past, accepts today', () => {
    expect(reviewDateProblem('2026-12-04', '2026-12-05')?.said.code).toBe('risks.errors.reviewInPast');
    expect(reviewDateProblem('2026-12-05', '2026-12-05')).toBeNull();
  });

  it.each([
    ['2026-01-31', 'monthly', '2026-02-28'],
    ['2026-11-15', 'quarterly', '2027-02-15'],
    ['2026-08-31', 'six-monthly', '2027-02-28'],
  ] as const)('the review after %s, %s, is %s', (from, frequency, expected) => {
    expect(nextReviewAfter(from, frequency)).toBe(expected);
  });

  it('flags an open risk whose review date has passed, never a closed one', () => {
    expect(isReviewOverdue({ status: 'open', nextReviewOn: '2026-12-04' }, '2026-12-05')).toBe(true);
    expect(isReviewOverdue({ status: 'open', nextReviewOn: '2026-12-05' }, '2026-12-05')).toBe(false);
    expect(isReviewOverdue({ status: 'closed', nextReviewOn: '2026-01-01' }, '2026-12-05')).toBe(false);
  });
});

describe('appetite, escalation and quarters', () => {
  it('is beyond appetite only above the maximum the council accepts', () => {
    expect(isBeyondAppetite(10, 9)).toBe(true);
    expect(isBeyondAppetite(9, 9)).toBe(false);
    expect(isBeyondAppetite(25, null)).toBe(false);
  });

  it('escalates towards strategic and de-escalates away from it', () => {
    expect(movementBetween('service', 'directorate')).toBe('escalate');
    expect(movementBetween('directorate', 'strategic')).toBe('escalate');
    expect(movementBetween('strategic', 'project')).toBe('de-escalate');
    expect(movementBetween('project', 'service')).toBe('sideways');
  });

  it.each([
    ['2026-12-05', '2026-09-30'],
    ['2026-01-01', '2025-12-31'],
    ['2026-04-01', '2026-03-31'],
    ['2026-06-30', '2026-03-31'],
  ])('the quarter before %s ended on %s', (today, expected) => {
    expect(previousQuarterEnd(today)).toBe(expected);
  });
});

describe('the heat map', () => {
  it('counts every rating once, in its cell, highest likelihood first', () => {
    const rating = fc.record({ likelihood: fc.integer({ min: 1, max: 5 }), impact: fc.integer({ min: 1, max: 5 }) });
    fc.assert(
      fc.property(fc.array(rating, { maxLength: 60 }), (ratings) => {
        const map = heatMapOf(DEFAULT_MATRIX, ratings);
        const counted = map.rows.flat().reduce((sum, cell) => sum + cell.count, 0);
        expect(counted).toBe(ratings.length);
        expect(map.rows[0]![0]!.likelihood).toBe(5);
        for (const cell of map.rows.flat()) {
          expect(cell.count).toBe(
            ratings.filter((x) => x.likelihood === cell.likelihood && x.impact === cell.impact).length,
          );
        }
      }),
    );
  });

  it('counts ratings off a smaller matrix apart, so the total still adds up', () => {
    const map = heatMapOf(DEFAULT_MATRIX_4, [r(5, 5), r(1, 1)]);
    expect(map.offMatrix).toBe(1);
    expect(map.total).toBe(2);
  });
});
