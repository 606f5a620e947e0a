/**
 * Shapes the performance views for the templates. A status is never shown by colour alone: every
 * tag carries its word.
 */
import type { RagStatus } from '../domain/index.ts';
import type { Dashboard, HealthView, MeasureListEntry } from '../performance-views.service.ts';
import { paths } from '../../../kernel/paths.ts';
import { appetitePositionTag, ragTag } from '../../../platform/words/status-tags.ts';
import { fill, words } from '../../../platform/words/index.ts';

const w = words.performancePages.presenter;

export { ragTag };

const pct = (share: number | null) =>
  share === null ? w.none : fill(w.percent, { percent: (share * 100).toFixed(0) });

function measureRows(entries: readonly MeasureListEntry[]) {
  return entries.map((e) => ({ ...e, href: paths.measure(e.id), tag: ragTag(e.status) }));
}

export function dashboardView(d: Dashboard) {
  return {
    asOf: d.asOf,
    scopeKind: d.scope.kind,
    periodsText: d.periods
      .map((p) =>
        fill(p.measures === 1 ? w.periodOne : w.period, {
          period: p.periodLabel,
          count: p.measures,
          frequency: p.frequency.replace('-', ' '),
        }),
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
      return {
        key: { text: r.name },
        value: { text: share === null ? w.noAppetite : fill(w.atLeast, { share: pct(share) }) },
      };
    }),
    units: h.units.map((u) => ({
      id: u.unitId ?? 'council',
      name: u.unit,
      summary: u.summary,
      periodLabel: u.periodLabel,
      outside: u.outsideAppetite,
      indicators: u.indicators.map((i) => ({
        name: i.name,
        result: i.total === 0 ? w.noneDue : fill(w.result, { met: i.met, total: i.total, share: pct(i.value) }),
        appetite: i.appetite === null ? w.notSet : fill(w.atLeast, { share: pct(i.appetite) }),
        tag: appetitePositionTag(i.position),
        words: i.words,
      })),
    })),
  };
}
