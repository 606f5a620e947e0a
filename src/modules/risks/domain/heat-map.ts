/**
 * The heat map: how many risks sit in each cell of the matrix (likelihood × impact), now and at an
 * earlier date. Ratings off the matrix (an assessment scored on a larger, older version) are
 * counted apart so the totals still add up.
 */
import { bandOf, scoreOf, type Band, type Matrix, type Rating } from './matrix.ts';

export interface HeatMapCell {
  likelihood: number;
  impact: number;
  score: number;
  band: Band;
  count: number;
}

export interface HeatMap {
  size: number;
  /** Rows from the highest likelihood down, as the map is drawn; cells by impact from 1. */
  rows: HeatMapCell[][];
  total: number;
  /** Risks whose rating lies off this matrix (scored on an older version of another size). */
  offMatrix: number;
}

export function heatMapOf(matrix: Matrix, ratings: readonly Rating[]): HeatMap {
  const counts = new Map<string, number>();
  let offMatrix = 0;
  for (const rating of ratings) {
    if (rating.likelihood > matrix.size || rating.impact > matrix.size) {
      offMatrix += 1;
      continue;
    }
    const key = `${rating.likelihood}:${rating.impact}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const rows: HeatMapCell[][] = [];
  for (let likelihood = matrix.size; likelihood >= 1; likelihood--) {
    const row: HeatMapCell[] = [];
    for (let impact = 1; impact <= matrix.size; impact++) {
      const score = scoreOf({ likelihood, impact });
      row.push({
        likelihood,
        impact,
        score,
        band: bandOf(matrix, score),
        count: counts.get(`${likelihood}:${impact}`) ?? 0,
      });
    }
    rows.push(row);
  }
  return { size: matrix.size, rows, total: ratings.length, offMatrix };
}
