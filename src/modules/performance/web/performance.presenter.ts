/**
 * Shapes the performance views for the templates. A status is never shown by colour alone: every
 * tag carries its word.
 */
import type { RagStatus } from '../domain/index.ts';
import type { Dashboard, HealthView, MeasureListEntry } from '../performance-views.service.ts';
import { paths } from '../../../kernel/paths.ts';
import { appetitePositionTag, ragTag } from '../../../platform/words/status-tags.ts';

export { ragTag };

const pct = (share: number | null) => (share === null ? 'None' : `${(share * 100).toFixed(0)}%`);

function measureRows(entries: readonly MeasureListEntry[]) {
  return entries.map((e) => ({ ...e, href: paths.measure(e.id), tag: ragTag(e.status) }));
}

export function dashboardView(d: Dashboard) {
  return {
    asOf: d.asOf,
    scopeKind: d.scope.kind,
    periodsText: d.periods
      .map(
        (p) =>
          `${p.periodLabel} for ${p.measures} ${p.frequency.replace('-', ' ')} measure${p.measures === 1 ? '' : 's'}`,
      )
      .join('; '),
    overallText: d.overall.countsText,
    total: d.overall.counts.total,
    overallCards: (
      [
        ['green', d.overall.counts.green],
        ['amber', d.overall.counts.amber],
        ['red', d.overall.counts.red],
        ['no-data', d.overall.counts.noData],
        ['overdue', d.overall.counts.overdue],
        ['no-target', d.overall.counts.noTarget],
      ] as [RagStatus, number][]
    ).map(([status, count]) => ({ status, tag: ragTag(status), count })),
    units: d.byUnit,
    keyMeasures: measureRows(d.keyMeasures),
    worstPerformers: measureRows(d.worstPerformers),
    corporatePlan: d.corporatePlan
      ? {
          id: d.corporatePlan.id,
          title: d.corporatePlan.title,
          href: paths.plan(d.corporatePlan.id),
          priorities: d.corporatePlan.priorities.map((p) => ({
            href: paths.item(p.id),
            code: p.code ?? '',
            title: p.title,
            tag: ragTag(p.status),
            countsText: p.countsText,
            reason: p.reason,
          })),
        }
      : null,
    notComputed: d.notComputed,
  };
}

export function healthView(h: HealthView) {
  return {
    asOf: h.asOf,
    rules: h.rules,
    appetiteRows: h.rules.map((r) => {
      const share = h.appetite[r.id as keyof typeof h.appetite] ?? null;
      return { key: { text: r.name }, value: { text: share === null ? 'No appetite set' : `At least ${pct(share)}` } };
    }),
    units: h.units.map((u) => ({
      id: u.unitId ?? 'council',
      name: u.unit,
      summary: u.summary,
      periodLabel: u.periodLabel,
      outside: u.outsideAppetite,
      indicators: u.indicators.map((i) => ({
        name: i.name,
        result: i.total === 0 ? 'None due' : `${i.met} of ${i.total} (${pct(i.value)})`,
        appetite: i.appetite === null ? 'Not set' : `At least ${pct(i.appetite)}`,
        tag: appetitePositionTag(i.position),
        words: i.words,
      })),
    })),
  };
}
