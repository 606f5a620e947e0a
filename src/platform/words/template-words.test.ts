/**
 * Templates say their words through the catalogue (`"key" | t`), so that a Welsh catalogue can be
 * added without touching a template. The list below holds the templates that still have English
 * written into them: it only shrinks. A template not listed that gains English fails, and so does
 * a listed one that no longer has any (take it off the list).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findTemplateEnglish } from './template-english.ts';

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function templatesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return filesOrNone(full);
    return entry.name.endsWith('.njk') ? [path.relative(src, full)] : [];
  });
}
const filesOrNone = (folder: string): string[] => (folder.endsWith('node_modules') ? [] : templatesUnder(folder));

/** Templates with English not yet moved to the catalogue (issue #14): remove entries, never add. */
const NOT_YET_MOVED = new Set<string>([

]);

describe('words in templates', () => {
  const templates = templatesUnder(src).sort();

  it('finds the templates', () => {
    expect(templates.length).toBeGreaterThan(100);
  });

  it.each(templates)('%s says its words through the catalogue', (template) => {
    const english = findTemplateEnglish(readFileSync(path.join(src, template), 'utf8'));
    if (NOT_YET_MOVED.has(template)) {
      expect(english.length, `${template} has no English left: take it off NOT_YET_MOVED`).toBeGreaterThan(0);
    } else {
      expect(english.map((found) => `line ${found.line}: ${found.text}`)).toEqual([]);
    }
  });

  it('lists only templates that exist', () => {
    expect([...NOT_YET_MOVED].filter((template) => !templates.includes(template))).toEqual([]);
  });
});
