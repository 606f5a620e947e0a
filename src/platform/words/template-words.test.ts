/**
 * Templates say their words through the catalogue (`"key" | t`), so that a Welsh catalogue can be
 * added without touching a template: a template with English written into it fails, naming the
 * line and the words (the finder is template-english.ts, with its own tests).
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

describe('words in templates', () => {
  const templates = templatesUnder(src).sort();

  it('finds the templates', () => {
    expect(templates.length).toBeGreaterThan(100);
  });

  it.each(templates)('%s says its words through the catalogue', (template) => {
    const english = findTemplateEnglish(readFileSync(path.join(src, template), 'utf8'));
    expect(english.map((found) => `line ${found.line}: ${found.text}`)).toEqual([]);
  });
});
