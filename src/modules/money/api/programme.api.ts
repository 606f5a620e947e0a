/**
 * The JSON API for the capital programme, reserves, borrowing, the savings tracker and the MTFS:
 * the same services, access and audit as the pages. Amounts go out as decimal strings of pounds
 * and come in as people type them; a refusal names every field at fault, and nothing is written.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Money } from '../../../kernel/money.ts';
import type { Result } from '../../../kernel/result.ts';
import { problem, sendProblem } from '../../../platform/http/problem.ts';
import { sayStored } from '../../../platform/words/index.ts';
import { problemResponses } from '../../../platform/http/schemas.ts';
import { CAPITAL_AMOUNTS, type CapitalAssessment, type CapitalFigures } from '../domain/capital.ts';
import { MTFS_AMOUNTS, type MtfsYear } from '../domain/mtfs.ts';
import {
  BORROWING_AMOUNTS,
  RESERVE_AMOUNTS,
  RESERVE_KINDS,
  type BorrowingPosition,
  type ReservePosition,
} from '../domain/reserves.ts';
import { DELIVERABILITY, SAVING_AMOUNTS } from '../domain/savings.ts';
import { BANDS } from '../domain/variance.ts';
import type { FieldsRefusal } from '../org-access.ts';
import type { MoneyServices } from '../services.ts';
import { amount, amountInputs, amountsShape, decimal, decimals } from './amount.ts';

const view = { access: { permission: 'view:money' } } as const;
const edit = { access: { permission: 'edit:money' } } as const;
const tags = ['Money'];

const startYear = z.coerce
  .number()
  .int()
  .min(2000)
  .max(2100)
  .meta({ description: 'The year the financial year starts in: 2025 for 2025/26' });
const yearQuery = z.object({ year: startYear.optional() });
const idYearParams = z.object({ id: z.uuid(), year: startYear });
const saved = z.object({ id: z.uuid() });

// ---- Output schemas and their converters ----

const assessment = {
  funding: amount,
  variance: amount,
  variancePercent: z.number().nullable(),
  band: z.enum(BANDS),
  explanationRequired: z.boolean(),
};
const capitalFigures = z
  .object({ ...amountsShape(CAPITAL_AMOUNTS), ...assessment })
  .meta({ id: 'CapitalFigures', description: 'Variance is forecast plus slippage less budget: positive is over' });
const capitalYear = capitalFigures
  .extend({ slippageReason: z.string(), explanation: z.string() })
  .meta({ id: 'CapitalSchemeYear' });
const capitalProgramme = z
  .object({
    startYear: z.number().int(),
    schemes: z.array(
      z.object({
        id: z.uuid(),
        code: z.string(),
        name: z.string(),
        unitId: z.uuid(),
        unitName: z.string(),
        year: capitalYear.nullable(),
      }),
    ),
    totals: capitalFigures,
  })
  .meta({ id: 'CapitalProgramme' });

const capitalOut = (figures: CapitalFigures & CapitalAssessment) => ({
  ...decimals(CAPITAL_AMOUNTS, figures),
  funding: decimal(figures.funding),
  variance: decimal(figures.variance),
  variancePercent: figures.variancePercent,
  band: figures.band,
  explanationRequired: figures.explanationRequired,
});

const reservePosition = z
  .object({ ...amountsShape(RESERVE_AMOUNTS), plannedClosing: amount, forecastClosing: amount })
  .meta({ id: 'ReservePosition' });
const borrowingPosition = z
  .object({
    ...amountsShape(BORROWING_AMOUNTS),
    status: z.enum(['within', 'over_boundary', 'over_limit']),
    headroomToBoundary: amount,
    headroomToLimit: amount,
    internalBorrowing: amount,
  })
  .meta({ id: 'BorrowingPosition' });
const reservesView = z
  .object({
    startYear: z.number().int(),
    reserves: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        kind: z.enum(RESERVE_KINDS),
        purpose: z.string(),
        position: reservePosition.nullable(),
      }),
    ),
    general: reservePosition,
    earmarked: reservePosition,
    total: reservePosition,
    borrowing: borrowingPosition.nullable(),
  })
  .meta({ id: 'ReservesAndBorrowing' });

const reserveOut = (position: ReservePosition) => ({
  ...decimals(RESERVE_AMOUNTS, position),
  plannedClosing: decimal(position.plannedClosing),
  forecastClosing: decimal(position.forecastClosing),
});
const borrowingOut = (position: BorrowingPosition) => ({
  ...decimals(BORROWING_AMOUNTS, position),
  status: position.status,
  headroomToBoundary: decimal(position.headroomToBoundary),
  headroomToLimit: decimal(position.headroomToLimit),
  internalBorrowing: decimal(position.internalBorrowing),
});

const savingsView = z
  .object({
    startYear: z.number().int(),
    savings: z.array(
      z.object({
        id: z.uuid(),
        reference: z.string(),
        title: z.string(),
        owner: z.string(),
        unitId: z.uuid(),
        unitName: z.string(),
        rag: z.enum(DELIVERABILITY),
        planItemId: z.uuid().nullable(),
        actionId: z.uuid().nullable(),
        figures: z.object(amountsShape(SAVING_AMOUNTS)).nullable(),
        shortfall: amount.nullable(),
      }),
    ),
    totals: z.object({ ...amountsShape(SAVING_AMOUNTS), shortfall: amount, atRisk: amount }),
  })
  .meta({ id: 'SavingsTracker' });

const mtfsYearOut = z.object({
  ...amountsShape(MTFS_AMOUNTS),
  gap: amount,
  identifiedSavings: amount,
  forecastSavings: amount,
  unidentified: amount,
  assumptions: z.string(),
});
const mtfsView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    firstYear: z.number().int(),
    years: z.array(z.object({ startYear: z.number().int(), year: mtfsYearOut.nullable() })),
  })
  .meta({ id: 'MtfsVersion', description: 'Gap is spending less funding; unidentified is what is still to find' });
const mtfsOut = (year: MtfsYear & { assumptions: string }) => ({
  ...decimals(MTFS_AMOUNTS, year),
  gap: decimal(year.gap),
  identifiedSavings: decimal(year.identifiedSavings),
  forecastSavings: decimal(year.forecastSavings),
  unidentified: decimal(year.unidentified),
  assumptions: year.assumptions,
});

// ---- Inputs ----

// Not "CapitalSchemeYearInput": the OpenAPI plugin names the input form of "CapitalSchemeYear" so.
const capitalInput = amountInputs(CAPITAL_AMOUNTS)
  .extend({ slippageReason: z.string().max(2000).optional(), explanation: z.string().max(2000).optional() })
  .meta({
    id: 'CapitalSchemeYearChange',
    description: 'Amounts in pounds and pence ("1234.56"); at most two decimals',
  });
const reserveInput = amountInputs(RESERVE_AMOUNTS).meta({ id: 'ReserveYearInput' });
const borrowingInput = amountInputs(BORROWING_AMOUNTS).meta({ id: 'BorrowingInput' });
const savingInput = amountInputs(SAVING_AMOUNTS)
  .extend({
    reference: z.string().max(20),
    title: z.string().max(500),
    owner: z.string().max(200),
    unitId: z.string().max(40),
    rag: z.string().max(10),
    planItemId: z.string().max(40).optional(),
    actionId: z.string().max(40).optional(),
  })
  .meta({ id: 'SavingInput' });
const mtfsInput = amountInputs(MTFS_AMOUNTS)
  .extend({ assumptions: z.string().max(5000).optional() })
  .meta({ id: 'MtfsYearInput' });

/** A refusal that names every field at fault, as RFC 9457 problem details. */
function sendFieldsProblem(reply: FastifyReply, error: FieldsRefusal) {
  const status = { invalid: 400, not_found: 404, forbidden: 403, duplicate: 409 }[error.code];
  return reply
    .code(status)
    .type('application/problem+json')
    .send(
      problem(status, sayStored(error.message), {
        code: error.code,
        errors: error.errors.map((each) => ({ ...each, message: sayStored(each.message) })),
      }),
    );
}

