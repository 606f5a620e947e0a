import fc from 'fast-check';
import nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escape-html.ts';

describe('escapeHtml', () => {
  it('escapes the five characters that can break out of text or an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;',
    );
  });

  it('escapes an ampersand that already starts an entity, so the text shows as typed', () => {
    expect(escapeHtml('&amp; &lt;')).toBe('&amp;amp; &amp;lt;');
  });

  it('leaves other text, Welsh letters and symbols included, as it is', () => {
    expect(escapeHtml('Cyngor Sir Ynys Môn: £1,234 — 50% ŵ')).toBe('Cyngor Sir Ynys Môn: £1,234 — 50% ŵ');
  });

  it('writes what the templates write (which also write a backslash as an entity), and nothing unescaped gets through', () => {
    const env = new nunjucks.Environment(null, { autoescape: true });
    fc.assert(
      fc.property(fc.string(), (text) => {
        const escaped = escapeHtml(text);
        const templated = env.renderString('{{ text }}', { text }).replaceAll('&#92;', '\\');
        return escaped === templated && !/[<>"']/.test(escaped);
      }),
    );
  });
});
