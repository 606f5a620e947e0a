import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moneyFromPence, sumMoney } from '../../../kernel/money.ts';
import { REQUIRED_AMOUNTS } from './budget-line.ts';
import { summarise, type SummaryLine, type SummaryUnit } from './revenue-summary.ts';
import { DEFAULT_BANDS } from './variance.ts';

const units: SummaryUnit[] = [
  { id: 'council', parentId: null, kind: 'council', name: 'Council' },
  { id: 'people', parentId: 'council', kind: 'directorate', name: 'People' },
  { id: 'place', parentId: 'council', kind: 'directorate', name: 'Place' },
  { id: 'asc', parentId: 'people', kind: 'service', name: 'Adult social care' },
  { id: 'asc-team', parentId: 'asc', kind: 'team', name: 'Reablement' },
  { id: 'waste', parentId: 'place', kind: 'service', name: 'Waste' },
  { id: 'finance', parentId: 'council', kind: 'service', name: 'Finance' },
];
const unitIds = units.map((unit) => unit.id);
const amount = fc.integer({ min: -1e11, max: 1e11 }).map(moneyFromPence);

const lineArb = fc.record({
  costCentreId: fc.uuid(),
  costCentreCode: fc.stringMatching(/^[A-Z]{2}\d{3}$/),
  costCentreName: fc.constant('A cost centre'),
  unitId: fc.constantFrom(...unitIds.filter((id) => id !== 'council')),
  explanation: fc.constant(''),
  originalBudget: amount,
  virements: amount,
  budgetToDate: amount,
  actualToDate: amount,
  previousForecast: amount,
  forecastBeforeAction: amount,
  latestForecast: amount,
  grossExpenditureForecast: fc.option(amount),
  incomeForecast: fc.option(amount),
}) as fc.Arbitrary<SummaryLine>;

describe('the revenue summary', () => {
  it('adds up exactly at every level: cost centres → units → directorates → council', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 40 }), (lines) => {
        const summary = summarise(DEFAULT_BANDS, units, lines);
        for (const field of [...REQUIRED_AMOUNTS, 'revisedBudget', 'variance'] as const) {
          const council = summary.totals[field];
          expect(sumMoney(summary.directorates.map((d) => d.totals[field]))).toBe(council);
          for (const directorate of summary.directorates) {
            expect(sumMoney(directorate.units.map((u) => u.totals[field]))).toBe(directorate.totals[field]);
            for (const unit of directorate.units) {
              expect(sumMoney(unit.costCentres.map((c) => c.totals[field]))).toBe(unit.totals[field]);
            }
          }
        }
        const counted = summary.directorates.flatMap((d) => d.units.flatMap((u) => u.costCentres)).length;
        expect(counted).toBe(lines.length);
      }),
    );
  });

  it('groups a team under its directorate, and a corporate unit as its own', () => {
    const line = (unitId: string): SummaryLine => ({
      costCentreId: unitId,
      costCentreCode: unitId.toUpperCase(),
      costCentreName: unitId,
      unitId,
      explanation: '',
      originalBudget: moneyFromPence(100),
      virements: moneyFromPence(0),
      budgetToDate: moneyFromPence(50),
      actualToDate: moneyFromPence(50),
      previousForecast: moneyFromPence(100),
      forecastBeforeAction: moneyFromPence(100),
      latestForecast: moneyFromPence(100),
      grossExpenditureForecast: moneyFromPence(150),
      incomeForecast: moneyFromPence(50),
    });
    const summary = summarise(DEFAULT_BANDS, units, [line('asc-team'), line('asc'), line('finance'), line('waste')]);
    expect(summary.directorates.map((d) => [d.directorate.name, d.units.map((u) => u.unit.name)])).toEqual([
      ['Finance', ['Finance']],
      ['People', ['Adult social care', 'Reablement']],
      ['Place', ['Waste']],
    ]);
    expect(summary.totals.grossExpenditureForecast).toBe(600);
    const mixed = summarise(DEFAULT_BANDS, units, [line('asc'), { ...line('waste'), incomeForecast: null }]);
    expect(mixed.totals.incomeForecast).toBeNull();
  });
});
