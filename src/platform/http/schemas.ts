import { z } from 'zod';
import { phraseText } from '../../kernel/phrase.ts';

/** Shared response pieces for the OpenAPI document. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });

export const idParams = z.object({ id: z.uuid({ message: phraseText('apiInputs.uuid') }) });

export const problemResponses = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
};

/**
 * Response schemas describe JSON, so timestamps go out as ISO 8601 strings: convert a row's Date
 * fields with this before parsing it with a schema that uses z.iso.datetime().
 */
export function withIsoDates<T extends object>(row: T): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]),
  );
}
