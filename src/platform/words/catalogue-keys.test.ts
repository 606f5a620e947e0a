/**
 * Every catalogue key the code and the templates name exists in the English catalogue, and the
 * `Catalogue` type is the shape a Welsh catalogue must satisfy.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { en } from './en.ts';
import { lookUp, say, words, type Catalogue } from './index.ts';

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(full);
    return /\.(ts|njk)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [full] : [];
  });
}

/** Keys named literally (a key built at run time, such as `rag.${status}`, is checked by its own tests). */
const KEY_PATTERNS: { pattern: RegExp; key: (match: RegExpExecArray) => string }[] = [
  { pattern: /\bphrase\(\s*'([\w.-]+)'/g, key: (m) => m[1]! },
  { pattern: /\bphraseText\(\s*'([\w.-]+)'/g, key: (m) => m[1]! },
  { pattern: /\blookUp\(\s*'([\w.-]+)'/g, key: (m) => m[1]! },
  { pattern: /\bt\(\s*["']([\w.-]+)["']/g, key: (m) => m[1]! },
  { pattern: /["']([\w.-]+)["']\s*\|\s*t\b/g, key: (m) => m[1]! },
  { pattern: /\blabelTag\(\s*["']([\w-]+)["']\s*\)/g, key: (m) => `labelTag.${m[1]!}` },
];

/** `words.a.b` in code: each step must exist (the last may be a section indexed at run time). */
const WORDS_PATH = /(?<![\w/.-])words\.([A-Za-z]\w*(?:\.[A-Za-z]\w*)*)/g;
/** Only where `words` is the catalogue (elsewhere it may be a local of the same name). */
const IMPORTS_WORDS = /import\s*\{[^}]*\bwords\b[^}]*\}\s*from\s*'(?:[^']*\/words\/index|\.\/index)\.ts'/;

/** `notFound('plan')`, where notFound is the platform's (a lower-case name is a catalogue key; a capital, English not yet moved). */
const NOT_FOUND_THING = /\bnotFound\(\s*'([a-z]\w*)'/g;
const IMPORTS_NOT_FOUND = /import\s*\{[^}]*\bnotFound\b[^}]*\}\s*from\s*'[^']*\/platform\/services\/errors\.ts'/;

function resolves(dotted: string): boolean {
  let here: unknown = en;
  for (const part of dotted.split('.')) {
    if (here === null || typeof here !== 'object' || !Object.hasOwn(here, part)) return false;
    here = (here as Record<string, unknown>)[part];
  }
  return true;
}

describe('the catalogue keys used in code and templates', () => {
  const files = filesUnder(src);
  const used: { file: string; key: string; kind: 'key' | 'path' }[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const { pattern, key } of KEY_PATTERNS) {
      for (const match of text.matchAll(pattern)) used.push({ file, key: key(match), kind: 'key' });
    }
    if (file.endsWith('.ts') && IMPORTS_NOT_FOUND.test(text)) {
      for (const match of text.matchAll(NOT_FOUND_THING))
        used.push({ file, key: `notFound.${match[1]!}`, kind: 'key' });
    }
    if (file.endsWith('.ts') && IMPORTS_WORDS.test(text)) {
      for (const match of text.matchAll(WORDS_PATH)) used.push({ file, key: match[1]!, kind: 'path' });
    }
  }

  it('finds the keys it is meant to check', () => {
    expect(used.some((u) => u.key === 'ragReason.judged')).toBe(true);
    expect(used.some((u) => u.key === 'labelTag.key-measure')).toBe(true);
    expect(used.some((u) => u.kind === 'path' && u.key.startsWith('personStatus'))).toBe(true);
    expect(used.some((u) => u.key === 'notFound.improvementPlan')).toBe(true);
  });

  it('has words for every key named', () => {
    const missing = used
      .filter((u) => (u.kind === 'key' ? !isWords(u.key) : !resolves(u.key)))
      .map((u) => `${path.relative(src, u.file)}: ${u.key}`);
    expect(missing).toEqual([]);
  });
});

function isWords(key: string): boolean {
  try {
    return typeof lookUp(key) === 'string';
  } catch {
    return false;
  }
}

describe('the shape a Welsh catalogue must have', () => {
  it('is the English catalogue’s shape with any words', () => {
    expectTypeOf(en).toExtend<Catalogue>();
    expectTypeOf(words).toEqualTypeOf<Catalogue>();
    expectTypeOf<Catalogue['rag']['red']>().toEqualTypeOf<string>();
    // A catalogue missing a section, or a word, is not a Catalogue.
    const { rag: _rag, ...withoutRag } = en;
    expectTypeOf(withoutRag).not.toExtend<Catalogue>();
    const { red: _red, ...ragWithoutRed } = en.rag;
    expectTypeOf({ ...en, rag: ragWithoutRed }).not.toExtend<Catalogue>();
  });

  it('lets other words say the same phrases', () => {
    const welshLike: Catalogue = { ...en, rag: { ...en.rag, red: 'Coch' } };
    expect(say({ code: 'ragReason.judged', params: { status: { code: 'rag.red' }, detail: 'x' } }, welshLike)).toBe(
      'Coch: x',
    );
  });
});
