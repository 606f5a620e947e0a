import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OFFICIAL_FROM } from '../../../kernel/measurement/official.ts';
import { OVERDUE_TREATMENTS, performanceSettingsInput, ROLLUP_RULES, TOLERANCE_KINDS } from '../domain/index.ts';
import type { PerformanceSettingsView } from '../performance-settings.service.ts';
import type { PerformanceServices } from '../services.ts';
import { sendProblem } from '../../../platform/http/problem.ts';
import { problemResponses, withIsoDates } from '../../../platform/http/schemas.ts';

const share = (description: string) => z.number().min(0).max(1).meta({ description });

const performanceSettingsSchema = z
  .object({
    rollupRule: z.enum(ROLLUP_RULES).meta({ description: 'How statuses roll up along the golden thread' }),
    greenFrom: share('Weighted score only: the score from which a roll-up is green').nullable(),
    amberFrom: share('Weighted score only: the score from which a roll-up is amber (below greenFrom)').nullable(),
    keyMeasuresDominate: z.boolean().meta({ description: 'A key measure can make a roll-up worse, never better' }),
    overdueAs: z.enum(OVERDUE_TREATMENTS).meta({ description: 'How overdue data counts in a roll-up' }),
    objectivesAppetite: share('Risk appetite: share of plan objectives on target'),
    targetsAppetite: share('Risk appetite: share of key targets projected to be achieved'),
    toleranceKind: z.enum(TOLERANCE_KINDS).meta({ description: 'Direction-of-travel tolerance' }),
    toleranceAmount: z
      .number()
      .nullable()
      .meta({ description: "absolute only: the smallest change that counts, in each measure's own unit" }),
    tolerancePercent: z
      .number()
      .nullable()
      .meta({ description: 'percentage only: the smallest change that counts, as a percentage of the earlier value' }),
    officialFrom: z.enum(OFFICIAL_FROM).meta({
      description:
        'The sign-off status from which a figure is official and counts in statuses, dashboards, SPC, forecasts and exports',
    }),
    isDefault: z.boolean().meta({ description: 'True when the council has stored nothing: these are the defaults' }),
    rowVersion: z.number().int().meta({ description: 'Send it back with a change; 0 when nothing is stored yet' }),
    updatedAt: z.iso.datetime().nullable(),
    updatedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    words: z
      .object({
        rollupRule: z.string(),
        keyMeasuresDominate: z.string(),
        overdueAs: z.string(),
        objectivesAppetite: z.string(),
        targetsAppetite: z.string(),
        tolerance: z.string(),
        officialFrom: z.string(),
      })
      .meta({ description: 'Each setting in words, as the pages show it' }),
  })
  .meta({ id: 'PerformanceSettings' });

const toSettings = (view: PerformanceSettingsView) => performanceSettingsSchema.parse(withIsoDates(view));

export async function settingsApi(app: FastifyInstance, { services }: { services: PerformanceServices }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Settings'];

  api.get(
    '/settings/performance',
    {
      config: { access: { permission: 'view:organisation' } },
      schema: {
        tags,
        summary: "The council's performance settings",
        description:
          'The roll-up rule, risk appetite and direction-of-travel tolerance the dashboards, roll-ups and framework health use. When the council has stored none, the defaults, with isDefault true.',
        response: { 200: performanceSettingsSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.performanceSettings.get(request.caller());
      return result.ok ? toSettings(result.value) : sendProblem(reply, result.error);
    },
  );

  api.put(
    '/settings/performance',
    {
      config: { access: { permission: 'manage:framework' } },
      schema: {
        tags,
        summary: "Change the council's performance settings",
        description:
          'Replaces every setting. Shares are from 0 to 1. Send the rowVersion you read (0 when nothing was stored): a stale one is refused with 409. A changed tolerance recomputes the stored statuses. Needs manage:framework over the whole organisation.',
        body: performanceSettingsInput,
        response: { 200: performanceSettingsSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { settings, rowVersion } = request.body;
      const result = await services.performanceSettings.update(request.caller(), settings, rowVersion);
      return result.ok ? toSettings(result.value) : sendProblem(reply, result.error);
    },
  );
}
