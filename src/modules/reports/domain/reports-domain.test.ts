import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { definitionInput } from './definitions.ts';
import { reportSettingsInput } from './settings.ts';
import { gateGaps, isException, shortfallPercent } from './exceptions.ts';
import type { ReportAction, ReportMeasure, ReportRisk, StoredStatus } from './report-data.ts';
import { summarise } from './summary.ts';
import { whatChanged } from './what-changed.ts';

const status = (over: Partial<StoredStatus> = {}): StoredStatus => ({
  periodKey: '2025-26-Q2',
  rag: 'green',
  value: 70,
  targetValue: 70,
  targetLower: null,
  targetUpper: null,
  directionPrevious: 'improving',
  directionLastYear: 'worsening',
  spcLatestType: 'common-cause',
  spcVariationIcon: 'common-cause',
  forecastProbability: 0.8,
  ...over,
});

const measure = (over: Partial<ReportMeasure> = {}): ReportMeasure => ({
  id: 'm1',
  code: 'M1',
  title: 'Measure one',
  unit: '%',
  decimalPlaces: 1,
  polarity: 'higher-is-better',
  isKey: true,
  measureType: 'local',
  ownerName: 'Ann Owner',
  priority: null,
  periodKey: '2025-26-Q2',
  periodLabel: 'Q2 2025/26',
  now: status(),
  lastPeriod: status({ periodKey: '2025-26-Q1' }),
  lastYear: null,
  commentary: '',
  remedialActions: [],
  ...over,
});

const links = {
  measure: (id: string) => `/m/${id}`,
  action: (id: string) => `/a/${id}`,
  risk: (id: string) => `/r/${id}`,
};
const RAGS = ['red', 'amber', 'green', 'no-data', 'overdue', 'no-target'] as const;
const SPC = ['common-cause', 'special-cause-concern', 'special-cause-improvement', null] as const;

const statusArb = fc.record({
  rag: fc.constantFrom(...RAGS),
  spcLatestType: fc.constantFrom(...SPC),
  forecastProbability: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
});
const measureArb = fc
  .tuple(fc.uuid(), fc.option(statusArb), fc.option(statusArb))
  .map(([id, now, before]) => measure({ id, now: now && status(now), lastPeriod: before && status(before) }));
const actionArb = fc
  .tuple(
    fc.uuid(),
    fc.constantFrom('on-track', 'at-risk', 'off-track', null),
    fc.constantFrom('on-track', 'at-risk', 'off-track', null),
  )
  .map(([id, now, before]): ReportAction => ({
    id,
    code: 'A',
    title: 'Act',
    ownerName: null,
    dueDate: '2026-01-01',
    now,
    before,
  }));
const riskArb = fc
  .tuple(fc.uuid(), fc.integer({ min: 1, max: 25 }), fc.option(fc.integer({ min: 1, max: 25 })))
  .map(([id, score, previousScore]): ReportRisk => ({
    id,
    reference: 'R',
    title: 'Risk',
    ownerName: null,
    score,
    band: 'High',
    previousScore,
  }));

