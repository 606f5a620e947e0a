/**
 * Shapes the views for every level for the templates: where each dashboard lives, its heading,
 * the period picker, a link behind every count (the filtered measure list), the measure list's
 * filter options with their counts, and the overdue returns as a table and as CSV rows.
 */
import {
  filterQuery,
  LISTED_STATUSES,
  type MeasureFilters,
  OVERDUE_SORTS,
  type OverdueSort,
  type RagStatus,
  type ViewScope,
} from '../domain/index.ts';
import { paths } from '../../../kernel/paths.ts';
import { fill, words } from '../../../platform/words/index.ts';
import { ragTag, ragWord } from '../../../platform/words/status-tags.ts';
import type { MeasureListView, OverdueReturnsView } from '../measure-views.service.ts';
import type { Dashboard, MeasureListEntry } from '../performance-views.types.ts';

const w = words.levelViews;

/** Where a scope's dashboard lives. */
export function dashboardPath(scope: ViewScope): string {
  switch (scope.kind) {
    case 'council':
      return paths.performance();
    case 'unit':
      return paths.performanceUnit(scope.id);
    case 'portfolio':
      return paths.performancePortfolio(scope.id);
    case 'body':
      return paths.performanceBody(scope.id);
    case 'mine':
      return paths.performanceMine();
  }
}

/** The measure list with the given filters. */
export function listHref(filters: MeasureFilters, extra: Partial<MeasureFilters> = {}): string {
  return `${paths.performanceMeasures()}${filterQuery({ ...filters, ...extra })}`;
}

export function dashboardTitle(d: Pick<Dashboard, 'scope' | 'scopeName'>): string {
  return d.scope.kind === 'council' || d.scope.kind === 'mine'
    ? w.title[d.scope.kind]
    : fill(w.title[d.scope.kind], { name: d.scopeName ?? '' });
}

function dashboardLead(d: Dashboard): string | null {
  switch (d.scope.kind) {
    case 'council':
      return null;
    case 'unit':
      return fill(w.lead.unit, { name: d.scopeName ?? '' });
    case 'portfolio':
      return d.holderName ? fill(w.lead.portfolioHeld, { holder: d.holderName }) : w.lead.portfolio;
    case 'body':
      return w.lead.body;
    case 'mine':
      return w.lead.mine;
  }
}

/** The period picker's options: the latest reported periods, then each quarter chosen. */
export function periodItems(choices: readonly { key: string; label: string }[], chosen: string | null) {
  return [
    { value: '', text: w.period.latest, selected: chosen === null },
    ...choices.map((c) => ({
      value: c.key,
      text: fill(w.period.quarterEnd, { label: c.label }),
      selected: chosen === c.key,
    })),
  ];
}

const COUNT_COLUMNS: [RagStatus, keyof Dashboard['overall']['counts']][] = [
  ['green', 'green'],
  ['amber', 'amber'],
  ['red', 'red'],
  ['no-data', 'noData'],
  ['overdue', 'overdue'],
  ['no-target', 'noTarget'],
];

/** What the dashboard template needs beyond the corporate dashboard's shape: scope, picker and links. */
export function levelOf(d: Dashboard) {
  // In a unit's own view, its own row counts the measures it owns directly (its children have rows).
  const unitFilter = (unitId: string | null): Partial<MeasureFilters> =>
    unitId ? { unitId, ownUnitOnly: d.scope.kind === 'unit' && d.scope.id === unitId } : {};
  return {
    title: dashboardTitle(d),
    lead: dashboardLead(d),
    action: dashboardPath(d.scope),
    periodItems: periodItems(d.periodChoices, d.period),
    listHref: listHref(d.filters),
    overallLinks: Object.fromEntries(
      COUNT_COLUMNS.map(([status]) => [status, listHref(d.filters, { statuses: [status] })]),
    ),
    breakdownCaption:
      d.scope.kind === 'unit'
        ? w.breakdown.unit
        : d.scope.kind === 'portfolio'
          ? w.breakdown.portfolio
          : w.breakdown.council,
    unitRows: d.byUnit.map((u) => ({
      unitName: u.unitName,
      // The unit's name opens its own dashboard; its counts open the measures behind them.
      href: u.unitId ? paths.performanceUnit(u.unitId) : null,
      cells: [
        ...COUNT_COLUMNS.map(([status, field]) => ({
          count: u.counts[field],
          href: u.unitId ? listHref(d.filters, { ...unitFilter(u.unitId), statuses: [status] }) : null,
        })),
        { count: u.counts.total, href: u.unitId ? listHref(d.filters, unitFilter(u.unitId)) : null },
      ],
    })),
    keyHref: listHref(d.filters, { keyOnly: true }),
  };
}

function measureRow(e: MeasureListEntry) {
  return { ...e, href: paths.measure(e.id), tag: ragTag(e.status) };
}

