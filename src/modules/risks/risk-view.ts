/**
 * A risk as pages and the API show it: its stored row with each score worked out on the matrix
 * version it was assessed on, its band, whether it is beyond the category's appetite and whether
 * its review is overdue.
 */
import type { Db } from '../../platform/db/db.ts';
import {
  bandOf,
  isBeyondAppetite,
  isReviewOverdue,
  scoreOf,
  type BandColour,
  type Category,
  type Matrix,
  type Rating,
} from './domain/index.ts';
import { loadCategories, loadCurrentMatrix, loadMatricesById, type StoredMatrix } from './data/matrix.repository.ts';
import type { RiskRow } from './data/risks.repository.ts';

export interface ScoreView extends Rating {
  score: number;
  band: { label: string; colour: BandColour; index: number };
}

export interface RiskView extends Omit<RiskRow, 'inherent' | 'current' | 'target'> {
  inherent: ScoreView;
  current: ScoreView;
  target: ScoreView;
  matrixVersion: number;
  categoryName: string;
  appetite: number | null;
  beyondAppetite: boolean;
  reviewOverdue: boolean;
}

export interface RiskContext {
  today: string;
  current: StoredMatrix;
  matrices: Map<string, StoredMatrix>;
  categories: Category[];
}

export async function loadRiskContext(db: Db, organisationId: string, today: string): Promise<RiskContext> {
  const [current, matrices, { categories }] = await Promise.all([
    loadCurrentMatrix(db, organisationId),
    loadMatricesById(db, organisationId),
    loadCategories(db, organisationId),
  ]);
  return { today, current, matrices, categories };
}

export function scoreView(matrix: Matrix, rating: Rating): ScoreView {
  const score = scoreOf(rating);
  const band = bandOf(matrix, score);
  return { ...rating, score, band: { label: band.label, colour: band.colour, index: matrix.bands.indexOf(band) } };
}

export function riskViewOf(row: RiskRow, context: RiskContext): RiskView {
  const stored = context.matrices.get(row.matrixId) ?? context.current;
  const category = context.categories.find((c) => c.code === row.category);
  const current = scoreView(stored.matrix, row.current);
  const appetite = category?.appetite ?? null;
  return {
    ...row,
    inherent: scoreView(stored.matrix, row.inherent),
    current,
    target: scoreView(stored.matrix, row.target),
    matrixVersion: stored.version,
    categoryName: category?.name ?? row.category,
    appetite,
    beyondAppetite: row.status === 'open' && isBeyondAppetite(current.score, appetite),
    reviewOverdue: isReviewOverdue(row, context.today),
  };
}

export interface RiskFilters {
  registerId?: string;
  ownerPersonId?: string;
  category?: string;
  /** A band's label on the current matrix. */
  band?: string;
  beyondAppetite?: boolean;
  reviewOverdue?: boolean;
  status?: 'open' | 'closed' | 'all';
}

export function matchesFilters(risk: RiskView, filters: RiskFilters): boolean {
  const status = filters.status ?? 'open';
  return (
    (status === 'all' || risk.status === status) &&
    (!filters.registerId || risk.registerId === filters.registerId) &&
    (!filters.ownerPersonId || risk.owner.id === filters.ownerPersonId) &&
    (!filters.category || risk.category === filters.category) &&
    (!filters.band || risk.current.band.label === filters.band) &&
    (!filters.beyondAppetite || risk.beyondAppetite) &&
    (!filters.reviewOverdue || risk.reviewOverdue)
  );
}
