import { describe, expect, it } from 'vitest';
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