/** The measure list page: the filter form's options, with counts, and the rows. */
export function measureListView(v: MeasureListView) {
  const f = v.filters;
  const option = (selected: string | null) => (o: { id: string; name: string }) => ({
    value: o.id,
    text: o.name,
    selected: o.id === selected,
  });
  const selectedTags = [
    ...f.statuses.map((s) => ({
      text: ragWord(s),
      href: listHref(f, { statuses: f.statuses.filter((x) => x !== s) }),
    })),
    ...(f.unitId
      ? [{ text: v.units.find((u) => u.id === f.unitId)?.name ?? '', href: listHref(f, { unitId: null }) }]
      : []),
    ...(f.portfolioId
      ? [
          {
            text: v.portfolios.find((p) => p.id === f.portfolioId)?.name ?? '',
            href: listHref(f, { portfolioId: null }),
          },
        ]
      : []),
    ...(f.bodyId
      ? [{ text: v.bodies.find((b) => b.id === f.bodyId)?.name ?? '', href: listHref(f, { bodyId: null }) }]
      : []),
    ...(f.mine ? [{ text: w.measures.mine, href: listHref(f, { mine: false }) }] : []),
    ...(f.keyOnly ? [{ text: w.measures.key, href: listHref(f, { keyOnly: false }) }] : []),
    ...(f.overdueOnly ? [{ text: w.measures.overdue, href: listHref(f, { overdueOnly: false }) }] : []),
  ];
  return {
    asOf: v.asOf,
    countText: fill(w.measures.count, { shown: v.measures.length, total: v.inScope }),
    selectedTags,
    statusItems: LISTED_STATUSES.map((status) => ({
      value: status,
      text: `${ragWord(status)} (${v.statusCounts[status]})`,
      checked: f.statuses.includes(status),
    })),
    unitItems: [{ value: '', text: w.measures.anyUnit, selected: !f.unitId }, ...v.units.map(option(f.unitId))],
    portfolioItems: [
      { value: '', text: w.measures.anyPortfolio, selected: !f.portfolioId },
      ...v.portfolios.map(option(f.portfolioId)),
    ],
    bodyItems: [{ value: '', text: w.measures.anyBody, selected: !f.bodyId }, ...v.bodies.map(option(f.bodyId))],
    otherItems: [
      { value: 'true', name: 'mine', text: w.measures.mine, checked: f.mine },
      { value: 'true', name: 'key', text: w.measures.key, checked: f.keyOnly },
      { value: 'true', name: 'overdue', text: w.measures.overdue, checked: f.overdueOnly },
    ],
    periodItems: periodItems(v.periodChoices, v.period),
    rows: v.measures.map(measureRow),
    // The dashboards of the unit, portfolio or body filtered on, and of every portfolio and body.
    dashboards: [
      ...(f.unitId
        ? [
            {
              text: dashboardTitle({
                scope: { kind: 'unit', id: f.unitId },
                scopeName: v.units.find((u) => u.id === f.unitId)?.name ?? null,
              }),
              href: paths.performanceUnit(f.unitId),
            },
          ]
        : []),
      ...v.portfolios.map((p) => ({
        text: dashboardTitle({ scope: { kind: 'portfolio', id: p.id }, scopeName: p.name }),
        href: paths.performancePortfolio(p.id),
      })),
      ...v.bodies.map((b) => ({
        text: dashboardTitle({ scope: { kind: 'body', id: b.id }, scopeName: b.name }),
        href: paths.performanceBody(b.id),
      })),
    ],
  };
}

const SORT_LINK = (sort: OverdueSort) => `${paths.overdueReturns()}?sort=${sort}`;

/** The overdue returns page: the table, the sort links and the CSV link in the same order. */
export function overdueView(v: OverdueReturnsView) {
  return {
    asOf: v.asOf,
    countText: fill(w.overdue.count, { count: v.returns.length }),
    sortItems: OVERDUE_SORTS.map((sort) => ({ value: sort, text: w.overdue.sorts[sort], selected: v.sort === sort })),
    sortLinks: OVERDUE_SORTS.map((sort) => ({ sort, href: SORT_LINK(sort), current: v.sort === sort })),
    csvHref: `${paths.overdueReturnsCsv()}?sort=${v.sort}`,
    rows: v.returns.map((r) => ({
      ...r,
      href: paths.measure(r.measureId),
      unitName: r.unitName ?? w.overdue.noUnit,
      ownerName: r.ownerName ?? w.overdue.noOwner,
    })),
  };
}

/** The CSV's header and rows: the same columns as the page. */
export function overdueCsv(v: OverdueReturnsView): { headers: string[]; rows: (string | number)[][] } {
  const o = w.overdue;
  return {
    headers: [words.performancePages.presenter.code, o.measure, o.period, o.unit, o.owner, o.due, o.daysLate],
    rows: v.returns.map((r) => [
      r.code,
      r.title,
      r.periodLabel,
      r.unitName ?? o.noUnit,
      r.ownerName ?? o.noOwner,
      r.dueDate,
      r.daysLate,
    ]),
  };
}
