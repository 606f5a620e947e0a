import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { phraseText } from './phrase.ts';
import {
  addMoney,
  formatMoney,
  moneyFromPence,
  parseMoney,
  subtractMoney,
  sumMoney,
  ZERO_MONEY,
  type Money,
} from './money.ts';

// Amounts a council budget could hold, either side of zero (up to £10 billion).
const amounts = fc.integer({ min: -1e12, max: 1e12 }).map(moneyFromPence);

function parsed(input: string | number): Money {
  const result = parseMoney(input);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(input)} to parse: ${result.error.message}`);
  return result.value;
}

describe('parseMoney', () => {
  it.each([
    ['£1,234.56', 123456],
    ['1234.56', 123456],
    ['1234.5', 123450],
    ['£20', 2000],
    ['0.07', 7],
    ['-£20.00', -2000],
    ['(£1,000.10)', -100010],
    [' £ 1,000 ', 100000],
    ['-0', 0],
    [1234.56, 123456],
    [0.1, 10],
    [-3, -300],
  ])('reads %j as %i pence', (input, pence) => {
    expect(parsed(input)).toBe(pence);
  });

  it.each(['', '£', '12.345', '1,23', '12,3456.00', '£-5', 'abc', '1e3', '(-£5)', '£1.2.3'])(
    'refuses %j with a sentence to act on (said in src/platform/words/validation-words.test.ts)',
    (input) => {
      const result = parseMoney(input, 'amount');
      expect(result).toEqual({
        ok: false,
        error: { code: 'invalid', message: phraseText('inputs.money'), field: 'amount' },
      });
    },
  );

  it('refuses numbers that are not whole pence instead of rounding them', () => {
    expect(parseMoney(0.1 + 0.2).ok).toBe(false);
    expect(parseMoney(1.005).ok).toBe(false);
    expect(parseMoney(Number.NaN).ok).toBe(false);
    expect(parseMoney(Infinity).ok).toBe(false);
    expect(parseMoney(1e21).ok).toBe(false);
  });

  it('reads back every amount it formats', () => {
    fc.assert(fc.property(amounts, (amount) => parsed(formatMoney(amount)) === amount));
  });

  it('reads every whole-pence number of pounds exactly', () => {
    fc.assert(fc.property(amounts, (amount) => parsed(amount / 100) === amount));
  });
});

describe('formatMoney', () => {
  it.each([
    [123456, '£1,234.56'],
    [5, '£0.05'],
    [0, '£0.00'],
    [-2000, '-£20.00'],
    [123456789012, '£1,234,567,890.12'],
  ])('writes %i pence as %s', (pence, text) => {
    expect(formatMoney(moneyFromPence(pence))).toBe(text);
  });
});

describe('arithmetic', () => {
  it('is exact where doubles are not: £0.10 + £0.20 is £0.30', () => {
    expect(addMoney(parsed('0.10'), parsed('0.20'))).toBe(parsed('0.30'));
  });

  it('adds in any order and grouping to the same total', () => {
    fc.assert(
      fc.property(amounts, amounts, amounts, (a, b, c) => {
        expect(addMoney(a, b)).toBe(addMoney(b, a));
        expect(addMoney(addMoney(a, b), c)).toBe(addMoney(a, addMoney(b, c)));
      }),
    );
  });

  it('undoes an addition by a subtraction', () => {
    fc.assert(fc.property(amounts, amounts, (a, b) => subtractMoney(addMoney(a, b), b) === a));
  });

  it('sums a list to the same total as adding one by one, and nothing to zero', () => {
    fc.assert(
      fc.property(fc.array(amounts, { maxLength: 50 }), (list) => {
        expect(sumMoney(list)).toBe(list.reduce(addMoney, ZERO_MONEY));
      }),
    );
    expect(sumMoney([])).toBe(0);
  });

  it('throws rather than lose pence outside the exact range', () => {
    const largest = moneyFromPence(Number.MAX_SAFE_INTEGER);
    expect(() => addMoney(largest, moneyFromPence(1))).toThrow(RangeError);
    expect(() => moneyFromPence(1.5)).toThrow(RangeError);
  });
});
