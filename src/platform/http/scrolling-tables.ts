/**
 * Every data table on a page scrolls sideways inside its own region at narrow widths, instead of
 * pushing the whole page wider than a 375 px phone (WCAG 1.4.10 Reflow allows two-dimensional
 * tables to scroll). Done once here on the rendered page rather than in each of the templates, so
 * a new page's table cannot forget it. The region is named by the table's caption and can take
 * focus, so a keyboard user can scroll it (axe: scrollable-region-focusable).
 *
 * Every page passes through here, so it finds tables with indexOf rather than a lazy regular
 * expression (`<table\b[\s\S]*?<\/table>`), which tried to match `</table>` at every character of
 * every table: a quarter of the CPU time of the 300-row measure list.
 */
const OPEN = '<table';
const CLOSE = '</table>';
const CAPTION = /<caption\b[^>]*>([\s\S]*?)<\/caption>/;
const TAG = /<[^>]+>/g;
const WRAPPED = 'app-table-scroll';
const WORD_CHARACTER = /\w/;

function attributeText(html: string): string {
  return html.replace(TAG, ' ').replace(/\s+/g, ' ').trim().replace(/"/g, '&quot;');
}

/** Where the next `<table` tag (not `<tablefoo`) starts at or after `from`, or -1. */
function nextTable(html: string, from: number): number {
  for (let at = html.indexOf(OPEN, from); at >= 0; at = html.indexOf(OPEN, at + 1)) {
    const after = html.charAt(at + OPEN.length);
    if (!after || !WORD_CHARACTER.test(after)) return at;
  }
  return -1;
}

export function wrapTablesForScrolling(html: string): string {
  const parts: string[] = [];
  let copied = 0;
  for (let start = nextTable(html, 0); start >= 0;) {
    const close = html.indexOf(CLOSE, start + OPEN.length);
    if (close < 0) break;
    const end = close + CLOSE.length;
    // A template that already wrapped its table keeps its own region.
    if (!html.slice(Math.max(0, start - 200), start).includes(WRAPPED)) {
      const table = html.slice(start, end);
      const caption = CAPTION.exec(table);
      const name = caption ? attributeText(caption[1]!) : '';
      const label = name ? ` aria-label="${name}"` : ' aria-label="Table"';
      parts.push(
        html.slice(copied, start),
        `<div class="${WRAPPED}" role="region"${label} tabindex="0">`,
        table,
        '</div>',
      );
      copied = end;
    }
    start = nextTable(html, end);
  }
  if (copied === 0) return html;
  parts.push(html.slice(copied));
  return parts.join('');
}
