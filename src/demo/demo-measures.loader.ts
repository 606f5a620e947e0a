/**
 * Loads the demo measures (demo-measures.data.ts) into the demo council, with their history read from
 * the real published files (real-data-reader.ts): definitions, assignees, links to plan items, targets
 * with a revision, values and their events, period locks, an SPC rebase and the stored statuses. The
 * targets, the workflow around the latest figures and the SPC rebase are the demo council's own
 * (invented, and labelled "Demo" where they carry a reason). Each series is shown in shifted periods
 * so that the demo stays current (demo-periods.ts), and its data source says so.
 *
 * When a data folder given instead of reference-data/ is missing, the rest of the demo loads and the
 * measures are skipped with a printed note.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { validateMeasureValue } from '../modules/measures/domain/values.ts';
import { currentReportingPeriod, periodKey } from '../kernel/measurement/periods.ts';
import { afterPeriodEnd, labelOf, shiftedKey, shiftNote, shiftToLatestComplete } from './demo-periods.ts';
import { createPerformanceStatusService } from '../modules/performance/index.ts';
import { asClock, londonDateOf } from '../platform/clock.ts';
import { recordAudit } from '../platform/audit/audit.ts';
import type { Db } from '../platform/db/db.ts';
import {
  measureAssignees,
  measureItemLinks,
  measures,
  measureTargets,
  measureValueEvents,
  measureValues,
  periodLocks,
  spcRebases,
} from '../modules/measures/index.ts';
import { planItems, plans } from '../modules/plans/index.ts';
import { DEMO_MEASURES } from './demo-measures.data.ts';
import { DEFAULT_REAL_DATA_DIR, Files, HART_YEAR, pad, readSeries, round } from './real-data-reader.ts';
import { sayStored } from '../platform/words/index.ts';
import { phraseText } from '../kernel/phrase.ts';

export interface DemoMeasuresContext {
  organisationId: string;
  personId: (key: string, where: string) => string;
  unitId: (code: string, where: string) => string;
  clock: () => Date;
  /** The real data folder; defaults to reference-data/ in the repository. */
  dataDir?: string;
  /** Where the note about a missing folder goes (console.warn by default). */
  warn?: (message: string) => void;
}

export interface DemoMeasuresResult {
  measures: number;
  values: number;
  /** Published rows that matched a series but could not be placed in a period (or had no figure). */
  skippedRows: number;
  statuses: number;
  /** Set when the measures were skipped because the real data folder is missing. */
  note?: string;
}

type ValueRow = typeof measureValues.$inferInsert & { id: string };
type EventRow = typeof measureValueEvents.$inferInsert;
type TargetRow = typeof measureTargets.$inferInsert & { id: string };

const SEED_ACTOR = { personId: null, label: phraseText('auditActors.demoSeed') };

/**
 * Loads the demo measures into the demo council (inside its transaction): definitions, assignees,
 * links to plan items, targets with a revision, values and their events, period locks, an SPC
 * rebase, and the stored statuses.
 */
