import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moneyFromPence, sumMoney } from '../../../kernel/money.ts';
import { checkMtfsYear, mtfsYear, mtfsYearsFrom } from './mtfs.ts';
import { borrowingPosition, checkBorrowing, checkReserveYear, reservePosition, reserveTotals } from './reserves.ts';
import { checkSavingYear, savingsTotals, shortfallOf } from './savings.ts';

const m = moneyFromPence;
const amount = fc.integer({ min: 0, max: 1e11 }).map(m);

describe('reserves', () => {
  it('closing balances are opening plus contributions less use', () => {
    const position = reservePosition({
      openingBalance: m(500_00),
      contributions: m(100_00),
      plannedUse: m(200_00),
      forecastUse: m(250_00),
    });
    expect(position.plannedClosing).toBe(400_00);
    expect(position.forecastClosing).toBe(350_00);
  });

  it('refuses use beyond what the reserve holds', () => {
    const problems = checkReserveYear({
      openingBalance: m(100),
      contributions: m(0),
      plannedUse: m(50),
      forecastUse: m(101),
    });
    expect(problems).toEqual([expect.objectContaining({ field: 'forecastUse' })]);
  });

  it('totals add up: the total closing is the sum of the closings', () => {
    const reserveArb = fc.record({
      openingBalance: amount,
      contributions: amount,
      plannedUse: amount,
      forecastUse: amount,
    });
    fc.assert(
      fc.property(fc.array(reserveArb, { maxLength: 20 }), (reserves) => {
        const total = reserveTotals(reserves);
        expect(total.forecastClosing).toBe(
          sumMoney(reserves.map((reserve) => reservePosition(reserve).forecastClosing)),
        );
        expect(total.plannedClosing).toBe(sumMoney(reserves.map((reserve) => reservePosition(reserve).plannedClosing)));
      }),
    );
  });
});

describe('borrowing', () => {
  const figures = {
    capitalFinancingRequirement: m(120),
    externalBorrowing: m(90),
    operationalBoundary: m(100),
    authorisedLimit: m(110),
  };

  it('shows the position against the boundary and the limit', () => {
    expect(borrowingPosition(figures)).toMatchObject({
      status: 'within',
      headroomToBoundary: 10,
      headroomToLimit: 20,
      internalBorrowing: 30,
    });
    expect(borrowingPosition({ ...figures, externalBorrowing: m(105) }).status).toBe('over_boundary');
    expect(borrowingPosition({ ...figures, externalBorrowing: m(111) }).status).toBe('over_limit');
  });

  it('refuses an authorised limit below the operational boundary', () => {
    expect(checkBorrowing({ ...figures, authorisedLimit: m(99) })).toEqual([
      expect.objectContaining({ field: 'authorisedLimit' }),
    ]);
  });
});

describe('savings', () => {
  it('shortfall is the target not forecast, never negative', () => {
    fc.assert(
      fc.property(amount, amount, (target, forecast) => {
        const shortfall = shortfallOf({ target, delivered: m(0), forecast });
        expect(shortfall).toBe(Math.max(0, target - forecast));
      }),
    );
  });

  it('totals: over-delivery on one saving does not hide another’s shortfall', () => {
    const totals = savingsTotals([
      { target: m(100), delivered: m(50), forecast: m(150), rag: 'green' },
      { target: m(100), delivered: m(0), forecast: m(40), rag: 'red' },
    ]);
    expect(totals).toMatchObject({ target: 200, delivered: 50, forecast: 190, shortfall: 60, atRisk: 40 });
  });

  it('refuses a forecast below what is already delivered', () => {
    expect(checkSavingYear({ target: m(100), delivered: m(60), forecast: m(50) })[0]!.field).toBe('forecast');
  });
});

describe('MTFS', () => {
  it('the gap less savings and reserves is what is left to find', () => {
    fc.assert(
      fc.property(
        amount,
        amount,
        amount,
        amount,
        amount,
        (funding, baseSpending, pressures, plannedReserveUse, saved) => {
          const year = mtfsYear(2026, { funding, baseSpending, pressures, plannedReserveUse }, saved, saved);
          expect(year.gap).toBe(baseSpending + pressures - funding);
          expect(year.unidentified + saved + plannedReserveUse).toBe(year.gap);
        },
      ),
    );
  });

  it('covers three years and refuses negative figures', () => {
    expect(mtfsYearsFrom(2026)).toEqual([2026, 2027, 2028]);
    expect(
      checkMtfsYear({ funding: m(-1), baseSpending: m(0), pressures: m(0), plannedReserveUse: m(0) })[0]!.field,
    ).toBe('funding');
  });
});
