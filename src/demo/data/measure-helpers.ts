import type { RagThresholds } from '../../kernel/measurement/rag.ts';

/** Shared by the demo measure files: portfolio names, amber bands and data-source wording. */
export const PORTFOLIO = {
  housing: 'Housing and Communities',
  environment: 'Environment and Place',
  resources: 'Resources and Performance',
  leader: 'Leader: Strategy and Partnerships',
};
export const pct = (points: number): RagThresholds => ({ kind: 'absolute', amberAmount: points });
export const percent = (p: number): RagThresholds => ({ kind: 'percentage', amberPercent: p });

export const CP = 'Trafford Council published Corporate Plan data (trafforddatalab/corporate_plan, OGL v3)';
export const trafford = (series: string, publisher: string, note = '') =>
  `Figures: ${CP}, used as demo history: ${series} for Trafford (E08000009), from ${publisher}.${note ? ` ${note}` : ''}`;
export const CALENDAR = 'Calendar years are shown against the financial year in which they end (2019 → 2019/20).';
export const HART = (kpi: string) =>
  `Figures: Hart District Council's published quarterly KPI report (HartDC/hartdc.github.io, KPI ${kpi}), used as demo history.`;
