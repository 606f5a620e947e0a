/**
 * What a person or a program sends to change the register: one schema per change, used by the
 * form, the JSON API and the import alike.
 */
import { z } from 'zod';
import { isoDate, optionalId, optionalText, requiredId, requiredText } from '../../../kernel/inputs.ts';
import { PRIORITIES, RESPONSES, SOURCES, STATUSES } from './vocabulary.ts';

const blankToNull = (value: unknown) => (value === '' || value === undefined ? null : value);
const optionalDate = (label: string) => z.preprocess(blankToNull, isoDate(label).nullable());

export const reportInput = z.object({
  source: z.enum(SOURCES, { message: 'Select where the report came from' }),
  title: requiredText('the report’s title'),
  reference: optionalText('reference', 100),
  reportDate: isoDate('the report’s date'),
});
export type ReportInput = z.infer<typeof reportInput>;

export const responseInput = z.object({
  response: z.enum(RESPONSES, { message: 'Select the council’s response' }),
  reason: optionalText('reason'),
  agreedAction: optionalText('agreed action'),
});
export type ResponseInput = z.infer<typeof responseInput>;

export const recommendationInput = z.object({
  reportId: requiredId('Select the report the recommendation is from'),
  reference: optionalText('reference', 50),
  priority: z.enum(PRIORITIES, { message: 'Select a priority' }),
  text: requiredText('the recommendation', 5000),
  ownerPersonId: requiredId('Select the owner'),
  unitId: optionalId('Select a unit'),
  dueDate: optionalDate('due date'),
  /** A response known when the recommendation is entered (an import of a report already answered). */
  response: z.preprocess(blankToNull, z.enum(RESPONSES, { message: 'Select the council’s response' }).nullable()),
  responseReason: optionalText('reason'),
  agreedAction: optionalText('agreed action'),
});
export type RecommendationInput = z.infer<typeof recommendationInput>;

export const revisionInput = z.object({
  newDueDate: isoDate('the new due date'),
  reason: optionalText('reason'),
  /** The committee that agreed the extension, when one did. */
  bodyId: optionalId('Select the committee that agreed the extension'),
  decisionReference: optionalText('decision reference', 100),
  decidedOn: optionalDate('date of the decision'),
});
export type RevisionInput = z.infer<typeof revisionInput>;

export const statusInput = z.object({
  status: z.enum(STATUSES, { message: 'Select a status' }),
  note: optionalText('note'),
  evidence: optionalText('evidence'),
  evidenceLink: optionalText('link or reference to the evidence', 500),
});
export type StatusInput = z.infer<typeof statusInput>;

export const settingsInput = z.object({
  escalateAfterDays: z.coerce
    .number({ message: 'Enter a number of days' })
    .int('Enter a whole number of days')
    .min(1, 'Enter at least 1 day')
    .max(365, 'Enter 365 days or fewer'),
});
export type SettingsInput = z.infer<typeof settingsInput>;
