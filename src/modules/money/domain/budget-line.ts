/**
 * A revenue budget line: one cost centre's position in one month of a financial year. Full-year
 * figures (original budget, virements, forecasts) and year-to-date ones (budget and actual to
 * date) are all net (expenditure less income); the forecast's gross expenditure and income may be
 * given too, and must then net to the latest forecast, so a status can say which basis it is on.
 */
import { phrase, phraseText, type Phrase } from '../../../kernel/phrase.ts';
import { addMoney, subtractMoney, type Money } from '../../../kernel/money.ts';
import { domainError, type DomainError } from '../../../kernel/result.ts';
import { parseAmount, parseOptionalAmount, fieldLabels } from './amounts.ts';
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

/** How each amount is named in messages and labels (its words: moneyFields.revenue in the catalogue). */
export const AMOUNT_LABELS: Record<AmountField, Phrase> = fieldLabels('revenue', AMOUNT_FIELDS);

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
        phraseText('moneyRefusals.bothOrNeither'),
        gross === null ? 'grossExpenditureForecast' : 'incomeForecast',
      ),
    );
  } else if (gross !== null && income !== null && subtractMoney(gross, income) !== line.latestForecast) {
    errors.push(domainError('invalid', phraseText('moneyRefusals.grossLessIncome'), 'incomeForecast'));
  }
  const assessment = assessLine(bands, line);
  if (assessment.explanationRequired && line.explanation.trim() === '') {
    const share =
      assessment.variancePercent === null
        ? phrase('moneyRefusals.nilBudget')
        : phrase('moneyRefusals.percentShare', { percent: assessment.variancePercent });
    errors.push(
      domainError(
        'invalid',
        phraseText('moneyRefusals.lineExplain', { share, amber: bands.amberOverBasisPoints / 100 }),
        'explanation',
      ),
    );
  }
  if (line.explanation.length > 2000) {
    errors.push(domainError('invalid', phraseText('moneyRefusals.explanationTooLong'), 'explanation'));
  }
  return errors;
}
