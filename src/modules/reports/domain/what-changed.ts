/**
 * "What changed since last quarter", from the STORED statuses of both periods and nothing else:
 * measures whose status changed, new special-cause signals, forecasts that slipped below target,
 * actions newly off track and risks whose score rose. Each sentence is a phrase (the words are the
 * catalogue's, reports.changed.*) with the link to its evidence. A fact missing from either period
 * gives no sentence: nothing is invented.
 */
import { phrase, type Phrase } from '../../../kernel/phrase.ts';
import type { ReportAction, ReportMeasure, ReportRisk } from './report-data.ts';

export interface Change {
  kind: 'status' | 'signal' | 'forecast' | 'action' | 'risk';
  said: Phrase;
  href: string;
}

export interface ChangeLinks {
  measure(id: string): string;
  action(id: string): string;
  risk(id: string): string;
}

/** A forecast below this chance of meeting the year-end target counts as expected to miss it. */
export const FORECAST_LIKELY = 0.5;

const RATED = new Set(['red', 'amber', 'green']);
const isSpecialCause = (type: string | null) =>
  type === 'special-cause-concern' || type === 'special-cause-improvement';
const ragWord = (rag: string) => phrase(`rag.${rag}`);

export function whatChanged(
  input: { measures: readonly ReportMeasure[]; actions: readonly ReportAction[]; risks: readonly ReportRisk[] },
  links: ChangeLinks,
): Change[] {
  const changes: Change[] = [];
  for (const m of input.measures) {
    const now = m.now;
    const before = m.lastPeriod;
    if (!now || !before) continue;
    const href = links.measure(m.id);
    const named = { code: m.code, title: m.title };
    // Only a change between rated statuses is a change in performance (no data is not a status).
    if (now.rag !== before.rag && RATED.has(now.rag) && RATED.has(before.rag)) {
      changes.push({
        kind: 'status',
        said: phrase('reports.changed.status', { ...named, from: ragWord(before.rag), to: ragWord(now.rag) }),
        href,
      });
    }
    if (isSpecialCause(now.spcLatestType) && !isSpecialCause(before.spcLatestType)) {
      changes.push({
        kind: 'signal',
        said: phrase('reports.changed.signal', { ...named, signal: phrase(`reports.signal.${now.spcLatestType}`) }),
        href,
      });
    }
    if (
      now.forecastProbability !== null &&
      before.forecastProbability !== null &&
      before.forecastProbability >= FORECAST_LIKELY &&
      now.forecastProbability < FORECAST_LIKELY
    ) {
      changes.push({
        kind: 'forecast',
        said: phrase('reports.changed.forecast', {
          ...named,
          from: Math.round(before.forecastProbability * 100),
          to: Math.round(now.forecastProbability * 100),
        }),
        href,
      });
    }
  }
  for (const a of input.actions) {
    if (a.now === 'off-track' && a.before !== null && a.before !== 'off-track') {
      changes.push({
        kind: 'action',
        said: phrase('reports.changed.action', {
          code: a.code,
          title: a.title,
          from: phrase(`reports.actionStatus.${a.before}`),
        }),
        href: links.action(a.id),
      });
    }
  }
  for (const r of input.risks) {
    if (r.previousScore !== null && r.score > r.previousScore) {
      changes.push({
        kind: 'risk',
        said: phrase('reports.changed.risk', {
          reference: r.reference,
          title: r.title,
          from: r.previousScore,
          to: r.score,
        }),
        href: links.risk(r.id),
      });
    }
  }
  return changes;
}