describe('what changed since last quarter', () => {
  it('says a measure changed status, with its link, from the stored statuses of both periods', () => {
    const changes = whatChanged(
      {
        measures: [measure({ now: status({ rag: 'red' }), lastPeriod: status({ rag: 'green' }) })],
        actions: [],
        risks: [],
      },
      links,
    );
    expect(changes).toEqual([
      {
        kind: 'status',
        said: {
          code: 'reports.changed.status',
          params: { code: 'M1', title: 'Measure one', from: { code: 'rag.green' }, to: { code: 'rag.red' } },
        },
        href: '/m/m1',
      },
    ]);
  });

  it('notes a new special-cause signal, a forecast slipping below target, an action newly off track and a risk rising', () => {
    const changes = whatChanged(
      {
        measures: [
          measure({
            now: status({ spcLatestType: 'special-cause-concern', forecastProbability: 0.3 }),
            lastPeriod: status({ forecastProbability: 0.6 }),
          }),
        ],
        actions: [
          {
            id: 'a1',
            code: 'A1',
            title: 'Fix',
            ownerName: null,
            dueDate: '2026-01-01',
            now: 'off-track',
            before: 'on-track',
          },
        ],
        risks: [
          { id: 'r1', reference: 'SR1', title: 'Cyber', ownerName: null, score: 16, band: 'High', previousScore: 12 },
        ],
      },
      links,
    );
    expect(changes.map((c) => [c.kind, c.href])).toEqual([
      ['signal', '/m/m1'],
      ['forecast', '/m/m1'],
      ['action', '/a/a1'],
      ['risk', '/r/r1'],
    ]);
  });

  it('invents nothing: a period with no stored status, no earlier update or no earlier score gives no sentence', () => {
    const changes = whatChanged(
      {
        measures: [measure({ now: status({ rag: 'red' }), lastPeriod: null })],
        actions: [
          {
            id: 'a1',
            code: 'A1',
            title: 'Fix',
            ownerName: null,
            dueDate: '2026-01-01',
            now: 'off-track',
            before: null,
          },
        ],
        risks: [
          { id: 'r1', reference: 'SR1', title: 'Cyber', ownerName: null, score: 16, band: 'High', previousScore: null },
        ],
      },
      links,
    );
    expect(changes).toEqual([]);
  });

  it('when nothing changed between the periods, says nothing', () => {
    fc.assert(
      fc.property(fc.array(measureArb), fc.array(actionArb), fc.array(riskArb), (measures, actions, risks) => {
        const same = {
          measures: measures.map((m) => ({ ...m, lastPeriod: m.now })),
          actions: actions.map((a) => ({ ...a, before: a.now })),
          risks: risks.map((r) => ({ ...r, previousScore: r.score })),
        };
        expect(whatChanged(same, links)).toEqual([]);
      }),
    );
  });

  it('every sentence links to the evidence of something in the input, and each rated status change is said once', () => {
    fc.assert(
      fc.property(fc.array(measureArb), fc.array(actionArb), fc.array(riskArb), (measures, actions, risks) => {
        const changes = whatChanged({ measures, actions, risks }, links);
        const known = new Set([
          ...measures.map((m) => links.measure(m.id)),
          ...actions.map((a) => links.action(a.id)),
          ...risks.map((r) => links.risk(r.id)),
        ]);
        for (const change of changes) expect(known.has(change.href)).toBe(true);
        const rated = (rag?: string) => rag === 'red' || rag === 'amber' || rag === 'green';
        const moved = measures.filter(
          (m) => rated(m.now?.rag) && rated(m.lastPeriod?.rag) && m.now?.rag !== m.lastPeriod?.rag,
        );
        expect(changes.filter((c) => c.kind === 'status')).toHaveLength(moved.length);
      }),
    );
  });
});

