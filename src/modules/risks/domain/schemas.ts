/**
 * The shapes of input, shared by the forms and the API. Forms send text; the API sends numbers:
 * `z.coerce` takes both. Messages name the field, as GOV.UK error summaries do.
 */
import { z } from 'zod';
import { BAND_COLOURS, MATRIX_SIZES } from './matrix.ts';
import { CONTROL_EFFECTIVENESS, REGISTER_LEVELS, REVIEW_FREQUENCIES, RISK_TYPES } from './risk.ts';

const text = (name: string, max = 200) =>
  z
    .string({ error: `Enter ${name}` })
    .trim()
    .min(1, `Enter ${name}`)
    .max(max, `${name[0]!.toUpperCase()}${name.slice(1)} must be ${max} characters or fewer`);
const optionalText = (max = 4000) => z.string().trim().max(max).default('');
const uuid = (what: string) => z.uuid({ error: `Choose ${what}` });
const isoDate = (what: string) => z.iso.date({ error: `Enter ${what} as a real date` });
const point = (what: string) =>
  z.coerce.number({ error: `Enter the ${what} as a whole number` }).int(`Enter the ${what} as a whole number`);

export const registerInput = z.object({
  name: text('the register name'),
  level: z.enum(REGISTER_LEVELS, { error: 'Choose the level of the register' }),
  unitId: uuid('the unit that owns the register'),
  ownerPersonId: uuid('the owner of the register'),
  description: optionalText(),
});
export type RegisterInput = z.infer<typeof registerInput>;

export const scoresInput = z.object({
  inherentLikelihood: point('inherent likelihood'),
  inherentImpact: point('inherent impact'),
  currentLikelihood: point('current likelihood'),
  currentImpact: point('current impact'),
  targetLikelihood: point('target likelihood'),
  targetImpact: point('target impact'),
});
export type ScoresInput = z.infer<typeof scoresInput>;

/** A form sends one id as a string, several as an array; an empty checkbox group sends ''. */
const ids = z
  .union([z.array(z.uuid()), z.uuid(), z.literal('')])
  .transform((v) => (v === '' ? [] : Array.isArray(v) ? v : [v]));
/** Absent: the links stay as they are (the details form does not carry them; the link picker does). */
const idList = ids.optional();

export const riskDetailsInput = z.object({
  reference: text('a reference', 20).regex(
    /^[A-Za-z0-9][A-Za-z0-9/._-]*$/,
    'A reference has letters, digits, dots, dashes or slashes only',
  ),
  title: text('a title'),
  cause: text('the cause', 4000),
  event: text('the event', 4000),
  effect: text('the effect', 4000),
  ownerPersonId: uuid('the owner of the risk'),
  type: z.enum(RISK_TYPES, { error: 'Choose whether the risk is a threat or an opportunity' }),
  category: text('a category', 60),
  reviewFrequency: z.enum(REVIEW_FREQUENCIES, { error: 'Choose how often the risk is reviewed' }),
  nextReviewOn: isoDate('the next review date'),
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
  commentary: text('a commentary on the reassessment', 4000),
  nextReviewOn: isoDate('the next review date').optional(),
});
export type ReassessInput = z.infer<typeof reassessInput>;

export const controlInput = z.object({
  description: text('what the control is', 2000),
  ownerPersonId: uuid('the owner of the control'),
  effectiveness: z.enum(CONTROL_EFFECTIVENESS, { error: 'Choose how effective the control is' }),
});
export type ControlInput = z.infer<typeof controlInput>;

export const moveInput = z.object({
  registerId: uuid('the register to move the risk to'),
  reason: text('the reason', 2000),
});
export type MoveInput = z.infer<typeof moveInput>;

export const closeInput = z.object({ reason: text('the reason for closing the risk', 2000) });

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
    .min(1, 'Enter at least one band'),
});

export const appetiteInput = z.object({
  categories: z
    .array(
      z.object({
        code: z.string().trim().min(1).max(60),
        name: z.string().trim().min(1, 'Enter a name for each category').max(100),
        appetite: z.union([z.coerce.number().int().min(1), z.null()]),
      }),
    )
    .min(1, 'Keep at least one category'),
});
