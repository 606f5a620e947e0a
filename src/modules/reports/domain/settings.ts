/**
 * The council's report settings: the exception margin every report uses (an amber measure missed by
 * more than this percentage of its target is an exception too; every red is). One figure for the
 * council, so the Executive and Scrutiny see the same exceptions; a definition says nothing of it.
 */
import { z } from 'zod';
import { phraseText } from '../../../kernel/phrase.ts';

export interface ReportSettings {
  exceptionMarginPercent: number;
}

/** What a council has until it sets its own: the margin the built-in definitions used. */
export const DEFAULT_REPORT_SETTINGS: ReportSettings = Object.freeze({ exceptionMarginPercent: 10 });

export const reportSettingsInput = z.object({
  // A blank box is no answer, not 0 (which coercion alone would make of it).
  exceptionMarginPercent: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z.coerce
      .number({ message: phraseText('reports.errors.margin') })
      .int(phraseText('reports.errors.margin'))
      .min(0, phraseText('reports.errors.margin'))
      .max(100, phraseText('reports.errors.margin')),
  ),
});
