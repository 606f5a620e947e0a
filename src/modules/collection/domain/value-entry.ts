import { z } from 'zod';
import { optionalId, optionalText } from '../../../kernel/inputs.ts';
import { VALUE_QUALITIES } from '../../../kernel/measurement/vocabulary.ts';

/** One figure as sent by the entry form, the grid, the API or an import row. */
export const valueEntryInput = z.object({
  periodKey: z.string({ message: 'Enter the period' }).trim().min(1, 'Enter the period'),
  breakdownId: optionalId('Select a breakdown category that exists'),
  value: z.union([z.number(), z.string(), z.null()]).optional(),
  numerator: z.union([z.number(), z.string(), z.null()]).optional(),
  denominator: z.union([z.number(), z.string(), z.null()]).optional(),
  commentary: optionalText('commentary', 5000),
  quality: z.enum(VALUE_QUALITIES, { message: 'Select estimated, provisional or final' }).default('final'),
  evidenceUrl: z.preprocess(
    (value) => (value === undefined || value === null ? '' : value),
    z.union([z.literal(''), z.url({ message: 'Enter the evidence link as a full web address, like https://…' })]),
  ),
  action: z.enum(['save', 'submit'], { message: 'Choose to save a draft or submit' }).default('save'),
  /** The person has checked a figure that fails a plausibility check (commentary is then required). */
  confirmImplausible: z.preprocess((value) => value === true || value === 'true', z.boolean()).optional(),
  /** The version the person started from; a different stored version is a conflict. */
  rowVersion: z.coerce.number().int().min(0).optional(),
});
export type ValueEntryInput = z.infer<typeof valueEntryInput>;

export const valueTransitionInput = z.object({
  action: z.enum(['verify', 'return', 'approve', 'publish', 'reopen'], { message: 'Choose an action' }),
  reason: optionalText('reason', 2000),
});
export type ValueTransitionInput = z.infer<typeof valueTransitionInput>;
