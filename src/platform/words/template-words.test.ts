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
  'modules/actions/web/views/components/measure-actions.njk',
  'modules/actions/web/views/pages/actions/close.njk',
  'modules/actions/web/views/pages/actions/decision.njk',
  'modules/actions/web/views/pages/actions/form.njk',
  'modules/actions/web/views/pages/actions/import.njk',
  'modules/actions/web/views/pages/actions/index.njk',
  'modules/actions/web/views/pages/actions/milestone.njk',
  'modules/actions/web/views/pages/actions/mine.njk',
  'modules/actions/web/views/pages/actions/progress.njk',
  'modules/actions/web/views/pages/actions/revise-date.njk',
  'modules/actions/web/views/pages/actions/settings.njk',
  'modules/actions/web/views/pages/actions/show.njk',
  'modules/audit/web/views/pages/audit/index.njk',
  'modules/collection/web/views/pages/collection/choose.njk',
  'modules/collection/web/views/pages/collection/entry.njk',
  'modules/collection/web/views/pages/collection/grid.njk',
  'modules/collection/web/views/pages/collection/my-data.njk',
  'modules/collection/web/views/pages/collection/rules.njk',
  'modules/collection/web/views/pages/collection/sign-off.njk',
  'modules/framework/web/views/pages/framework/index.njk',
  'modules/framework/web/views/pages/framework/item-type-form.njk',
  'modules/framework/web/views/pages/framework/plan-type-form.njk',
  'modules/framework/web/views/pages/framework/plan-type.njk',
  'modules/home/web/views/pages/home/council.njk',
  'modules/home/web/views/pages/home/delivery.njk',
  'modules/home/web/views/pages/home/index.njk',
  'modules/home/web/views/pages/home/risks-and-money.njk',
  'modules/home/web/views/pages/home/status.njk',
  'modules/imports/web/views/pages/imports/index.njk',
  'modules/improvement-plans/web/views/components/improvement-plan-actions.njk',
  'modules/improvement-plans/web/views/components/improvement-plan-requests.njk',
  'modules/improvement-plans/web/views/components/measure-improvement-plan.njk',
  'modules/improvement-plans/web/views/pages/improvement-plans/close.njk',
  'modules/improvement-plans/web/views/pages/improvement-plans/decision.njk',
  'modules/improvement-plans/web/views/pages/improvement-plans/form.njk',
  'modules/improvement-plans/web/views/pages/improvement-plans/index.njk',
  'modules/improvement-plans/web/views/pages/improvement-plans/needed.njk',
  'modules/improvement-plans/web/views/pages/improvement-plans/settings.njk',
  'modules/improvement-plans/web/views/pages/improvement-plans/show.njk',
  'modules/improvement-plans/web/views/pages/improvement-plans/withdraw.njk',
  'modules/measures/web/views/pages/measures/form.njk',
  'modules/measures/web/views/pages/measures/index.njk',
  'modules/measures/web/views/pages/measures/retire.njk',
  'modules/measures/web/views/pages/measures/show.njk',
  'modules/measures/web/views/pages/measures/target-form.njk',
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
  'modules/performance/web/views/components/measure-performance.njk',
  'modules/performance/web/views/components/rollup-status.njk',
  'modules/performance/web/views/pages/performance/dashboard.njk',
  'modules/performance/web/views/pages/performance/health.njk',
  'modules/performance/web/views/pages/performance/measures.njk',
  'modules/performance/web/views/pages/settings/performance.njk',
  'modules/plans/web/views/components/item-tree.njk',
  'modules/plans/web/views/pages/items/form.njk',
  'modules/plans/web/views/pages/items/links.njk',
  'modules/plans/web/views/pages/items/remove.njk',
  'modules/plans/web/views/pages/items/show.njk',
  'modules/plans/web/views/pages/plans/form.njk',
  'modules/plans/web/views/pages/plans/history.njk',
  'modules/plans/web/views/pages/plans/index.njk',
  'modules/plans/web/views/pages/plans/show.njk',
  'modules/projects/web/views/pages/projects/action.njk',
  'modules/projects/web/views/pages/projects/form.njk',
  'modules/projects/web/views/pages/projects/index.njk',
  'modules/projects/web/views/pages/projects/milestone-complete.njk',
  'modules/projects/web/views/pages/projects/milestone-form.njk',
  'modules/projects/web/views/pages/projects/milestone-revise.njk',
  'modules/projects/web/views/pages/projects/programme-form.njk',
  'modules/projects/web/views/pages/projects/programme.njk',
  'modules/projects/web/views/pages/projects/programmes.njk',
  'modules/projects/web/views/pages/projects/show.njk',
  'modules/projects/web/views/pages/projects/stage-form.njk',
  'modules/projects/web/views/pages/projects/update-form.njk',
  'modules/recommendations/web/views/pages/recommendations/_ageing.njk',
  'modules/recommendations/web/views/pages/recommendations/_register-table.njk',
  'modules/recommendations/web/views/pages/recommendations/close.njk',
  'modules/recommendations/web/views/pages/recommendations/due-date.njk',
  'modules/recommendations/web/views/pages/recommendations/import.njk',
  'modules/recommendations/web/views/pages/recommendations/index.njk',
  'modules/recommendations/web/views/pages/recommendations/new.njk',
  'modules/recommendations/web/views/pages/recommendations/report-form.njk',
  'modules/recommendations/web/views/pages/recommendations/report.njk',
  'modules/recommendations/web/views/pages/recommendations/reports.njk',
  'modules/recommendations/web/views/pages/recommendations/response.njk',
  'modules/recommendations/web/views/pages/recommendations/settings.njk',
  'modules/recommendations/web/views/pages/recommendations/show.njk',
  'modules/recommendations/web/views/pages/recommendations/status.njk',
  'modules/risks/web/views/pages/risks/close.njk',
  'modules/risks/web/views/pages/risks/control.njk',
  'modules/risks/web/views/pages/risks/filters.njk',
  'modules/risks/web/views/pages/risks/heat-map.njk',
  'modules/risks/web/views/pages/risks/links.njk',
  'modules/risks/web/views/pages/risks/move.njk',
  'modules/risks/web/views/pages/risks/reassess.njk',
  'modules/risks/web/views/pages/risks/register-form.njk',
  'modules/risks/web/views/pages/risks/register.njk',
  'modules/risks/web/views/pages/risks/registers.njk',
  'modules/risks/web/views/pages/risks/risk-form.njk',
  'modules/risks/web/views/pages/risks/risk.njk',
  'modules/risks/web/views/pages/risks/risks.njk',
  'modules/risks/web/views/pages/risks/scores.njk',
  'modules/risks/web/views/pages/risks/settings.njk',
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
