import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, writeCsv } from './csv.ts';
import { neutraliseFormula, restoreFormula, safeCell } from './formulas.ts';

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

  it('keeps text that looks like a formula as text, and numbers as numbers', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('+44 1632 960000')).toBe("'+44 1632 960000");
    expect(csvCell('-1+cmd|calc')).toBe("'-1+cmd|calc");
    expect(csvCell('\t=1')).toBe(`'\t=1`);
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell('-1234.50')).toBe('-1234.50');
    expect(csvCell('Fine text')).toBe('Fine text');
  });
});

describe('formula neutralising', () => {
  const formulaStart = fc.constantFrom('=', '+', '-', '@', '\t', '\r');

  it('leaves no text starting like a formula, except a plain number', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.tuple(formulaStart, fc.string()).map(([a, b]) => a + b),
        ),
        (text) => {
          const safe = neutraliseFormula(text);
          if (/^[=+\-@\t\r]/.test(safe)) expect(Number.isFinite(Number(safe))).toBe(true);
        },
      ),
    );
  });

  it('is undone exactly by restoreFormula, so an exported file imports as it was', () => {
    const text = fc.oneof(
      fc.string(),
      fc.tuple(fc.constantFrom("'", "''", ''), formulaStart, fc.string()).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(text, (value) => {
        expect(restoreFormula(neutraliseFormula(value))).toBe(value);
      }),
    );
  });

  it('neutralises strings only', () => {
    expect(safeCell('=1+1')).toBe("'=1+1");
    expect(safeCell(-3)).toBe(-3);
    expect(safeCell(null)).toBeNull();
  });
});