export async function loadDemoMeasures(tx: Db, context: DemoMeasuresContext): Promise<DemoMeasuresResult> {
  const dir = context.dataDir ?? DEFAULT_REAL_DATA_DIR;
  if (!existsSync(path.join(dir, 'SOURCES.md'))) {
    const note = `Demo council: the real published data folder ${dir} is missing, so the demo measures were not loaded (the rest of the demo council was).`;
    (context.warn ?? console.warn)(note);
    return { measures: 0, values: 0, skippedRows: 0, statuses: 0, note };
  }
  const files = new Files(dir);
  const { organisationId, personId, unitId } = context;
  const now = context.clock();
  const todayIso = londonDateOf(now);
  const fyLabel = (year: number) => `${year}/${pad((year + 1) % 100)}`;

  // Plan items in force, by code (superseded and draft versions carry copies of the same codes).
  const itemRows = await tx
    .select({ id: planItems.id, code: planItems.code })
    .from(planItems)
    .innerJoin(plans, eq(plans.id, planItems.planId))
    .where(and(eq(planItems.organisationId, organisationId), eq(plans.status, 'approved')));
  const items = new Map<string, string>();
  for (const row of itemRows) {
    if (items.has(row.code)) throw new Error(`Demo measures: two approved plan items are coded ${row.code}`);
    items.set(row.code, row.id);
  }
  const itemId = (code: string, where: string) => {
    const id = items.get(code);
    if (!id) throw new Error(`Demo measures: ${where} links to plan item ${code}, which no approved plan has`);
    return id;
  };

  const measureRows: (typeof measures.$inferInsert & { id: string })[] = [];
  const assigneeRows: (typeof measureAssignees.$inferInsert)[] = [];
  const linkRows: (typeof measureItemLinks.$inferInsert)[] = [];
  const targetRows: TargetRow[] = [];
  const revisions: { old: TargetRow; next: TargetRow }[] = [];
  const valueRows: ValueRow[] = [];
  const eventRows: EventRow[] = [];
  const lockRows: (typeof periodLocks.$inferInsert)[] = [];
  const rebaseRows: (typeof spcRebases.$inferInsert)[] = [];
  let skippedRows = 0;
  let tick = 0;
  const stamp = () => new Date(now.getTime() - 600_000 + (tick += 1) * 10);

  const importer = personId('perf-officer', 'demo measures');
  const approver = personId('tl-performance', 'demo measures');
  const codes = new Set<string>();

  for (const spec of DEMO_MEASURES) {
    const where = `measure ${spec.code}`;
    if (codes.has(spec.code.toLowerCase())) throw new Error(`Demo measures: the code ${spec.code} is used twice`);
    codes.add(spec.code.toLowerCase());
    const published = readSeries(files, spec, HART_YEAR);
    skippedRows += published.skipped;
    if (published.points.length === 0) throw new Error(`Demo measures: no published figures found for ${where}`);
    // The whole series moves so that the demo stays current (demo-periods.ts); the real key is kept
    // for the words that name the published period.
    const firstReal = published.points[0]!.periodKey;
    const lastReal = published.points[published.points.length - 1]!.periodKey;
    const shift = shiftToLatestComplete(spec.frequency, lastReal, todayIso, spec.late === true);
    const series = {
      points: published.points.map((point) => ({
        ...point,
        realKey: point.periodKey,
        periodKey: shiftedKey(point.periodKey, shift),
      })),
      baseline: published.baseline && {
        value: published.baseline.value,
        periodKey: shiftedKey(published.baseline.periodKey, shift),
      },
    };
    const periodsNote = shiftNote(firstReal, lastReal, shift);
    const measureId = randomUUID();
    const owner = personId(spec.owner, where);
    const verifier = personId(spec.verifier, where);
    const isHart = spec.source.kind === 'hart';
    measureRows.push({
      id: measureId,
      organisationId,
      code: spec.code,
      title: spec.title,
      description: spec.description,
      purpose: spec.purpose,
      definition: spec.definition,
      calculation: spec.calculation ?? '',
      unit: spec.unit,
      decimalPlaces: spec.decimals,
      polarity: spec.polarity,
      frequency: spec.frequency,
      aggregation: spec.aggregation,
      dataSource: isHart
        ? `${spec.dataSource} ${periodsNote} Targets for the quarters are Hart's published targets.`
        : `${spec.dataSource} ${periodsNote}`,
      collectionMethod: 'Published figures loaded as demo history; new figures entered by the data-entry assignees.',
      measureType: spec.measureType ?? 'local',
      baselineValue: series.baseline?.value ?? null,
      baselinePeriod: series.baseline?.periodKey ?? null,
      ownerPersonId: owner,
      ownerUnitId: unitId(spec.ownerUnit, where),
      verifierPersonId: verifier,
      dataQualityNotes: published.skipped
        ? `${published.skipped} published row(s) could not be placed in a ${spec.frequency} period (or had no figure) and were left out.`
        : '',
      isKey: spec.isKey ?? false,
      tags: spec.tags,
      minValue: spec.minValue ?? 0,
      maxValue: spec.unit === '%' ? 100 : null,
      ragThresholds: spec.rag,
      spcSettings: { screenMovingRanges: true, baselinePoints: null },
    });
    for (const key of new Set([...spec.assignees])) {
      assigneeRows.push({ organisationId, measureId, personId: personId(key, where), addedBy: approver });
    }
    for (const code of spec.items)
      linkRows.push({ organisationId, measureId, itemId: itemId(code, where), addedBy: approver });

    // Every figure goes through the same check as a typed one.
    const forValues = {
      code: spec.code,
      unit: spec.unit,
      decimalPlaces: spec.decimals,
      frequency: spec.frequency,
      aggregation: spec.aggregation,
      minValue: measureRows[measureRows.length - 1]!.minValue ?? null,
      maxValue: measureRows[measureRows.length - 1]!.maxValue ?? null,
      status: 'active',
    };
    const latestKey = series.points[series.points.length - 1]!.periodKey;
    for (const point of series.points) {
      const checked = validateMeasureValue(forValues, {
        periodKey: point.periodKey,
        value: point.numerator === null ? point.value : undefined,
        numerator: point.numerator ?? undefined,
        denominator: point.denominator ?? undefined,
      });
      if (!checked.ok)
        throw new Error(`Demo measures: ${where} ${point.periodKey}: ${sayStored(checked.error.message)}`);
      const isLatest = point.periodKey === latestKey && spec.latest !== undefined;
      const status = isLatest ? spec.latest!.status : 'approved';
      const id = randomUUID();
      const snapshot = (value: number | null) => ({
        value,
        numerator: checked.value.numerator,
        denominator: checked.value.denominator,
        commentary: point.commentary,
        quality: 'final',
        evidenceUrl: '',
      });
      const enteredBy = personId(spec.assignees[0] ?? spec.owner, where);
      valueRows.push({
        id,
        organisationId,
        measureId,
        periodKey: point.periodKey,
        value: checked.value.value,
        numerator: checked.value.numerator,
        denominator: checked.value.denominator,
        commentary: point.commentary,
        status,
        quality: 'final',
        enteredBy: isLatest ? enteredBy : importer,
        updatedBy: isLatest ? enteredBy : importer,
        rowVersion: 1,
      });
      const event = (e: Omit<EventRow, 'organisationId' | 'valueId' | 'measureId' | 'periodKey'>) =>
        eventRows.push({ organisationId, valueId: id, measureId, periodKey: point.periodKey, ...e });
      if (!isLatest) {
        if (point.firstPublished !== undefined) {
          // Published, then revised in the next report: the history shows both figures.
          const first = round(point.firstPublished, spec.decimals);
          event({
            action: 'import',
            fromStatus: null,
            toStatus: 'approved',
            newValue: snapshot(first),
            actorPersonId: importer,
            at: stamp(),
            reason: 'Published figure loaded as demo history',
          });
          event({
            action: 'reopen',
            fromStatus: 'approved',
            toStatus: 'draft',
            actorPersonId: approver,
            at: stamp(),
            reason: `The next quarterly report revised this figure from ${first} to ${checked.value.value}.`,
          });
          event({
            action: 'edit',
            fromStatus: 'draft',
            toStatus: 'draft',
            oldValue: snapshot(first),
            newValue: snapshot(checked.value.value),
            actorPersonId: importer,
            at: stamp(),
          });
          event({ action: 'submit', fromStatus: 'draft', toStatus: 'submitted', actorPersonId: importer, at: stamp() });
          event({
            action: 'verify',
            fromStatus: 'submitted',
            toStatus: 'verified',
            actorPersonId: verifier,
            at: stamp(),
          });
          event({
            action: 'approve',
            fromStatus: 'verified',
            toStatus: 'approved',
            actorPersonId: approver,
            at: stamp(),
          });
        } else {
          event({
            action: 'import',
            fromStatus: null,
            toStatus: 'approved',
            newValue: snapshot(checked.value.value),
            actorPersonId: importer,
            at: stamp(),
            reason: 'Published figure loaded as demo history',
          });
        }
        lockRows.push({ organisationId, measureId, periodKey: point.periodKey, lockedBy: approver, lockedAt: now });
        continue;
      }
      // The latest figure, still in the workflow.
      const latest = spec.latest!;
      const submitted = afterPeriodEnd(point.periodKey, 8, now);
      const after = (ms: number) => new Date(submitted.getTime() + ms);
      if (latest.status === 'draft') {
        event({
          action: 'create',
          fromStatus: null,
          toStatus: 'draft',
          newValue: snapshot(checked.value.value),
          actorPersonId: enteredBy,
          at: submitted,
        });
        continue;
      }
      event({
        action: 'submit',
        fromStatus: null,
        toStatus: 'submitted',
        newValue: snapshot(checked.value.value),
        actorPersonId: enteredBy,
        at: submitted,
      });
      if (latest.status === 'verified') {
        event({
          action: 'verify',
          fromStatus: 'submitted',
          toStatus: 'verified',
          actorPersonId: verifier,
          at: after(86_400_000),
        });
      }
      if (latest.status === 'returned') {
        event({
          action: 'return',
          fromStatus: 'submitted',
          toStatus: 'returned',
          actorPersonId: verifier,
          at: after(86_400_000),
          reason: latest.reason ?? 'Returned for correction',
        });
      }
    }

    // Targets. Hart measures: Hart's own targets for the quarters it reported. Others: demo targets
    // for the last three years with figures and for the current year, improving on the year before.
    const setBy = personId(spec.owner, where);
    if (isHart) {
      for (const point of series.points) {
        if (point.target === undefined) continue;
        const fy = Number(point.periodKey.slice(0, 4));
        targetRows.push({
          id: randomUUID(),
          organisationId,
          measureId,
          kind: 'profile',
          financialYear: periodKey({ frequency: 'annual', fyStartYear: fy, index: 1 }),
          periodKey: point.periodKey,
          value: point.target,
          effectiveFrom: `${fy}-04-01`,
          reason: `Hart DC's published target for the quarter (its ${labelOf(point.realKey)}, shown as ${labelOf(point.periodKey)}).`,
          setBy,
          setAt: new Date(`${fy}-03-15T09:00:00Z`),
        });
      }
    } else if (spec.targetStep !== undefined && spec.polarity !== 'none') {
      const sign = spec.polarity === 'lower-is-better' ? -1 : 1;
      // The figure each year ends on (the last period of the year).
      const yearEnd = new Map<number, number>();
      for (const point of series.points) {
        const fy = Number(point.periodKey.slice(0, 4));
        if (point.value !== null) yearEnd.set(fy, point.value);
      }
      const years = [...yearEnd.keys()].sort((a, b) => a - b);
      const lastYear = years[years.length - 1]!;
      const latest = yearEnd.get(lastYear)!;
      // The last three years with figures (against the year before), then the year being reported
      // on now and the year in progress (against the latest figure, one and two steps on).
      const reporting = currentReportingPeriod('annual', todayIso).fyStartYear;
      const plan = new Map<number, { value: number; why: string }>();
      for (const year of years.slice(-3)) {
        const basis = yearEnd.get(year - 1);
        if (basis === undefined) continue;
        plan.set(year, {
          value: basis + sign * spec.targetStep,
          why: `improve on the ${fyLabel(year - 1)} figure (${basis}) by ${spec.targetStep}`,
        });
      }
      for (const year of [reporting, reporting + 1]) {
        if (year <= lastYear || plan.has(year)) continue;
        const steps = year - lastYear;
        plan.set(year, {
          value: latest + sign * spec.targetStep * steps,
          why: `improve on the latest published figure (${latest}, ${fyLabel(lastYear)}) by ${round(spec.targetStep * steps, 6)}`,
        });
      }
      for (const [year, { value, why }] of plan) {
        targetRows.push({
          id: randomUUID(),
          organisationId,
          measureId,
          kind: 'annual',
          financialYear: periodKey({ frequency: 'annual', fyStartYear: year, index: 1 }),
          value: round(value, spec.decimals),
          effectiveFrom: `${year}-04-01`,
          reason: `Demo target: ${why}.`,
          setBy,
          setAt: new Date(`${year}-03-01T09:00:00Z`),
        });
      }
    }

    // The claimant rate stopped falling in spring 2022: the SPC chart starts a new segment there.
    if (spec.code === 'ECO-01') {
      const april2022 = periodKey({ frequency: 'monthly', fyStartYear: 2022, index: 1 });
      const shown = shiftedKey(april2022, shift);
      rebaseRows.push({
        organisationId,
        measureId,
        periodKey: shown,
        reason: `Demo rebase: the post-pandemic fall in the claimant rate ended in spring 2022 and the rate has been steady since; limits are recalculated from the published April 2022 figure (shown as ${labelOf(shown)}) so the chart tests the current process.`,
        createdBy: approver,
        createdAt: now,
      });
    }
  }

  // Target revisions (history kept): the old version is superseded by a new one with a reason.
  const revise = (code: string, pick: (rows: TargetRow[]) => TargetRow | undefined, value: number, reason: string) => {
    const measureId = measureRows.find((row) => row.code === code)?.id;
    const old = pick(targetRows.filter((row) => row.measureId === measureId));
    if (!old) throw new Error(`Demo measures: no target of ${code} to revise`);
    const setAt = new Date((old.setAt as Date).getTime() + 120 * 86_400_000);
    const next: TargetRow = { ...old, id: randomUUID(), value, reason, setAt: setAt > now ? now : setAt };
    revisions.push({ old, next });
  };
  // Hart's latest quarter is its Q2 2014/15, whatever quarter it is shown as.
  revise(
    'REV-01',
    (rows) => rows[rows.length - 1],
    56.5,
    "Demo revision: Hart's published target for its Q2 2014/15 (24.5%) was its Q1 profile carried forward; the cumulative profile for the end of that quarter is 56.5%.",
  );
  revise(
    'WST-01',
    (rows) => rows[rows.length - 1],
    60,
    'Demo revision: set at a round 60% for the year at the leadership team’s mid-year review of the recycling programme.',
  );

  // Bulk writes, in dependency order.
  const chunked = async <T>(rows: T[], write: (batch: T[]) => Promise<unknown>, size = 500) => {
    for (let start = 0; start < rows.length; start += size) await write(rows.slice(start, start + size));
  };
  await tx.insert(measures).values(measureRows);
  await tx.insert(measureAssignees).values(assigneeRows);
  await tx.insert(measureItemLinks).values(linkRows);
  // A revised target: the new version is current, the old one points to it (inserted already superseded).
  const superseded = new Set(revisions.map(({ old }) => old.id));
  const current = [...targetRows.filter((row) => !superseded.has(row.id)), ...revisions.map(({ next }) => next)];
  await chunked(current, (batch) => tx.insert(measureTargets).values(batch));
  await tx
    .insert(measureTargets)
    .values(revisions.map(({ old, next }) => ({ ...old, supersededAt: next.setAt as Date, supersededBy: next.id })));
  await chunked(valueRows, (batch) => tx.insert(measureValues).values(batch));
  await chunked(eventRows, (batch) => tx.insert(measureValueEvents).values(batch));
  await chunked(lockRows, (batch) => tx.insert(periodLocks).values(batch));
  if (rebaseRows.length > 0) await tx.insert(spcRebases).values(rebaseRows);

  // Stored statuses: the current period of every measure, and each period since its first target.
  const status = createPerformanceStatusService({ db: tx, clock: asClock(context.clock) });
  let statuses = await status.recompute(tx, organisationId, 'all');
  const firstTargeted = new Map<string, string[]>();
  for (const row of measureRows) {
    const targets = targetRows.filter((target) => target.measureId === row.id);
    if (targets.length === 0) continue;
    const firstYear = Math.min(...targets.map((target) => Number(target.financialYear.slice(0, 4))));
    const from = periodKey({ frequency: row.frequency, fyStartYear: firstYear, index: 1 });
    firstTargeted.set(from, [...(firstTargeted.get(from) ?? []), row.id]);
  }
  for (const [from, ids] of firstTargeted) {
    statuses += await status.recompute(tx, organisationId, ids, { fromPeriodKey: from });
  }

  await recordAudit(tx, {
    organisationId,
    actor: SEED_ACTOR,
    entityType: 'organisation',
    entityId: organisationId,
    action: 'seed-measures',
    newValue: {
      measures: measureRows.length,
      values: valueRows.length,
      targets: targetRows.length + revisions.length,
      skippedRows,
    },
    reason: 'seeded demo measures from real published figures',
  });
  return { measures: measureRows.length, values: valueRows.length, skippedRows, statuses };
}
