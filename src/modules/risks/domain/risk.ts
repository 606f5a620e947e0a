/**
 * Pure rules about registers and risks: their levels and which is higher, the scores of an
 * assessment on a matrix (inherent, current and target), review dates and frequency, appetite,
 * and the quarter a heat map compares against. Refusals are phrases naming the field.
 */
import { phrase, type Phrase } from '../../../kernel/phrase.ts';
import { onMatrix, scoreOf, type Matrix, type Rating } from './matrix.ts';
import { addDays, addMonths, isoDate as calendarDate } from '../../../kernel/calendar-days.ts';

/** Highest first: a risk is escalated towards the start of this list. */
export const REGISTER_LEVELS = ['strategic', 'directorate', 'service', 'project', 'partnership'] as const;
export type RegisterLevel = (typeof REGISTER_LEVELS)[number];

/** How high a level sits: strategic 0, directorate 1, service 2; projects and partnerships sit beside services. */
export function levelRank(level: RegisterLevel): number {
  return level === 'strategic' ? 0 : level === 'directorate' ? 1 : 2;
}

/** Whether moving a risk from one register level to another escalates, de-escalates or neither. */
export function movementBetween(from: RegisterLevel, to: RegisterLevel): 'escalate' | 'de-escalate' | 'sideways' {
  const difference = levelRank(to) - levelRank(from);
  return difference < 0 ? 'escalate' : difference > 0 ? 'de-escalate' : 'sideways';
}

export const RISK_TYPES = ['threat', 'opportunity'] as const;

export const CONTROL_EFFECTIVENESS = ['effective', 'partly-effective', 'not-effective'] as const;

export const REVIEW_FREQUENCIES = ['monthly', 'quarterly', 'six-monthly'] as const;
export type ReviewFrequency = (typeof REVIEW_FREQUENCIES)[number];

export const RISK_STATUSES = ['open', 'closed'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

export interface Category {
  code: string;
  name: string;
  /** The highest current score the council accepts in this category; null when it has set none. */
  appetite: number | null;
}

/** The categories a council starts with (it may rename them and set appetite). */
export const DEFAULT_CATEGORIES: Category[] = [
  { code: 'financial', name: 'Financial', appetite: 9 },
  { code: 'reputational', name: 'Reputational', appetite: 9 },
  { code: 'legal-regulatory', name: 'Legal and regulatory', appetite: 6 },
  { code: 'operational', name: 'Operational and service delivery', appetite: 12 },
  { code: 'people', name: 'People', appetite: 12 },
  { code: 'health-safety', name: 'Health and safety', appetite: 4 },
  { code: 'information', name: 'IT and information', appetite: 8 },
  { code: 'partnership', name: 'Partnership', appetite: 12 },
  { code: 'strategic', name: 'Strategic', appetite: 12 },
];

export interface Scores {
  inherent: Rating;
  current: Rating;
  target: Rating;
}

export interface Refusal {
  field: string;
  said: Phrase;
}

const SCORE_KINDS = ['inherent', 'current', 'target'] as const;

/**
 * What is wrong with an assessment's scores on a matrix: each likelihood and impact on the matrix,
 * and a target no higher than the inherent score (the target is what controls aim for, never
 * worse than the risk with none).
 */
export function scoreProblems(matrix: Matrix, scores: Scores): Refusal[] {
  const problems: Refusal[] = [];
  for (const kind of SCORE_KINDS) {
    for (const axis of ['likelihood', 'impact'] as const) {
      const value = scores[kind][axis];
      if (!onMatrix(matrix, { likelihood: axis === 'likelihood' ? value : 1, impact: axis === 'impact' ? value : 1 })) {
        problems.push({
          field: `${kind}${axis === 'likelihood' ? 'Likelihood' : 'Impact'}`,
          said: phrase(`risks.errors.${axis}OffMatrix`, {
            kind: phrase(`risks.scoreKinds.${kind}`),
            value,
            size: matrix.size,
          }),
        });
      }
    }
  }
  if (problems.length === 0 && scoreOf(scores.target) > scoreOf(scores.inherent)) {
    problems.push({
      field: 'targetLikelihood',
      said: phrase('risks.errors.targetAboveInherent', {
        target: scoreOf(scores.target),
        inherent: scoreOf(scores.inherent),
      }),
    });
  }
  return problems;
}

/** A review date must be today or later (ISO dates compare as text). */
export function reviewDateProblem(reviewOn: string, today: string): Refusal | null {
  return reviewOn < today
    ? { field: 'nextReviewOn', said: phrase('risks.errors.reviewInPast', { date: reviewOn }) }
    : null;
}

const MONTHS: Record<ReviewFrequency, number> = { monthly: 1, quarterly: 3, 'six-monthly': 6 };

/** The date a frequency after an ISO date falls on (the 31st runs on to the month's last day). */
export function nextReviewAfter(isoDate: string, frequency: ReviewFrequency): string {
  return addMonths(isoDate, MONTHS[frequency]);
}

/** A review is overdue once its date has passed while the risk is open. */
export function isReviewOverdue(risk: { status: RiskStatus; nextReviewOn: string }, today: string): boolean {
  return risk.status === 'open' && risk.nextReviewOn < today;
}

/** A current score above the category's appetite; a category with no appetite set accepts any. */
export function isBeyondAppetite(currentScore: number, appetite: number | null): boolean {
  return appetite !== null && currentScore > appetite;
}

/** The last day of the quarter before the one `today` falls in (quarters end in March, June, September, December). */
export function previousQuarterEnd(today: string): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const quarterStartMonth = Math.floor((m - 1) / 3) * 3 + 1;
  return addDays(calendarDate(y, quarterStartMonth, 1), -1);
}
