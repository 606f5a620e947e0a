/**
 * Finds words for people written straight into a Nunjucks template instead of the catalogue:
 * text between tags, and string literals inside `{{ }}` / `{% %}` that read as prose. Used by
 * template-words.test.ts so that English cannot creep back into templates once moved.
 *
 * A heuristic, tuned to miss nothing a person reads: a literal counts as prose when it holds a
 * letter and either a space or a capital letter, and is not a catalogue key (`a.b.c`) piped to `t`.
 * Class names, ids, paths and keys are lowercase without spaces, so they pass.
 */

export interface TemplateEnglish {
  readonly line: number;
  readonly text: string;
}

const COMMENT = /\{#[\s\S]*?#\}/g;
const TAG = /(\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\})/g;
const STRING_LITERAL = /"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'/g;
const HTML_TAG = /<[^>]*>/g;
const ENTITY = /&[a-z#0-9]+;/gi;

/** Literals that read as prose. */
function isProse(quoted: string): boolean {
  const literal = quoted.replace(/<\/?[a-z][^>]*>?/gi, ' '); // markup, even a tag cut off by a + join
  if (!/[A-Za-z]/.test(literal)) return false;
  return /\s/.test(literal.trim()) || /[A-Z]/.test(literal);
}

/** Literals that are not words for people even though they look like it. */
function isMachineLiteral(literal: string, after: string, before: string): boolean {
  if (/^\s*\|\s*t\b/.test(after)) return true; // a catalogue key said with the t filter
  // A field name built from its stem and a capitalised tail (dimension.name + "Rag"), ending the expression.
  if (/^[A-Z][a-z]+$/.test(literal) && /[\w\]]\s*\+\s*$/.test(before) && /^\s*[,)\]}]/.test(after)) return true;
  if (/^[\w-]+(\.[\w-]+)+$/.test(literal)) return true; // a dotted key passed to t(...) or a macro
  if (/^[\w-]+(\.[\w-]+)+\.$/.test(literal)) return true; // a key's start, joined to a code: ("a.b." + code) | t, or ~ code
  if (/^(layouts|components|pages|documents)\//.test(literal)) return true; // template paths
  if (/^[\w!-]+(\s+[\w!-]+)*$/.test(literal) && /(^|\s)(govuk|app|moj)-/.test(literal)) return true; // class lists
  if (/^(GET|POST|[A-Z_]+)$/.test(literal)) return true; // methods and constants
  if (/^[a-z][A-Za-z0-9]*$/.test(literal)) return true; // field names and ids (camelCase)
  if (/^[a-z][A-Za-z0-9]*(-[A-Za-z0-9]+)+$/.test(literal)) return true; // ids and field names joined by hyphens
  if (/^\?[\w=&-]+$/.test(literal)) return true; // a query string added to a path
  return false;
}

function lineOf(source: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

/** Every piece of English written into the template, with its line. */
export function findTemplateEnglish(source: string): TemplateEnglish[] {
  const blank = (text: string): string => text.replace(/[^\n]/g, ' ');
  const uncommented = source.replace(COMMENT, blank);
  const found: TemplateEnglish[] = [];
  for (const tag of uncommented.matchAll(TAG)) {
    for (const literal of tag[0].matchAll(STRING_LITERAL)) {
      const text = literal[1] ?? literal[2] ?? '';
      const after = tag[0].slice(literal.index + literal[0].length);
      const before = tag[0].slice(0, literal.index);
      if (isProse(text) && !isMachineLiteral(text, after, before)) {
        found.push({ line: lineOf(uncommented, tag.index + literal.index), text });
      }
    }
  }
  // With the Nunjucks tags blanked, what is left outside HTML tags is text a person reads.
  const markup = uncommented.replace(TAG, (tag) => tag.replace(/[^\n]/g, '_'));
  for (const match of markup.matchAll(/\b(alt|title|aria-label|placeholder)="([^"]*[A-Za-z]{2,}[^"]*)"/g)) {
    found.push({ line: lineOf(markup, match.index), text: match[2] ?? '' });
  }
  const text = markup.replace(HTML_TAG, blank).replace(ENTITY, ' ').replace(/_+/g, ' ');
  for (const match of text.matchAll(/[^\n]+/g)) {
    const words = match[0].trim();
    if (/[A-Za-z]{2,}/.test(words)) found.push({ line: lineOf(text, match.index), text: words });
  }
  return found.sort((a, b) => a.line - b.line);
}
