/**
 * The demo council's measures (seed data): what each measure is, who owns it, which plan items it
 * serves, and which real published series gives it its history (reference-data/, see its SOURCES.md):
 * Trafford Council's Corporate Plan indicators and prompt payment returns, and Hart District Council's
 * quarterly KPI report. The council is fictional; its series are real, and each measure's data source
 * says which real series it is. Targets, owners and the workflow around the latest figures are the
 * demo council's own (invented). real-data-reader.ts reads the series; demo-measures.loader.ts writes.
 */
import { MONTHLY_MEASURES } from './data/measures-monthly.ts';
import { QUARTERLY_MEASURES } from './data/measures-quarterly.ts';
import { ANNUAL_MEASURES } from './data/measures-annual.ts';
import type { DemoMeasureSpec } from './data/measure-types.ts';

export type * from './data/measure-types.ts';

export const DEMO_MEASURES: DemoMeasureSpec[] = [...MONTHLY_MEASURES, ...QUARTERLY_MEASURES, ...ANNUAL_MEASURES];
