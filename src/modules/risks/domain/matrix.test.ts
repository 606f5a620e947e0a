import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bandIndexOf,
  bandOf,
  DEFAULT_MATRIX,
  DEFAULT_MATRIX_4,
  matrixChangeKind,
  matrixProblems,
  possibleScores,
  scoreOf,
  type Matrix,
} from './matrix.ts';

const matrices = [DEFAULT_MATRIX, DEFAULT_MATRIX_4];
const ratingOn = (size: number) =>
  fc.record({ likelihood: fc.integer({ min: 1, max: size }), impact: fc.integer({ min: 1, max: size }) });

/** A well-formed matrix of either size with random cut points between its bands. */
const wellFormedMatrix = fc.constantFrom(4, 5).chain((size) =>
  // Each band ends on a score the matrix can give, so every band holds one.
  fc.uniqueArray(fc.constantFrom(...possibleScores(size).slice(0, -1)), { maxLength: 4 }).map((cuts): Matrix => {
    const edges = [...cuts].sort((a, b) => a - b);
    const bands = [0, ...edges].map((start, index) => ({
      label: `Band ${index + 1}`,
      colour: 'green' as const,
      from: start + 1,
      to: edges[index] ?? size * size,
    }));
    const base = size === 5 ? DEFAULT_MATRIX : DEFAULT_MATRIX_4;
    return { ...base, bands };
  }),
);

describe('the risk matrix', () => {
  it('scores a rating as likelihood × impact, within 1 to size²', () => {
    fc.assert(
      fc.property(fc.constantFrom(4, 5).chain(ratingOn), (rating) => {
        expect(scoreOf(rating)).toBe(rating.likelihood * rating.impact);
        expect(scoreOf(rating)).toBeGreaterThanOrEqual(1);
        expect(scoreOf(rating)).toBeLessThanOrEqual(25);
      }),
    );
  });

  it.each(matrices)('the default $size×$size matrix is well formed', (matrix) => {
    expect(matrixProblems(matrix)).toEqual([]);
  });

  it('puts the example scores in the bands the council chose', () => {
    expect([1, 4, 5, 9, 10, 16, 20, 25].map((s) => bandOf(DEFAULT_MATRIX, s).label)).toEqual([
      'Low',
      'Low',
      'Medium',
      'Medium',
      'High',
      'High',
      'Very high',
      'Very high',
    ]);
  });

  it('finds a band for every score of a well-formed matrix, the one whose range holds it, never lower for a higher score', () => {
    fc.assert(
      fc.property(wellFormedMatrix, (matrix) => {
        expect(matrixProblems(matrix)).toEqual([]);
        let previous = -1;
        for (let score = 1; score <= matrix.size * matrix.size; score++) {
          const band = bandOf(matrix, score);
          expect(score).toBeGreaterThanOrEqual(band.from);
          expect(score).toBeLessThanOrEqual(band.to);
          expect(bandIndexOf(matrix, score)).toBeGreaterThanOrEqual(previous);
          previous = bandIndexOf(matrix, score);
        }
      }),
    );
  });

  it('refuses bands with a gap, an overlap, a wrong end or no score inside', () => {
    const codes = (bands: Matrix['bands']) => matrixProblems({ ...DEFAULT_MATRIX, bands }).map((p) => p.said.code);
    expect(
      codes([
        { label: 'A', colour: 'green', from: 1, to: 4 },
        { label: 'B', colour: 'red', from: 6, to: 25 },
      ]),
    ).toEqual(['risks.matrixErrors.bandGap']);
    expect(
      codes([
        { label: 'A', colour: 'green', from: 1, to: 4 },
        { label: 'B', colour: 'red', from: 3, to: 25 },
      ]),
    ).toEqual(['risks.matrixErrors.bandGap']);
    expect(codes([{ label: 'A', colour: 'green', from: 1, to: 20 }])).toEqual(['risks.matrixErrors.bandsEnd']);
    expect(
      codes([
        { label: 'A', colour: 'green', from: 1, to: 16 },
        { label: 'B', colour: 'red', from: 17, to: 19 },
        { label: 'C', colour: 'red', from: 20, to: 25 },
      ]),
    ).toEqual(['risks.matrixErrors.bandEmpty']);
  });

  it('refuses a scale whose points do not match the size', () => {
    const problems = matrixProblems({ ...DEFAULT_MATRIX, size: 4 });
    expect(problems.map((p) => p.field)).toContain('likelihood');
  });

  it('lists the scores a matrix can give', () => {
    expect(possibleScores(4)).toEqual([1, 2, 3, 4, 6, 8, 9, 12, 16]);
  });

  it('never revises a version an assessment uses: a change to it is a new version', () => {
    fc.assert(
      fc.property(fc.nat(1000), (used) => {
        expect(matrixChangeKind(used)).toBe(used === 0 ? 'revise' : 'new-version');
      }),
    );
  });
});
