import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';

// The Making Data Count icons are our own drawings beside their words: each known code draws an
// SVG hidden from assistive technology (the words say it), an unknown or "none" code draws nothing.
const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(fileURLToPath(new URL('./views', import.meta.url))));
const render = (macro: string, code: string) =>
  env.renderString(`{% import "components/spc-icons.njk" as icons %}{{ icons.${macro}("${code}") }}`, {}).trim();

describe('SPC icons', () => {
  it.each([
    ['variationIcon', 'common-cause', '#505a5f', null],
    ['variationIcon', 'improvement-high', '#1d70b8', 'H'],
    ['variationIcon', 'concern-low', '#d4351c', 'L'],
    ['assuranceIcon', 'consistently-meets', '#1d70b8', 'P'],
    ['assuranceIcon', 'consistently-fails', '#d4351c', 'F'],
    ['assuranceIcon', 'hit-and-miss', '#505a5f', '?'],
  ])('%s %s is a ring in its colour with its letter', (macro, code, colour, letter) => {
    const svg = render(macro, code);
    expect(svg).toMatch(/^<svg class="app-spc-icon"[^>]*aria-hidden="true" focusable="false">/);
    expect(svg).toContain(`<circle cx="20" cy="20" r="17" fill="#ffffff" stroke="${colour}"`);
    if (letter) expect(svg).toMatch(new RegExp(`>\\${letter}</text>`));
    else expect(svg).not.toContain('<text');
    expect(svg).not.toContain('style=');
  });

  it('draws nothing where there is no icon', () => {
    expect(render('variationIcon', 'none')).toBe('');
    expect(render('assuranceIcon', 'not-applicable')).toBe('');
  });
});
