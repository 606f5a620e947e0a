/**
 * Every data table on a page scrolls sideways inside its own region at narrow widths, instead of
 * pushing the whole page wider than a 375 px phone (WCAG 1.4.10 Reflow allows two-dimensional
 * tables to scroll). Done once here on the rendered page rather than in each of the templates, so
 * a new page's table cannot forget it. The region is named by the table's caption and can take
 * focus, so a keyboard user can scroll it (axe: scrollable-region-focusable).
 */
const TABLE = /<table\b[\s\S]*?<\/table>/g;
const CAPTION = /<caption\b[^>]*>([\s\S]*?)<\/caption>/;
const TAG = /<[^>]+>/g;
const WRAPPED = 'app-table-scroll';

function attributeText(html: string): string {
  return html.replace(TAG, ' ').replace(/\s+/g, ' ').trim().replace(/"/g, '&quot;');
}

export function wrapTablesForScrolling(html: string): string {
  return html.replace(TABLE, (table: string, offset: number) => {
    // A template that already wrapped its table keeps its own region.
    if (html.slice(Math.max(0, offset - 200), offset).includes(WRAPPED)) return table;
    const caption = CAPTION.exec(table);
    const name = caption ? attributeText(caption[1]!) : '';
    const label = name ? ` aria-label="${name}"` : ' aria-label="Table"';
    return `<div class="${WRAPPED}" role="region"${label} tabindex="0">${table}</div>`;
  });
}
