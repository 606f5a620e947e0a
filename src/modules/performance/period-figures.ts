/**
 * A measure's figures period by period, as its page shows them: value, target, RAG, direction of
 * travel, data quality, sign-off state and commentary. Every figure entered is listed, official
 * or not; one that is not yet official, or whose quality is estimated or provisional, is marked
 * (in the table, and as a hollow point on the chart). The status, SPC and forecast read official
 * figures only; these rows only show the figures as they stand.
 */
import {
  assessDirection,
  assessRag,
  parsePeriodKey,
  periodKey,
  periodLabel,
  previousPeriod,
  targetForPeriod,
  type MeasureDefinition,
  type Period,
} from './domain/index.ts';
import { isOfficial, type OfficialFrom } from '../../kernel/measurement/official.ts';
import { fill, words } from '../../platform/words/index.ts';
import { ragWord, valueStatusTag } from '../../platform/words/status-tags.ts';
import type { FigureRow } from './data/figure-notes.repository.ts';
import { show, showTarget } from './measure-list.ts';
import { directionWords } from './performance-words.ts';
import type { PeriodFigure } from './performance-views.types.ts';

const said = words.measureFigures;

/** Rows the table shows at most (the newest). */
export const FIGURE_PERIODS = 24;

/** How a figure is drawn on the SPC chart and said in its table. */
export interface FigureMarking {
  hollow: boolean;
  text: string;
}

export function qualityWords(quality: string): string {
  return Object.hasOwn(said.quality, quality) ? said.quality[quality as keyof typeof said.quality] : quality;
}

export function figureMarking(figure: { status: string; quality: string }, officialFrom: OfficialFrom): FigureMarking {
  if (!isOfficial(figure.status, officialFrom)) {
    return { hollow: true, text: fill(said.chart.hollowNotOfficial, { status: valueStatusTag(figure.status).text }) };
  }
  if (figure.quality !== 'final') {
    return {
      hollow: true,
      text: fill(said.chart.hollowQuality, { quality: qualityWords(figure.quality).toLowerCase() }),
    };
  }
  return { hollow: false, text: said.chart.solid };
}

/** The figures of a measure's own frequency, newest first (at most FIGURE_PERIODS), each with its reading. */
export function periodFigures(
  definition: MeasureDefinition,
  figures: readonly FigureRow[],
  officialFrom: OfficialFrom,
): PeriodFigure[] {
  const format = definition.format;
  const parsed: { period: Period; figure: FigureRow }[] = [];
  for (const figure of figures) {
    const period = parsePeriodKey(figure.periodKey);
    if (period.ok && period.value.frequency === definition.frequency) parsed.push({ period: period.value, figure });
  }
  const byKey = new Map(parsed.map((p) => [p.figure.periodKey, p.figure]));
  return parsed
    .sort((a, b) => (a.figure.periodKey < b.figure.periodKey ? 1 : -1))
    .slice(0, FIGURE_PERIODS)
    .map(({ period, figure }) => {
      const label = periodLabel(period);
      const target = targetForPeriod(definition.targets, period);
      const rag = assessRag({
        value: figure.value,
        polarity: definition.polarity,
        target,
        thresholds: definition.thresholds,
        format,
        periodLabel: label,
      }).status;
      const before = previousPeriod(period);
      const direction = assessDirection({
        current: figure.value,
        comparison: byKey.get(periodKey(before))?.value ?? null,
        polarity: definition.polarity,
        format,
        tolerance: definition.directionTolerance,
        target,
        comparisonLabel: periodLabel(before),
      }).direction;
      const official = isOfficial(figure.status, officialFrom);
      return {
        periodKey: figure.periodKey,
        periodLabel: label,
        value: show(figure.value, format),
        target: showTarget(target, format),
        rag,
        ragText: ragWord(rag),
        direction,
        directionText: directionWords(direction),
        quality: figure.quality,
        qualityText: qualityWords(figure.quality),
        signOff: valueStatusTag(figure.status),
        official,
        marked: !official || figure.quality !== 'final',
        commentary: figure.commentary,
      };
    });
}
