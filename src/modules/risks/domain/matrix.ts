/**
 * The council's risk matrix: likelihood and impact scales (4 or 5 points, each with its words),
 * and score bands over likelihood × impact. Pure rules: the score of an assessment, the band a
 * score falls in, and whether a matrix is well formed (bands cover every score once, in order).
 */
import { phrase, type Phrase } from '../../../kernel/phrase.ts';

export const MATRIX_SIZES = [4, 5] as const;
export type MatrixSize = (typeof MATRIX_SIZES)[number];

/** Tag colours a band may take (GOV.UK tag colours). */
export const BAND_COLOURS = ['green', 'yellow', 'orange', 'red', 'purple'] as const;
export type BandColour = (typeof BAND_COLOURS)[number];

export interface ScalePoint {
  label: string;
  description: string;
}

export interface Band {
  label: string;
  colour: BandColour;
  /** The lowest score in the band (inclusive). */
  from: number;
  /** The highest score in the band (inclusive). */
  to: number;
}

export interface Matrix {
  size: MatrixSize;
  /** Point 1 first. */
  likelihood: ScalePoint[];
  impact: ScalePoint[];
  /** Lowest scores first. */
  bands: Band[];
}

export interface Rating {
  likelihood: number;
  impact: number;
}

export const DEFAULT_MATRIX: Matrix = {
  size: 5,
  likelihood: [
    { label: 'Rare', description: 'May happen only in exceptional circumstances (under 5% chance)' },
    { label: 'Unlikely', description: 'Could happen at some time (5% to 20%)' },
    { label: 'Possible', description: 'Might happen at some time (20% to 50%)' },
    { label: 'Likely', description: 'Will probably happen in most circumstances (50% to 80%)' },
    { label: 'Almost certain', description: 'Expected to happen in most circumstances (over 80%)' },
  ],
  impact: [
    { label: 'Negligible', description: 'Little effect on services, finances or reputation' },
    { label: 'Minor', description: 'Short disruption to a service; cost under £100,000; local complaints' },
    { label: 'Moderate', description: 'Service disruption for weeks; cost up to £1 million; local media coverage' },
    { label: 'Major', description: 'Failure of a key service; cost up to £5 million; regulatory intervention' },
    {
      label: 'Severe',
      description: 'Failure of statutory duties; cost over £5 million; national media; harm to people',
    },
  ],
  bands: [
    { label: 'Low', colour: 'green', from: 1, to: 4 },
    { label: 'Medium', colour: 'yellow', from: 5, to: 9 },
    { label: 'High', colour: 'red', from: 10, to: 16 },
    { label: 'Very high', colour: 'purple', from: 17, to: 25 },
  ],
};

export const DEFAULT_MATRIX_4: Matrix = {
  size: 4,
  likelihood: [
    { label: 'Unlikely', description: 'Under 10% chance' },
    { label: 'Possible', description: '10% to 40%' },
    { label: 'Likely', description: '40% to 75%' },
    { label: 'Very likely', description: 'Over 75%' },
  ],
  impact: [
    { label: 'Minor', description: 'Little effect on services or finances' },
    { label: 'Moderate', description: 'Noticeable disruption or cost' },
    { label: 'Major', description: 'Failure of a key service or large cost' },
    { label: 'Critical', description: 'Failure of statutory duties or harm to people' },
  ],
  bands: [
    { label: 'Low', colour: 'green', from: 1, to: 3 },
    { label: 'Medium', colour: 'yellow', from: 4, to: 7 },
    { label: 'High', colour: 'red', from: 8, to: 16 },
  ],
};

export function scoreOf(rating: Rating): number {
  return rating.likelihood * rating.impact;
}

/** Every score the matrix can give, lowest first (the distinct products of its scales). */
export function possibleScores(size: number): number[] {
  const scores = new Set<number>();
  for (let l = 1; l <= size; l++) for (let i = 1; i <= size; i++) scores.add(l * i);
  return [...scores].sort((a, b) => a - b);
}

/** The band a score falls in: the last band starting at or below it (a checked matrix covers every score). */
export function bandIndexOf(matrix: Matrix, score: number): number {
  let found = 0;
  matrix.bands.forEach((band, index) => {
    if (band.from <= score) found = index;
  });
  return found;
}

export function bandOf(matrix: Matrix, score: number): Band {
  return matrix.bands[bandIndexOf(matrix, score)]!;
}

/** Whether a rating lies on the matrix: each point a whole number from 1 to its size. */
export function onMatrix(matrix: Matrix, rating: Rating): boolean {
  const inRange = (n: number) => Number.isInteger(n) && n >= 1 && n <= matrix.size;
  return inRange(rating.likelihood) && inRange(rating.impact);
}

/**
 * What is wrong with a matrix the council defines, as phrases (empty when it is well formed): a
 * scale point per size with a label, bands in order from 1 to size² with no gap or overlap, and
 * every band holding at least one score the matrix can give.
 */
export function matrixProblems(matrix: Matrix): { field: string; said: Phrase }[] {
  const problems: { field: string; said: Phrase }[] = [];
  const max = matrix.size * matrix.size;
  for (const scale of ['likelihood', 'impact'] as const) {
    if (matrix[scale].length !== matrix.size) {
      problems.push({ field: scale, said: phrase(`risks.matrixErrors.${scale}Count`, { size: matrix.size }) });
    }
    matrix[scale].forEach((point, index) => {
      if (point.label.trim() === '') {
        problems.push({
          field: `${scale}.${index}.label`,
          said: phrase(`risks.matrixErrors.${scale}Label`, { point: index + 1 }),
        });
      }
    });
  }
  if (matrix.bands.length === 0) {
    problems.push({ field: 'bands', said: phrase('risks.matrixErrors.noBands') });
    return problems;
  }
  let expectedFrom = 1;
  const scores = possibleScores(matrix.size);
  matrix.bands.forEach((band, index) => {
    const at = { band: index + 1, label: band.label || String(index + 1) };
    if (band.label.trim() === '')
      problems.push({ field: `bands.${index}.label`, said: phrase('risks.matrixErrors.bandLabel', at) });
    if (band.from !== expectedFrom) {
      problems.push({
        field: `bands.${index}.from`,
        said: phrase('risks.matrixErrors.bandGap', { ...at, from: expectedFrom }),
      });
    }
    if (band.to < band.from) {
      problems.push({ field: `bands.${index}.to`, said: phrase('risks.matrixErrors.bandBackwards', at) });
    } else if (!scores.some((s) => s >= band.from && s <= band.to)) {
      problems.push({ field: `bands.${index}.to`, said: phrase('risks.matrixErrors.bandEmpty', at) });
    }
    expectedFrom = band.to + 1;
  });
  if (expectedFrom !== max + 1) {
    problems.push({
      field: `bands.${matrix.bands.length - 1}.to`,
      said: phrase('risks.matrixErrors.bandsEnd', { max }),
    });
  }
  return problems;
}

/** Whether two matrices say the same thing (a save that changes nothing makes no new version). */
export function sameMatrix(a: Matrix, b: Matrix): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * How a change to the council's matrix is kept: a version no assessment uses yet is revised in
 * place; one that assessments use is never changed, so the change becomes the next version and
 * those assessments keep the one they were scored on.
 */
export function matrixChangeKind(usedByAssessments: number): 'revise' | 'new-version' {
  return usedByAssessments > 0 ? 'new-version' : 'revise';
}
