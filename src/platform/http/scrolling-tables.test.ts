import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { wrapTablesForScrolling } from './scrolling-tables.ts';

describe('wrapTablesForScrolling', () => {
  it('puts each table in a focusable region named by its caption', () => {
    const html =
      '<p>x</p><table class="govuk-table"><caption class="govuk-table__caption">Values <span>by "period"</span></caption><tr><td>1</td></tr></table>' +
      '<table><tr><td>2</td></tr></table>';
    const wrapped = wrapTablesForScrolling(html);
    expect(wrapped).toBe(
      '<p>x</p><div class="app-table-scroll" role="region" aria-label="Values by &quot;period&quot;" tabindex="0"><table class="govuk-table"><caption class="govuk-table__caption">Values <span>by "period"</span></caption><tr><td>1</td></tr></table></div>' +
        '<div class="app-table-scroll" role="region" aria-label="Table" tabindex="0"><table><tr><td>2</td></tr></table></div>',
    );
  });

  it('leaves a table its template already wrapped, and a page without tables, as they are', () => {
    const own =
      '<div class="app-table-scroll" role="region" aria-label="Mine" tabindex="0"><table><tr><td>1</td></tr></table></div>';
    expect(wrapTablesForScrolling(own)).toBe(own);
    expect(wrapTablesForScrolling('<p>No tables</p>')).toBe('<p>No tables</p>');
  });
});

/** The first version, a lazy regular expression: the indexOf version must wrap exactly as it did. */
function wrapWithRegex(html: string): string {
  return html.replace(/<table\b[\s\S]*?<\/table>/g, (table: string, offset: number) => {
    if (html.slice(Math.max(0, offset - 200), offset).includes('app-table-scroll')) return table;
    const caption = /<caption\b[^>]*>([\s\S]*?)<\/caption>/.exec(table);
    const name = caption
      ? caption[1]!
          .replace(/<[^>]+>/g, ' ')
          .replace(/\s+/g, ' ')
          .trim()
          .replace(/"/g, '&quot;')
      : '';
    const label = name ? ` aria-label="${name}"` : ' aria-label="Table"';
    return `<div class="app-table-scroll" role="region"${label} tabindex="0">${table}</div>`;
  });
}

describe('wrapTablesForScrolling, property', () => {
  it('wraps any page exactly as the regular expression did', () => {
    const piece = fc.constantFrom(
      '<table>',
      '<table class="t">',
      '<tablex>',
      '<table',
      '</table>',
      '<caption>Cap "x"</caption>',
      '<caption class="c"><b>Bold</b></caption>',
      '<div class="app-table-scroll">',
      '<tr><td>1</td></tr>',
      'text ',
      'x'.repeat(150),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const html = pieces.join('');
        expect(wrapTablesForScrolling(html)).toBe(wrapWithRegex(html));
      }),
      { numRuns: 2000 },
    );
  });
});
