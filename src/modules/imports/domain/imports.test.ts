import { describe, expect, it } from 'vitest';
import { checkHeaders, recordOf } from './columns.ts';
import { periodKeyFromText } from './period-text.ts';

describe('period text in spreadsheets', () => {
  it.each([
    ['2025-26-Q2', '2025-26-Q2'],
    ['2010/11', '2010-11'],
    ['2010/2011', '2010-11'],
    ['2025/26 Q2', '2025-26-Q2'],
    ['2025/26 H1', '2025-26-H1'],
    ['2025/26 M3', '2025-26-M03'],
    ['April 2021', '2021-22-M01'],
    ['Mar 2022', '2021-22-M12'],
    ['December 2021', '2021-22-M09'],
    ['Jan 2012-Dec 2012', 'Jan 2012-Dec 2012'],
    ['Smarch 2021', 'Smarch 2021'],
  ])('reads %s as %s', (text, key) => {
    expect(periodKeyFromText(text)).toBe(key);
  });
});

describe('import headers', () => {
  it('matches headers in any case and spacing, with common aliases', () => {
    const check = checkHeaders('values', ['Measure code', 'PERIOD', 'value']);
    expect(check.problems).toEqual([]);
    expect(recordOf('values', check.indexOf, [' ASC-01 ', '2025-26-Q1', '70'])).toMatchObject({
      measureCode: 'ASC-01',
      periodKey: '2025-26-Q1',
      value: '70',
      commentary: undefined,
    });
  });

  it('names missing, unknown and repeated headers', () => {
    const check = checkHeaders('values', ['code', 'value', 'value', 'colour']);
    // The words are checked in import-files.test.ts (the domain names them as phrases).
    expect(check.problems.map((problem) => [problem.code, problem.params?.columns])).toEqual([
      ['importFileChecks.missingMany', '"measureCode", "periodKey"'],
      ['importFileChecks.unknownMany', '"code", "colour"'],
      ['importFileChecks.repeatedOne', '"value"'],
    ]);
  });
});