describe('exceptions and the gate', () => {
  it('measures the shortfall against the target by polarity and for a range', () => {
    expect(shortfallPercent(status({ value: 63, targetValue: 70 }), 'higher-is-better')).toBeCloseTo(10);
    expect(shortfallPercent(status({ value: 77, targetValue: 70 }), 'lower-is-better')).toBeCloseTo(10);
    expect(shortfallPercent(status({ value: 77, targetValue: 70 }), 'higher-is-better')).toBe(0);
    expect(
      shortfallPercent(status({ value: 5, targetValue: null, targetLower: 10, targetUpper: 20 }), 'in-range'),
    ).toBe(50);
  });

  it('every red is an exception; an amber only when missed by more than the margin', () => {
    expect(isException(measure({ now: status({ rag: 'red', value: 69.9 }) }), 10)).toBe(true);
    expect(isException(measure({ now: status({ rag: 'amber', value: 63 }) }), 10)).toBe(false);
    expect(isException(measure({ now: status({ rag: 'amber', value: 62 }) }), 10)).toBe(true);
    expect(isException(measure({ now: status({ rag: 'green' }) }), 0)).toBe(false);
  });

  it('lists each red measure lacking commentary or a remedial action with an owner and a due date', () => {
    const red = status({ rag: 'red' });
    const gaps = gateGaps([
      measure({ id: 'a', code: 'A', now: red }),
      measure({
        id: 'b',
        code: 'B',
        now: red,
        commentary: 'Staff shortages',
        remedialActions: [{ id: 'x', code: 'X', title: 'Hire', ownerName: null, dueDate: '2026-01-01' }],
      }),
      measure({
        id: 'c',
        code: 'C',
        now: red,
        commentary: 'Known',
        remedialActions: [{ id: 'y', code: 'Y', title: 'Hire', ownerName: 'Bo', dueDate: '2026-01-01' }],
      }),
      measure({ id: 'd', code: 'D', now: status({ rag: 'amber' }) }),
    ]);
    expect(gaps).toEqual([
      {
        measureId: 'a',
        code: 'A',
        title: 'Measure one',
        ownerName: 'Ann Owner',
        missing: ['commentary', 'remedial-action'],
      },
      { measureId: 'b', code: 'B', title: 'Measure one', ownerName: 'Ann Owner', missing: ['remedial-action'] },
    ]);
  });
});

describe('the summary', () => {
  it('counts by status and direction, and keeps unrated measures out of the percentages', () => {
    const counts = summarise([
      measure({ now: status({ rag: 'green' }) }),
      measure({ now: status({ rag: 'green' }) }),
      measure({ now: status({ rag: 'red', directionPrevious: 'worsening' }) }),
      measure({ now: status({ rag: 'no-target' }) }),
      measure({ now: status({ rag: 'overdue' }) }),
      measure({ now: null }),
    ]);
    expect(counts.rated).toBe(3);
    expect(counts.byStatus).toEqual({ green: 2, amber: 0, red: 1 });
    expect(counts.percent).toEqual({ green: 67, amber: 0, red: 33 });
    expect(counts.unrated).toEqual({ 'data-only': 1, awaited: 1, 'not-due': 1 });
    expect(counts.lastPeriod).toMatchObject({ improving: 2, worsening: 1 });
    expect(counts.lastYear).toMatchObject({ worsening: 3 });
  });
});

describe('the council’s report settings as entered', () => {
  it('takes a whole-number margin from 0 to 100 and refuses anything else, naming the field', () => {
    expect(reportSettingsInput.parse({ exceptionMarginPercent: '15' })).toEqual({ exceptionMarginPercent: 15 });
    for (const bad of ['', '-1', '101', '7.5', 'ten']) {
      const refused = reportSettingsInput.safeParse({ exceptionMarginPercent: bad });
      expect(refused.success, bad).toBe(false);
      expect(refused.error?.issues[0]?.path).toEqual(['exceptionMarginPercent']);
    }
  });
});

describe('a definition as entered', () => {
  it('keeps sections in the catalogue order and needs a directorate or portfolio for those scopes', () => {
    const parsed = definitionInput.parse({
      title: ' Cabinet ',
      audience: 'executive',
      scopeKind: 'council',
      scopeId: '',
      cadence: 'quarterly',
      sections: ['key', 'summary'],
    });
    expect(parsed).toEqual({
      title: 'Cabinet',
      audience: 'executive',
      scopeKind: 'council',
      scopeId: null,
      cadence: 'quarterly',
      sections: ['summary', 'key'],
    });
    const refused = definitionInput.safeParse({ ...parsed, scopeKind: 'directorate', scopeId: '' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.path).toEqual(['scopeId']);
    expect(definitionInput.safeParse({ ...parsed, sections: [] }).success).toBe(false);
  });
});
