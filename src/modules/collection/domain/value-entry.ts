import { z } from 'zod';
import { optionalId, optionalText } from '../../../kernel/inputs.ts';
import { phrase, phraseText } from '../../../kernel/phrase.ts';
import { VALUE_QUALITIES } from '../../../kernel/measurement/vocabulary.ts';

/** One figure as sent by the entry form, the grid, the API or an import row. */
export const valueEntryInput = z.object({
  periodKey: z
    .string({ message: phraseText('collectionRefusals.enterPeriod') })
    .trim()
    .min(1, phraseText('collectionRefusals.enterPeriod')),
  breakdownId: optionalId(phraseText('collectionRefusals.categoryExists')),
  value: z.union([z.number(), z.string(), z.null()]).optional(),
  numerator: z.union([z.number(), z.string(), z.null()]).optional(),
  denominator: z.union([z.number(), z.string(), z.null()]).optional(),
  commentary: optionalText(phrase('collectionFields.commentary'), 5000),
  quality: z.enum(VALUE_QUALITIES, { message: phraseText('collectionRefusals.chooseQuality') }).default('final'),
  evidenceUrl: z.preprocess(
    (value) => (value === undefined || value === null ? '' : value),
    z.union([z.literal(''), z.url({ message: phraseText('collectionRefusals.evidenceAddress') })]),
  ),
  action: z.enum(['save', 'submit'], { message: phraseText('collectionRefusals.saveOrSubmit') }).default('save'),
  /** The person has checked a figure that fails a plausibility check (commentary is then required). */
  confirmImplausible: z.preprocess((value) => value === true || value === 'true', z.boolean()).optional(),
  /** The version the person started from; a different stored version is a conflict. */
  rowVersion: z.coerce.number().int().min(0).optional(),
});
export type ValueEntryInput = z.infer<typeof valueEntryInput>;

export const valueTransitionInput = z.object({
  action: z.enum(['verify', 'return', 'approve', 'publish', 'reopen'], {
    message: phraseText('collectionRefusals.chooseAction'),
  }),
  reason: optionalText(phrase('collectionFields.reason'), 2000),
});
export type ValueTransitionInput = z.infer<typeof valueTransitionInput>;
