/**
 * The full picture of one measure: status, direction, SPC table and chart data, interpretation and
 * forecast. Computed on request from the measure's history (one measure's history is small); the
 * page draws the chart from the data (web/spc-chart.ts), the API returns the data only.
 */
import { dueDate, DEFAULT_COLLECTION_RULE } from '../collection/domain/index.ts';
import {
  analyseSpc,
  formatShare,
  periodKey,
  periodLabel,
  periodStart,
  summariseMeasureStatus,
  targetForPeriod,
} from './domain/index.ts';
import { currentReportingPeriod, parsePeriodKey } from '../../kernel/measurement/periods.ts';
import { ok, type Result } from '../../kernel/result.ts';
import type { Caller } from '../../platform/services/caller.ts';
import { notFound } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { fill, say, words } from '../../platform/words/index.ts';
import { ragWord, valueStatusTag } from '../../platform/words/status-tags.ts';
import { isVisibleToPartner } from '../measures/index.ts';
import { loadMeasureHistory } from './data/measure-status.repository.ts';
import { collectionDueWorkingDays } from './data/performance.repository.ts';
import { loadRatingSettings } from './data/settings.repository.ts';
import { isOfficial } from '../../kernel/measurement/official.ts';
import { show, showTarget } from './measure-list.ts';
import { engineInputFor } from './performance-status.service.ts';
import { loadForecastChoices } from './data/forecast-choices.repository.ts';
import { emptyChoiceStore, memoryFor } from './forecast-choices.ts';
import { chartedPoints } from './process-limits.ts';
import { chartFigures } from './chart-figures.ts';
import { loadFigures } from './data/figure-notes.repository.ts';
import { periodFigures } from './period-figures.ts';
import type { MeasurePerformance, SpcChartData, SpcTableRow } from './performance-views.types.ts';
import {
  assuranceWords,
  directionWords,
  forecastMethodWords,
  forecastAgainstRagWords,
  forecastTrustWords,
  pointTypeWords,
  ruleWords,
  variationWords,
} from './performance-words.ts';

/** A stored period key's label (the key itself if it no longer parses). */
function labelOfKey(key: string): string {
  const parsed = parsePeriodKey(key);
  return parsed.ok ? periodLabel(parsed.value) : key;
}

