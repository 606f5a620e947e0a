/**
 * The demo council's revenue monitoring: cost centres for each service and a year of monthly
 * budget lines up to the latest complete month, sized for a borough council with a net revenue
 * budget of about £24 million. The figures are ILLUSTRATIVE, not published ones: the published
 * local-authority data the project copies into reference-data/ holds no council budget lines, so
 * they are made up at a realistic scale. Two cost centres carry variances with explanations:
 * temporary accommodation (red, over) and car parking income (amber, short).
 */
import { asClock, systemClock, type Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db/db.ts';
import { recordAudit } from '../platform/audit/audit.ts';
import { moneyFromPence, type Money } from '../kernel/money.ts';
import { periodOfDate } from '../modules/money/domain/index.ts';
import { budgetLines, costCentres, financialYears } from '../modules/money/index.ts';
import { phraseText } from '../kernel/phrase.ts';

interface DemoCostCentre {
  code: string;
  name: string;
  unit: string;
  /** Original net budget for the year, in whole pounds (negative: net income). */
  budget: number;
  virement?: number;
  /** The full-year variance the latest forecast reaches by the last month, in pounds. */
  variance?: number;
  /** What management action is expected to recover, in pounds. */
  action?: number;
  explanation?: string;
  /** Gross expenditure of the forecast, in pounds, for a line shown on both bases. */
  gross?: number;
}

export const DEMO_COST_CENTRES: DemoCostCentre[] = [
  { code: 'HSN01', name: 'Homelessness and housing advice', unit: 'HSN-OPT', budget: 1_850_000 },
  {
    code: 'HSN02',
    name: 'Temporary accommodation',
    unit: 'HSN-TA',
    budget: 2_400_000,
    variance: 310_000,
    action: 110_000,
    explanation:
      'Households in nightly-paid temporary accommodation are up by a third on budget. Management action: 20 leased homes from the acquisitions programme from the third quarter.',
  },
  { code: 'HPE01', name: 'Estate management', unit: 'HPE-EM', budget: 650_000 },
  { code: 'HPE02', name: 'Corporate property', unit: 'HPE', budget: 1_100_000 },
  { code: 'CSW01', name: 'Community safety', unit: 'CSW', budget: 720_000 },
  { code: 'CSW02', name: 'Leisure and wellbeing grants', unit: 'CSW', budget: 980_000 },
  { code: 'WST01', name: 'Refuse collection', unit: 'WST-COL', budget: 3_900_000 },
  { code: 'WST02', name: 'Recycling', unit: 'WST-REC', budget: 1_650_000 },
  { code: 'WST03', name: 'Garden waste subscriptions', unit: 'WST-COL', budget: -450_000, gross: 350_000 },
  { code: 'STS01', name: 'Parks and open spaces', unit: 'STS', budget: 1_750_000 },
  { code: 'STS02', name: 'Street cleansing', unit: 'STS', budget: 1_450_000 },
  {
    code: 'STS03',
    name: 'Car parks',
    unit: 'STS',
    budget: -1_900_000,
    variance: 80_000,
    gross: 1_150_000,
    explanation:
      'Pay and display income is 4% below budget as town-centre visits have not returned to forecast. Tariff review goes to Cabinet next quarter.',
  },
  { code: 'PEG01', name: 'Development management', unit: 'PEG', budget: 420_000 },
  { code: 'PEG02', name: 'Economic development', unit: 'PEG', budget: 380_000 },
  { code: 'FRV01', name: 'Finance', unit: 'FRV', budget: 1_350_000, virement: -50_000 },
  { code: 'FRV02', name: 'Revenues and benefits', unit: 'FRV-REV', budget: 1_200_000 },
  { code: 'POD01', name: 'HR and payroll', unit: 'POD', budget: 850_000 },
  { code: 'CDS01', name: 'ICT', unit: 'CDS', budget: 2_100_000, virement: 50_000 },
  { code: 'CDS02', name: 'Customer contact', unit: 'CDS-CC', budget: 950_000 },
  { code: 'PPF01', name: 'Policy and performance', unit: 'PPF', budget: 540_000 },
  { code: 'LDS01', name: 'Legal services', unit: 'LDS', budget: 690_000 },
  { code: 'LDS02', name: 'Democratic services and elections', unit: 'LDS', budget: 820_000 },
  { code: 'IAR01', name: 'Internal audit', unit: 'IAR', budget: 310_000 },
];

const pounds = (amount: number): Money => moneyFromPence(Math.round(amount) * 100);

/** The latest complete month: the one before today's, or the whole of last year in April. */
function demoPeriods(today: string): { startYear: number; months: number } {
  const { startYear, month } = periodOfDate(today);
  return month === 1 ? { startYear: startYear - 1, months: 12 } : { startYear, months: month - 1 };
}

/** One line's figures at month m of a year monitored for `months` months (whole pounds). */
function lineAt(centre: DemoCostCentre, index: number, m: number, months: number) {
  const revised = centre.budget + (centre.virement ?? 0);
  // Small wobbles either side of budget for every other line (well within 2%), so no line is flat.
  const wobble = Math.round(revised * (((index % 5) - 2) / 1000));
  const variance = Math.round(((centre.variance ?? 0) * m) / months) + wobble;
  const action = Math.round(((centre.action ?? 0) * m) / months);
  const latest = revised + variance;
  const previous = m === 1 ? revised : revised + Math.round(((centre.variance ?? 0) * (m - 1)) / months) + wobble;
  const budgetToDate = Math.round((revised * m) / 12);
  return {
    originalBudget: pounds(centre.budget),
    virements: pounds(centre.virement ?? 0),
    budgetToDate: pounds(budgetToDate),
    actualToDate: pounds(budgetToDate + Math.round((variance * m) / 12)),
    previousForecast: pounds(previous),
    forecastBeforeAction: pounds(latest + action),
    latestForecast: pounds(latest),
    grossExpenditureForecast: centre.gross === undefined ? null : pounds(centre.gross),
    incomeForecast: centre.gross === undefined ? null : pounds(centre.gross - latest),
    explanation: centre.explanation && (centre.variance ?? 0) !== 0 ? centre.explanation : '',
  };
}

/**
 * Inserts the cost centres, the financial year and its monthly lines, and records the seed in the audit trail.
 */
export async function loadDemoMoney(
  tx: Db,
  options: {
    organisationId: string;
    unitId: (code: string) => string;
    clock?: Clock | (() => Date);
  },
): Promise<{ costCentres: number; lines: number }> {
  const { organisationId } = options;
  const { startYear, months } = demoPeriods(asClock(options.clock ?? systemClock).today());
  const centres = await tx
    .insert(costCentres)
    .values(
      DEMO_COST_CENTRES.map((centre) => ({
        organisationId,
        code: centre.code,
        name: centre.name,
        unitId: options.unitId(centre.unit),
      })),
    )
    .returning({ id: costCentres.id, code: costCentres.code });
  const idOf = new Map(centres.map((centre) => [centre.code, centre.id]));
  const [year] = await tx
    .insert(financialYears)
    .values({ organisationId, startYear })
    .returning({ id: financialYears.id });
  const rows = DEMO_COST_CENTRES.flatMap((centre, index) =>
    Array.from({ length: months }, (_, i) => ({
      organisationId,
      costCentreId: idOf.get(centre.code)!,
      financialYearId: year!.id,
      month: i + 1,
      ...lineAt(centre, index, i + 1, months),
    })),
  );
  await tx.insert(budgetLines).values(rows);
  await recordAudit(tx, {
    organisationId,
    actor: { personId: null, label: phraseText('auditActors.demoSeed') },
    entityType: 'revenue-import',
    entityId: organisationId,
    action: 'seed',
    newValue: { costCentres: centres.length, lines: rows.length, startYear, months },
    reason: 'seeded demo council: illustrative revenue monitoring figures',
  });
  return { costCentres: centres.length, lines: rows.length };
}
