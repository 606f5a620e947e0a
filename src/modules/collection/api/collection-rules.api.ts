import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendProblem } from '../../../platform/http/problem.ts';
import { problemResponses } from '../../../platform/http/schemas.ts';
import type { CollectionRulesService } from '../collection-rules.service.ts';
import { collectionRulesInput, HOLIDAY_REGIONS } from '../domain/collection-rules.ts';

const collectionRulesSchema = z.object({
  workingDaysAfterPeriodEnd: z
    .number()
    .int()
    .meta({ description: 'Data is due this many working days after the period ends' }),
  reminderWorkingDaysBefore: z
    .number()
    .int()
    .meta({ description: 'A reminder goes this many working days before the due date' }),
  escalateToOwnerAfterDays: z
    .number()
    .int()
    .meta({ description: 'Overdue data is escalated to the owner after this many working days (0: never)' }),
  escalateToManagerAfterDays: z
    .number()
    .int()
    .meta({ description: "… and to the owner's line manager after this many (0: never)" }),
  holidayRegion: z.string().meta({ description: `Whose bank holidays apply: ${HOLIDAY_REGIONS.join(', ')}` }),
  closureDays: z
    .array(z.object({ day: z.string(), name: z.string() }))
    .meta({ description: "The council's own closure days" }),
  isDefault: z.boolean().meta({ description: 'True when nothing is stored: these are the defaults' }),
});

const manage = { access: { permission: 'manage:structure' } } as const;

export async function collectionRulesApi(app: FastifyInstance, { rules }: { rules: CollectionRulesService }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Collection'];

  api.get(
    '/collection-rules',
    {
      config: manage,
      schema: {
        tags,
        summary: 'The collection calendar: due dates, reminders, escalation, holidays and closures',
        response: { 200: collectionRulesSchema, ...problemResponses },
      },
    },
    async (request) => rules.get(request.caller()),
  );

  api.put(
    '/collection-rules',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change the collection calendar (administrators of the whole council; audited)',
        body: collectionRulesInput,
        response: { 200: collectionRulesSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await rules.update(request.caller(), request.body);
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );
}
