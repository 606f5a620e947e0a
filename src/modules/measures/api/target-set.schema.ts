/** A target version in the API, and the answer to setting one: the version with its warnings. */
import { z } from 'zod';
import { TARGET_WARNING_CODES } from '../../../kernel/measurement/target-assurance.ts';

/** ISO 8601 date-time (responses are encoded, so no transforms: dates are converted before). */
const timestamp = z.string();

export const targetSchema = z
  .object({
    id: z.uuid(),
    measureId: z.uuid(),
    breakdownId: z.uuid().nullable(),
    kind: z.string(),
    financialYear: z.string(),
    periodKey: z.string().nullable(),
    planPeriodStart: z.string().nullable(),
    planPeriodEnd: z.string().nullable(),
    value: z.number().nullable(),
    lower: z.number().nullable(),
    upper: z.number().nullable(),
    effectiveFrom: z.string(),
    supersededAt: timestamp.nullable(),
    supersededBy: z.uuid().nullable(),
    reason: z.string(),
    setBy: z.uuid().nullable(),
    setAt: timestamp,
  })
  .meta({ id: 'MeasureTarget' });

const targetWarningSchema = z
  .object({
    code: z.enum(TARGET_WARNING_CODES),
    message: z.string(),
    lowerLimit: z.number(),
    upperLimit: z.number(),
    trialLimits: z.boolean().meta({ description: 'The limits are from fewer than 12 official figures' }),
  })
  .meta({
    id: 'TargetWarning',
    description:
      'The target is beyond the latest process limits of the official figures (SPC assurance): ' +
      'target-cannot-be-met unless the process changes, or target-always-met as the process runs. It is saved all the same.',
  });

export const targetSetSchema = targetSchema
  .extend({ warnings: z.array(targetWarningSchema) })
  .meta({ id: 'MeasureTargetSet' });
