/**
 * A revenue budget line: one cost centre's position in one month of a financial year. Full-year
 * figures (original budget, virements, forecasts) and year-to-date ones (budget and actual to
 * date) are all net (expenditure less income); the forecast's gross expenditure and income may be
 * given too, and must then net to the latest forecast, so a status can say which basis it is on.
 */
import { addMoney, subtractMoney, type Money } from '../../../kernel/money.ts';
import { domainError, type DomainError } from '../../../kernel/result.ts';
import { parseAmount, parseOptionalAmount } from './amounts.ts';
import { bandOf, explanationRequired, varianceOf, variancePercent, type Band, type VarianceBands } from './variance.ts';

/** The amounts of a line, in the order the import's columns and the form list them. */
export const REQUIRED_AMOUNTS = [
  'originalBudget',
  'virements',
  'budgetToDate',
  'actualToDate',
  'previousForecast',
  'forecastBeforeAction',
  'latestForecast',
] as const;
export const OPTIONAL_AMOUNTS = ['grossExpenditureForecast', 'incomeForecast'] as const;
export const AMOUNT_FIELDS = [...REQUIRED_AMOUNTS, ...OPTIONAL_AMOUNTS] as const;
export type AmountField = (typeof AMOUNT_FIELDS)[number];

/** How each amount is named in messages (lower case, to sit inside a sentence). */
export const AMOUNT_LABELS: Record<AmountField, string> = {
  originalBudget: 'original budget',
  virements: 'virements',
  budgetToDate: 'budget to date',
  actualToDate: 'actual to date',
  previousForecast: 'previous forecast outturn',
  forecastBeforeAction: 'forecast before management action',
  latestForecast: 'latest forecast outturn (after management action)',
  grossExpenditureForecast: 'forecast gross expenditure',
  incomeForecast: 'forecast income',
};

export type BudgetFigures = Record<(typeof REQUIRED_AMOUNTS)[number], Money> &
  Record<(typeof OPTIONAL_AMOUNTS)[number], Money | null>;

export interface BudgetLineInput extends BudgetFigures {
  explanation: string;
}

export function revisedBudgetOf(figures: Pick<BudgetFigures, 'originalBudget' | 'virements'>): Money {
  return addMoney(figures.originalBudget, figures.virements);
}

export interface LineAssessment {
  revisedBudget: Money;
  /** Latest forecast (after management action) less revised budget: positive is an overspend. */
  variance: Money;
  variancePercent: number | null;
  /** The same before management action: what the actions are worth. */
  varianceBeforeAction: Money;
  band: Band;
  explanationRequired: boolean;
}

export function assessLine(bands: VarianceBands, figures: BudgetFigures): LineAssessment {
  const revisedBudget = revisedBudgetOf(figures);
  const variance = varianceOf(revisedBudget, figures.latestForecast);
  return {
    revisedBudget,
    variance,
    variancePercent: variancePercent(revisedBudget, variance),
    varianceBeforeAction: varianceOf(revisedBudget, figures.forecastBeforeAction),
    band: bandOf(bands, revisedBudget, variance),
    explanationRequired: explanationRequired(bands, revisedBudget, variance),
  };
}

/** Text cells (from a form, an import row or the API) read into amounts, naming each bad one. */
export function readFigures(
  cells: Partial<Record<AmountField, string>>,
): { ok: true; figures: BudgetFigures } | { ok: false; errors: DomainError[] } {
  const errors: DomainError[] = [];
  const figures: Partial<Record<AmountField, Money | null>> = {};
  for (const field of REQUIRED_AMOUNTS) {
    const result = parseAmount(cells[field] ?? '', AMOUNT_LABELS[field], field);
    if (result.ok) figures[field] = result.value;
    else errors.push(result.error);
  }
  for (const field of OPTIONAL_AMOUNTS) {
    const result = parseOptionalAmount(cells[field] ?? '', AMOUNT_LABELS[field], field);
    if (result.ok) figures[field] = result.value;
    else errors.push(result.error);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, figures: figures as BudgetFigures };
}

/**
 * The rules a line must keep, whoever sends it: the forecast's gross and income net to the latest
 * forecast, and a variance past the amber threshold comes with its explanation.
 */
export function checkLine(bands: VarianceBands, line: BudgetLineInput): DomainError[] {
  const errors: DomainError[] = [];
  const { grossExpenditureForecast: gross, incomeForecast: income } = line;
  if ((gross === null) !== (income === null)) {
    errors.push(
      domainError(
        'invalid',
        'Give both the forecast gross expenditure and the forecast income, or neither',
        gross === null ? 'grossExpenditureForecast' : 'incomeForecast',
      ),
    );
  } else if (gross !== null && income !== null && subtractMoney(gross, income) !== line.latestForecast) {
    errors.push(
      domainError(
        'invalid',
        'The forecast gross expenditure less the forecast income must equal the latest forecast outturn (net)',
        'incomeForecast',
      ),
    );
  }
  const assessment = assessLine(bands, line);
  if (assessment.explanationRequired && line.explanation.trim() === '') {
    const share = assessment.variancePercent === null ? 'against a nil budget' : `${assessment.variancePercent}%`;
    errors.push(
      domainError(
        'invalid',
        `Explain the variance: the latest forecast is ${share} away from the revised budget, past the ${bands.amberOverBasisPoints / 100}% threshold`,
        'explanation',
      ),
    );
  }
  if (line.explanation.length > 2000) {
    errors.push(domainError('invalid', 'The explanation must be 2000 characters or fewer', 'explanation'));
  }
  return errors;
}
