/**
 * The shapes of input, shared by the forms and the API. Forms send text; the API sends numbers:
 * `z.coerce` takes both. Messages name the field, as GOV.UK error summaries do.
 */
import { z } from 'zod';
import { phrase, phraseText } from '../../../kernel/phrase.ts';
import { BAND_COLOURS, MATRIX_SIZES } from './matrix.ts';
import { CONTROL_EFFECTIVENESS, REGISTER_LEVELS, REVIEW_FREQUENCIES, RISK_TYPES } from './risk.ts';

/** The fields as messages name them: their words are the catalogue's risks.fields ("Enter {label}", "Choose {what}"). */
type Field =
  | 'registerName'
  | 'registerUnit'
  | 'registerOwner'
  | 'inherentLikelihood'
  | 'inherentImpact'
  | 'currentLikelihood'
  | 'currentImpact'
  | 'targetLikelihood'
  | 'targetImpact'
  | 'reference'
  | 'title'
  | 'cause'
  | 'event'
  | 'effect'
  | 'riskOwner'
  | 'category'
  | 'nextReview'
  | 'commentary'
  | 'control'
  | 'controlOwner'
  | 'moveTo'
  | 'reason'
  | 'closeReason';
const field = (name: Field) => phrase(`risks.fields.${name}`);

const text = (name: Field, max = 200) => {
  const enter = phraseText('inputs.enter', { label: field(name) });
  return z
    .string({ error: enter })
    .trim()
    .min(1, enter)
    .max(max, phraseText('inputs.tooLong', { label: field(name), max }));
};
const optionalText = (max = 4000) => z.string().trim().max(max).default('');
const uuid = (name: Field) => z.uuid({ error: phraseText('risks.inputs.choose', { what: field(name) }) });
const isoDate = (name: Field) => z.iso.date({ error: phraseText('risks.inputs.realDate', { what: field(name) }) });
const point = (name: Field) => {
  const whole = phraseText('risks.inputs.wholeNumber', { what: field(name) });
  return z.coerce.number({ error: whole }).int(whole);
};

export const registerInput = z.object({
  name: text('registerName'),
  level: z.enum(REGISTER_LEVELS, { error: phraseText('risks.inputs.level') }),
  unitId: uuid('registerUnit'),
  ownerPersonId: uuid('registerOwner'),
  description: optionalText(),
});
export type RegisterInput = z.infer<typeof registerInput>;

export const scoresInput = z.object({
  inherentLikelihood: point('inherentLikelihood'),
  inherentImpact: point('inherentImpact'),
  currentLikelihood: point('currentLikelihood'),
  currentImpact: point('currentImpact'),
  targetLikelihood: point('targetLikelihood'),
  targetImpact: point('targetImpact'),
});
export type ScoresInput = z.infer<typeof scoresInput>;

/** A form sends one id as a string, several as an array; an empty checkbox group sends ''. */
const ids = z
  .union([z.array(z.uuid()), z.uuid(), z.literal('')])
  .transform((v) => (v === '' ? [] : Array.isArray(v) ? v : [v]));
/** Absent: the links stay as they are (the details form does not carry them; the link picker does). */
const idList = ids.optional();

export const riskDetailsInput = z.object({
  reference: text('reference', 20).regex(/^[A-Za-z0-9][A-Za-z0-9/._-]*$/, phraseText('risks.inputs.referenceLetters')),
  title: text('title'),
  cause: text('cause', 4000),
  event: text('event', 4000),
  effect: text('effect', 4000),
  ownerPersonId: uuid('riskOwner'),
  type: z.enum(RISK_TYPES, { error: phraseText('risks.inputs.type') }),
  category: text('category', 60),
  reviewFrequency: z.enum(REVIEW_FREQUENCIES, { error: phraseText('risks.inputs.frequency') }),
  nextReviewOn: isoDate('nextReview'),
  itemIds: idList,
  measureIds: idList,
  actionIds: idList,
});
export type RiskDetailsInput = z.infer<typeof riskDetailsInput>;

/** The objectives (plan items), measures and actions a risk concerns, all at once: what the picker saves. */
export const riskLinksInput = z.object({
  itemIds: ids.default([]),
  measureIds: ids.default([]),
  actionIds: ids.default([]),
});
export type RiskLinksInput = z.infer<typeof riskLinksInput>;

export const newRiskInput = riskDetailsInput.extend({ ...scoresInput.shape, commentary: optionalText() });
export type NewRiskInput = z.infer<typeof newRiskInput>;

export const reassessInput = scoresInput.extend({
  commentary: text('commentary', 4000),
  nextReviewOn: isoDate('nextReview').optional(),
});
export type ReassessInput = z.infer<typeof reassessInput>;

export const controlInput = z.object({
  description: text('control', 2000),
  ownerPersonId: uuid('controlOwner'),
  effectiveness: z.enum(CONTROL_EFFECTIVENESS, { error: phraseText('risks.inputs.effectiveness') }),
});
export type ControlInput = z.infer<typeof controlInput>;

export const moveInput = z.object({
  registerId: uuid('moveTo'),
  reason: text('reason', 2000),
});
export type MoveInput = z.infer<typeof moveInput>;

export const closeInput = z.object({ reason: text('closeReason', 2000) });

const scalePoint = z.object({ label: z.string().trim().max(40), description: z.string().trim().max(300).default('') });
export const matrixInput = z.object({
  size: z.coerce.number().pipe(z.union(MATRIX_SIZES.map((s) => z.literal(s)) as [z.ZodLiteral<4>, z.ZodLiteral<5>])),
  likelihood: z.array(scalePoint).min(1),
  impact: z.array(scalePoint).min(1),
  bands: z
    .array(
      z.object({
        label: z.string().trim().max(40),
        colour: z.enum(BAND_COLOURS),
        from: z.coerce.number().int(),
        to: z.coerce.number().int(),
      }),
    )
    .min(1, phraseText('risks.matrixErrors.noBands')),
});

export const appetiteInput = z.object({
  categories: z
    .array(
      z.object({
        code: z.string().trim().min(1).max(60),
        name: z.string().trim().min(1, phraseText('risks.inputs.categoryName')).max(100),
        appetite: z.union([z.coerce.number().int().min(1), z.null()]),
      }),
    )
    .min(1, phraseText('risks.inputs.keepCategory')),
});
