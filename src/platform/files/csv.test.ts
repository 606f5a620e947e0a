import { describe, expect, it } from 'vitest';
import { csvCell, writeCsv } from './csv.ts';

describe('CSV', () => {
  it('quotes what needs quoting and writes CRLF lines', () => {
    expect(
      writeCsv(
        ['a', 'b'],
        [
          ['x, y', 'say "hi"'],
          [1, null],
          [' padded', true],
        ],
      ).toString('utf8'),
    ).toBe('a,b\r\n"x, y","say ""hi"""\r\n1,\r\n" padded",true\r\n');
  });

  it('keeps typed text that looks like a formula as text only when asked', () => {
    expect(csvCell('=HYPERLINK("http://evil")', { guardFormulas: true })).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('@SUM(A1)', { guardFormulas: true })).toBe("'@SUM(A1)");
    expect(csvCell(-5, { guardFormulas: true })).toBe('-5');
    expect(csvCell('-5')).toBe('-5');
  });
});