export function createMeasurePerformanceService({ db, clock }: ServiceDeps) {
  return {
    /** The full picture of one measure, computed from its history (one measure is cheap). */
    async measurePerformance(caller: Caller, measureId: string): Promise<Result<MeasurePerformance>> {
      const organisationId = caller.organisationId;
      const history = await loadMeasureHistory(db, organisationId, [measureId]);
      const measure = history.measures[0];
      if (!measure) return notFound('measure');
      if (caller.partnerId && !(await isVisibleToPartner(db, organisationId, measureId, caller.partnerId))) {
        return notFound('measure');
      }
      const today = clock.today();
      const current = currentReportingPeriod(measure.frequency, today);
      // The engine reads official figures only; the others are listed apart, marked as such.
      const [{ tolerance, officialFrom }, figures, remembered] = await Promise.all([
        loadRatingSettings(db, organisationId),
        loadFigures(db, organisationId, measureId),
        loadForecastChoices(db, organisationId, [measureId]),
      ]);
      const official = history.values.filter((v) => isOfficial(v.status, officialFrom));
      const notYetOfficial = history.values.filter((v) => !isOfficial(v.status, officialFrom));
      const input = engineInputFor(measure, official, history.targets, history.rebases, current);
      const points = input.points;
      // The council's direction-of-travel tolerance, as the stored statuses use it (read above).
      const definition = tolerance ? { ...input.definition, directionTolerance: tolerance } : input.definition;
      const due =
        measure.dueWorkingDays ??
        (await collectionDueWorkingDays(db, organisationId)) ??
        DEFAULT_COLLECTION_RULE.workingDaysAfterPeriodEnd;
      const status = summariseMeasureStatus({
        measure: definition,
        points,
        period: current,
        asOf: today,
        dueDate: dueDate(current, { ...DEFAULT_COLLECTION_RULE, workingDaysAfterPeriodEnd: due }),
        // The recompute's remembered choice, used while the figures are the ones it was made on;
        // a page only reads it (the recompute stores choices).
        forecastChoices: memoryFor(emptyChoiceStore(remembered), measureId, periodKey(current)),
      });
      const format = definition.format;

      // The whole chart: every period up to the current one that has a value, in order.
      const charted = chartedPoints(points, current);
      const spc = analyseSpc({
        points: charted.map((p) => ({
          key: periodKey(p.period),
          date: periodStart(p.period),
          value: p.value as number,
        })),
        polarity: definition.polarity,
        target: targetForPeriod(definition.targets, current),
        format,
        ...(definition.spc ? { settings: definition.spc } : {}),
      });
      const labels = charted.map((p) => periodLabel(p.period));
      const table: SpcTableRow[] = spc.points.map((point, i) => {
        const period = charted[i]!.period;
        const rules = point.rules.map((r) => ruleWords(r));
        return {
          periodKey: point.key,
          periodLabel: labels[i]!,
          value: show(point.value, format) ?? '',
          target: showTarget(targetForPeriod(definition.targets, period), format),
          mean: show(point.mean, format) ?? '',
          lowerLimit: show(point.lowerLimit, format),
          upperLimit: show(point.upperLimit, format),
          type: point.type,
          pointType: pointTypeWords(point.type),
          rules,
          rulesText: rules.length ? rules.join('; ') : words.performance.noSpcRules,
        };
      });
      // Figures not yet official are drawn (hollow) where they fall, up to the current period.
      const provisional = notYetOfficial.flatMap((v) => {
        const period = parsePeriodKey(v.periodKey);
        if (!period.ok || period.value.frequency !== measure.frequency || v.value === null) return [];
        if (!Number.isFinite(v.value) || v.periodKey > periodKey(current)) return [];
        const figure = figures.find((f) => f.periodKey === v.periodKey);
        return [
          {
            periodKey: v.periodKey,
            label: periodLabel(period.value),
            value: v.value,
            shown: show(v.value, format) ?? '',
            target: showTarget(targetForPeriod(definition.targets, period.value), format),
            status: v.status,
            quality: figure?.quality ?? 'final',
          },
        ];
      });
      const drawn = chartFigures(
        spc.points.map((point, i) => ({
          periodKey: point.key,
          label: labels[i]!,
          value: point.value,
          mean: point.mean,
          lowerLimit: point.lowerLimit,
          upperLimit: point.upperLimit,
          type: point.type,
          row: table[i]!,
        })),
        provisional,
        figures,
        officialFrom,
      );
      const chart: SpcChartData | null =
        drawn.points.length === 0
          ? null
          : {
              title: fill(words.performance.spcChartTitle, { code: measure.code, title: measure.title }),
              labels: drawn.labels,
              points: drawn.points,
              target: targetForPeriod(definition.targets, current),
            };
      const forecast = status.forecast;
      const mape = forecast?.backTest.meanAbsolutePercentageError ?? null;
      const trustText = forecastTrustWords(
        mape,
        forecast?.backTest.years.length ?? 0,
        mape === null ? '' : formatShare(mape / 100),
      );
      const direction = (d: typeof status.direction.previous) => ({
        direction: d.direction,
        text: directionWords(d.direction),
        reason: say(d.reason),
      });
      return ok({
        measure: {
          id: measure.id,
          code: measure.code,
          title: measure.title,
          unit: measure.unit,
          polarity: measure.polarity,
          frequency: measure.frequency,
          isKey: measure.isKey,
        },
        asOf: today,
        period: { key: status.periodKey, label: status.periodLabel },
        status: {
          rag: status.rag.status,
          ragText: ragWord(status.rag.status),
          reason: say(status.rag.reason),
          value: status.formattedValue,
          target: showTarget(status.target, format),
          basis: status.ragBasis,
          directionPrevious: direction(status.direction.previous),
          directionLastYear: direction(status.direction.samePeriodLastYear),
          yearToDate: {
            value: show(status.yearToDate.value, format),
            target: showTarget(status.yearToDate.target, format),
            rag: status.yearToDate.rag.status,
            ragText: ragWord(status.yearToDate.rag.status),
            reason: say(status.yearToDate.rag.reason),
            explanation: status.yearToDate.explanation,
            partialYear: status.yearToDate.partialYear,
          },
        },
        spc: {
          variationIcon: status.spc.variationIcon,
          variationText: variationWords(status.spc.variationIcon),
          assuranceIcon: status.spc.assuranceIcon,
          assuranceText: assuranceWords(status.spc.assuranceIcon),
          assuranceReason: status.spc.assuranceReason,
          trialLimits: spc.trialLimits,
          warnings: [...new Set([...status.spc.warnings, ...spc.warnings])],
          pointsCharted: spc.points.length,
          chart,
          table,
          chartTable: drawn.table,
        },
        interpretation: { category: status.interpretation.category, message: say(status.interpretation.message) },
        officialFrom,
        notYetOfficial: notYetOfficial
          .sort((a, b) => (a.periodKey < b.periodKey ? 1 : -1))
          .map((v) => ({
            periodKey: v.periodKey,
            periodLabel: labelOfKey(v.periodKey),
            value: show(v.value, format),
            status: valueStatusTag(v.status),
          })),
        figures: periodFigures(definition, figures, officialFrom),
        forecast: forecast
          ? {
              yearLabel: periodLabel({ frequency: 'annual', fyStartYear: forecast.fyStartYear, index: 1 }),
              method: forecast.method,
              methodText: forecastMethodWords(forecast.method),
              methodReason: forecast.methodReason,
              outturn: show(forecast.outturn, format),
              interval: forecast.interval
                ? {
                    level: forecast.interval.level,
                    lower: show(forecast.interval.lower, format) ?? '',
                    upper: show(forecast.interval.upper, format) ?? '',
                  }
                : null,
              probabilityOfMeetingTarget: forecast.probabilityOfMeetingTarget,
              probabilityText:
                forecast.probabilityOfMeetingTarget === null
                  ? null
                  : formatShare(forecast.probabilityOfMeetingTarget, 0),
              againstRag: forecastAgainstRagWords(
                status.rag.status,
                forecast.probabilityOfMeetingTarget,
                formatShare(forecast.probabilityOfMeetingTarget ?? 0, 0),
              ),
              backTestMape: mape,
              trustText,
              explanation: forecast.explanation,
            }
          : null,
      });
    },
  };
}