const cells = (body: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(body).filter((entry): entry is [string, string] => entry[1] !== undefined));

const writeResponses = { 200: saved, 201: saved, ...problemResponses };

export async function programmeApi(app: FastifyInstance, { services }: { services: MoneyServices }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const answer = <T>(reply: FastifyReply, result: Result<T>) =>
    result.ok ? result.value : sendProblem(reply, result.error);
  const answerSave = (reply: FastifyReply, result: Result<{ id: string }, FieldsRefusal>, status = 200) =>
    result.ok ? reply.code(status).send(result.value) : sendFieldsProblem(reply, result.error);

  api.get(
    '/money/capital',
    {
      config: view,
      schema: {
        tags,
        summary: 'The capital programme for a year: each scheme’s figures and the totals',
        querystring: yearQuery,
        response: { 200: capitalProgramme, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.capital.programme(request.caller(), request.query.year);
      if (!result.ok) return sendProblem(reply, result.error);
      const { startYear: year, schemes, totals } = result.value;
      return {
        startYear: year,
        schemes: schemes.map(({ scheme, year: figures }) => ({
          ...scheme,
          year: figures
            ? { ...capitalOut(figures), slippageReason: figures.slippageReason, explanation: figures.explanation }
            : null,
        })),
        totals: capitalOut(totals),
      };
    },
  );

  api.put(
    '/money/capital/schemes/:id/years/:year',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Set a capital scheme’s figures for a year (funding must add up to the budget)',
        params: idYearParams,
        body: capitalInput,
        response: writeResponses,
      },
    },
    async (request, reply) =>
      answerSave(
        reply,
        await services.capital.saveYear(request.caller(), request.params.id, request.params.year, cells(request.body)),
      ),
  );

  api.get(
    '/money/reserves',
    {
      config: view,
      schema: {
        tags,
        summary: 'Reserves (general and earmarked) and the borrowing position for a year',
        querystring: yearQuery,
        response: { 200: reservesView, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.reserves.view(request.caller(), request.query.year);
      if (!result.ok) return sendProblem(reply, result.error);
      const v = result.value;
      return {
        startYear: v.startYear,
        reserves: v.reserves.map((row) => ({ ...row, position: row.position ? reserveOut(row.position) : null })),
        general: reserveOut(v.general),
        earmarked: reserveOut(v.earmarked),
        total: reserveOut(v.total),
        borrowing: v.borrowing ? borrowingOut(v.borrowing) : null,
      };
    },
  );

  api.put(
    '/money/reserves/:id/years/:year',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Set a reserve’s figures for a year',
        params: idYearParams,
        body: reserveInput,
        response: writeResponses,
      },
    },
    async (request, reply) =>
      answerSave(
        reply,
        await services.reserves.saveReserveYear(request.caller(), request.params.id, request.params.year, request.body),
      ),
  );

  api.put(
    '/money/borrowing/:year',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Set the borrowing position for a year (the authorised limit at least the operational boundary)',
        params: z.object({ year: startYear }),
        body: borrowingInput,
        response: writeResponses,
      },
    },
    async (request, reply) =>
      answerSave(reply, await services.reserves.saveBorrowing(request.caller(), request.params.year, request.body)),
  );

  api.get(
    '/money/savings',
    {
      config: view,
      schema: {
        tags,
        summary: 'The savings tracker for a year: each proposal, its shortfall and the totals',
        querystring: yearQuery,
        response: { 200: savingsView, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.savings.list(request.caller(), request.query.year);
      if (!result.ok) return sendProblem(reply, result.error);
      const { totals } = result.value;
      const money = (value: Money | null) => (value === null ? null : decimal(value));
      return {
        startYear: result.value.startYear,
        savings: result.value.savings.map((row) => ({
          id: row.id,
          reference: row.reference,
          title: row.title,
          owner: row.owner,
          unitId: row.unitId,
          unitName: row.unitName,
          rag: row.rag,
          planItemId: row.planItemId,
          actionId: row.actionId,
          figures: row.figures ? decimals(SAVING_AMOUNTS, row.figures) : null,
          shortfall: money(row.shortfall),
        })),
        totals: {
          ...decimals(SAVING_AMOUNTS, totals),
          shortfall: decimal(totals.shortfall),
          atRisk: decimal(totals.atRisk),
        },
      };
    },
  );

  api.post(
    '/money/savings',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Add a savings proposal with its figures for a year',
        querystring: z.object({ year: startYear }),
        body: savingInput,
        response: writeResponses,
      },
    },
    async (request, reply) =>
      answerSave(
        reply,
        await services.savings.save(request.caller(), null, request.query.year, cells(request.body)),
        201,
      ),
  );

  api.put(
    '/money/savings/:id/years/:year',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Change a savings proposal and its figures for a year',
        params: idYearParams,
        body: savingInput,
        response: writeResponses,
      },
    },
    async (request, reply) =>
      answerSave(
        reply,
        await services.savings.save(request.caller(), request.params.id, request.params.year, cells(request.body)),
      ),
  );

  api.get(
    '/money/mtfs/:id',
    {
      config: view,
      schema: {
        tags,
        summary: 'An MTFS version: its three years with the gap and the savings still to find',
        params: z.object({ id: z.uuid() }),
        response: { 200: mtfsView, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.mtfs.version(request.caller(), request.params.id);
      if (!result.ok) return sendProblem(reply, result.error);
      const { version, years } = result.value;
      return {
        ...version,
        years: years.map((row) => ({ startYear: row.startYear, year: row.year ? mtfsOut(row.year) : null })),
      };
    },
  );

  api.get(
    '/money/mtfs',
    {
      config: view,
      schema: {
        tags,
        summary: 'The MTFS versions, one a year',
        response: {
          200: z.array(z.object({ id: z.uuid(), name: z.string(), firstYear: z.number().int() })),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const result = await services.mtfs.versions(request.caller());
      return result.ok ? result.value.versions : answer(reply, result);
    },
  );

  api.put(
    '/money/mtfs/:id/years/:year',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Set an MTFS year’s figures and assumptions',
        params: idYearParams,
        body: mtfsInput,
        response: writeResponses,
      },
    },
    async (request, reply) =>
      answerSave(
        reply,
        await services.mtfs.saveYear(request.caller(), request.params.id, request.params.year, cells(request.body)),
      ),
  );
}
