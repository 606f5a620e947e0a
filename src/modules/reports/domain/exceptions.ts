/**
 * Which measures are exceptions (every red, and every measure missed by more than the council's
 * margin), and the exception gate: a report cannot be issued while a red measure lacks its
 * commentary or a remedial action with an owner and a due date.
 */
import type { ReportMeasure, StoredStatus } from './report-data.ts';

/** How far a value falls short of its target, as a percentage of the target's size (0 when met). */
export function shortfallPercent(status: StoredStatus, polarity: string): number {
  const { value } = status;
  if (value === null) return 0;
  let gap = 0;
  let size = 0;
  if (status.targetLower !== null && status.targetUpper !== null) {
    if (value < status.targetLower) [gap, size] = [status.targetLower - value, Math.abs(status.targetLower)];
    else if (value > status.targetUpper) [gap, size] = [value - status.targetUpper, Math.abs(status.targetUpper)];
  } else if (status.targetValue !== null) {
    size = Math.abs(status.targetValue);
    gap = polarity === 'lower-is-better' ? value - status.targetValue : status.targetValue - value;
  }
  if (gap <= 0) return 0;
  return size === 0 ? Infinity : (gap / size) * 100;
}

export function isException(measure: ReportMeasure, marginPercent: number): boolean {
  const now = measure.now;
  if (!now) return false;
  if (now.rag === 'red') return true;
  return now.rag === 'amber' && shortfallPercent(now, measure.polarity) > marginPercent;
}

export type GapKind = 'commentary' | 'remedial-action';

export interface GateGap {
  measureId: string;
  code: string;
  title: string;
  ownerName: string | null;
  missing: GapKind[];
}

/** Every red measure's gaps; the report may be issued only when this is empty. */
export function gateGaps(measures: readonly ReportMeasure[]): GateGap[] {
  const gaps: GateGap[] = [];
  for (const measure of measures) {
    if (measure.now?.rag !== 'red') continue;
    const missing: GapKind[] = [];
    if (measure.commentary.trim() === '') missing.push('commentary');
    const answered = measure.remedialActions.some((action) => action.ownerName !== null && action.dueDate !== null);
    if (!answered) missing.push('remedial-action');
    if (missing.length > 0) {
      gaps.push({
        measureId: measure.id,
        code: measure.code,
        title: measure.title,
        ownerName: measure.ownerName,
        missing,
      });
    }
  }
  return gaps;
}
