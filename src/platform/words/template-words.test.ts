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
const NOT_YET_MOVED = new Set([
  'modules/framework/web/views/pages/framework/index.njk',
  'modules/framework/web/views/pages/framework/item-type-form.njk',
  'modules/framework/web/views/pages/framework/plan-type-form.njk',
  'modules/framework/web/views/pages/framework/plan-type.njk',
  'modules/home/web/views/pages/home/council.njk',
  'modules/home/web/views/pages/home/delivery.njk',
  'modules/home/web/views/pages/home/index.njk',
  'modules/home/web/views/pages/home/risks-and-money.njk',
  'modules/home/web/views/pages/home/status.njk',
  'modules/money/web/views/components/item-funding.njk',
  'modules/money/web/views/pages/money/budget-line.njk',
  'modules/money/web/views/pages/money/capital-import.njk',
  'modules/money/web/views/pages/money/cost-centres.njk',
  'modules/money/web/views/pages/money/import.njk',
  'modules/money/web/views/pages/money/new-cost-centre.njk',
  'modules/money/web/views/pages/money/programme-table.njk',
  'modules/money/web/views/pages/money/summary.njk',
  'modules/money/web/views/pages/money/variance-bands.njk',
  'modules/organisation/web/views/pages/account/api-tokens.njk',
  'modules/organisation/web/views/pages/account/second-factor.njk',
  'modules/organisation/web/views/pages/account/sessions.njk',
  'modules/organisation/web/views/pages/account/sign-in-settings.njk',
  'modules/organisation/web/views/pages/auth/code-expired.njk',
  'modules/organisation/web/views/pages/auth/forgot-password-sent.njk',
  'modules/organisation/web/views/pages/auth/forgot-password.njk',
  'modules/organisation/web/views/pages/auth/link-problem.njk',
  'modules/organisation/web/views/pages/auth/set-password.njk',
  'modules/organisation/web/views/pages/auth/sign-in-code.njk',
  'modules/organisation/web/views/pages/auth/sign-in.njk',
  'modules/organisation/web/views/pages/governance/form.njk',
  'modules/organisation/web/views/pages/governance/index.njk',
  'modules/organisation/web/views/pages/governance/show.njk',
  'modules/organisation/web/views/pages/partners/form.njk',
  'modules/organisation/web/views/pages/partners/index.njk',
  'modules/organisation/web/views/pages/partners/show.njk',
  'modules/organisation/web/views/pages/people/form.njk',
  'modules/organisation/web/views/pages/people/index.njk',
  'modules/organisation/web/views/pages/people/leave.njk',
  'modules/organisation/web/views/pages/people/password-link.njk',
  'modules/organisation/web/views/pages/people/show.njk',
  'modules/organisation/web/views/pages/portfolios/form.njk',
  'modules/organisation/web/views/pages/portfolios/index.njk',
  'modules/organisation/web/views/pages/portfolios/show.njk',
  'modules/organisation/web/views/pages/units/form.njk',
  'modules/organisation/web/views/pages/units/index.njk',
  'modules/organisation/web/views/pages/units/show.njk',
  'modules/plans/web/views/components/item-tree.njk',
  'modules/plans/web/views/pages/items/form.njk',
  'modules/plans/web/views/pages/items/links.njk',
  'modules/plans/web/views/pages/items/remove.njk',
  'modules/plans/web/views/pages/items/show.njk',
  'modules/plans/web/views/pages/plans/form.njk',
  'modules/plans/web/views/pages/plans/history.njk',
  'modules/plans/web/views/pages/plans/index.njk',
  'modules/plans/web/views/pages/plans/show.njk',
  'platform/http/views/layouts/base.njk',
  'platform/http/views/pages/api/docs.njk',
  'platform/http/views/pages/errors/csrf.njk',
  'platform/http/views/pages/errors/forbidden.njk',
  'platform/http/views/pages/errors/not-found.njk',
  'platform/http/views/pages/errors/problem.njk',
  'platform/http/views/pages/errors/too-many-requests.njk',
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
