import type { FastifyInstance, FastifyReply } from 'fastify';
import { paths } from '../../../kernel/paths.ts';
import { formatDate } from '../../../platform/http/filters.ts';
import { parseForm, type FormErrors } from '../../../platform/http/form-errors.ts';
import { STATUS_FOR } from '../../../platform/http/http-status.ts';
import type { Caller } from '../../../platform/services/caller.ts';
import { fill, sayStored, words } from '../../../platform/words/index.ts';
import type { DomainError } from '../../../kernel/result.ts';
import { parsePeriodKey, periodLabel } from '../../../kernel/measurement/periods.ts';
import type { PeriodCloseService } from '../period-close.service.ts';
import { periodCloseInput, periodReopenInput } from '../domain/period-closure.ts';

/** Performance officers and administrators; the service checks the grant is council-wide. */
const close = { access: { permission: 'reopen:periods' } } as const;

type Values = Record<string, unknown>;

/** The page's anchors: each period's row, and each reopen form's reason box. */
const rowId = (key: string) => `period-${key}`;
const reasonId = (key: string) => `reason-${key}`;

const labelOf = (key: string) => {
  const parsed = parsePeriodKey(key);
  return parsed.ok ? periodLabel(parsed.value) : key;
};

/** The period close page: close the latest reported periods for the whole council, or reopen one. */
export async function periodCloseRoutes(app: FastifyInstance, { periodClose }: { periodClose: PeriodCloseService }) {
  async function render(
    reply: FastifyReply,
    caller: Caller,
    options: { errors?: FormErrors; status?: number; reasons?: Record<string, string> } = {},
  ) {
    const overview = await periodClose.overview(caller);
    const reasons = options.reasons ?? {};
    return reply.render(
      'pages/collection/period-close.njk',
      {
        title: words.periodClose.title,
        frequencies: overview.frequencies.map((group) => ({
          heading: words.periodClose.frequencies[group.frequency],
          periods: group.periods.map((period) => ({
            ...period,
            rowId: rowId(period.key),
            reasonId: reasonId(period.key),
            reason: reasons[period.key] ?? '',
            reasonError: options.errors?.fields[reasonId(period.key)],
            closedText:
              period.state === 'closed'
                ? period.closedByName
                  ? fill(words.periodClose.closedBy, {
                      person: period.closedByName,
                      date: formatDate(period.closedAt),
                    })
                  : fill(words.periodClose.closedByUnknown, { date: formatDate(period.closedAt) })
                : period.state === 'covered'
                  ? fill(words.periodClose.closedWithin, { period: period.coveredBy ?? '' })
                  : '',
          })),
        })),
        history: overview.history.slice(0, 30).map((row) => ({
          label: row.label,
          closed: row.closedByName
            ? fill(words.periodClose.closedBy, { person: row.closedByName, date: formatDate(row.closedAt) })
            : fill(words.periodClose.closedByUnknown, { date: formatDate(row.closedAt) }),
          reopened: row.reopenedAt
            ? fill(words.periodClose.reopenedBy, {
                person: row.reopenedByName ?? '',
                date: formatDate(row.reopenedAt),
                reason: row.reopenReason ?? '',
              })
            : '',
        })),
        errors: options.errors,
      },
      options.status,
    );
  }

  /** A refusal, linked to the reason box when it is about the reason, otherwise to the period's row. */
  function errorsFor(error: DomainError, key: string): FormErrors {
    const id = error.field === 'reason' ? reasonId(key) : rowId(key);
    const text = sayStored(error.message);
    return {
      summary: [{ text, href: `#${id}` }],
      fields: error.field === 'reason' ? { [id]: { text } } : {},
    };
  }

  app.get(paths.periodClosures(), { config: close }, async (request, reply) => render(reply, request.caller()));

  app.post(paths.periodClosureAction(), { config: close }, async (request, reply) => {
    const caller = request.caller();
    const action = (request.params as { action?: string }).action;
    if (action !== 'close' && action !== 'reopen') return reply.callNotFound();
    const values = (request.body ?? {}) as Values;
    const form = action === 'close' ? parseForm(periodCloseInput, values) : parseForm(periodReopenInput, values);
    const key = typeof values.periodKey === 'string' ? values.periodKey : '';
    if (!form.ok) {
      const error: DomainError = { code: 'invalid', message: words.periodClose.unknownPeriod };
      return render(reply, caller, { errors: errorsFor(error, key), status: 400 });
    }
    const result =
      action === 'close'
        ? await periodClose.close(caller, form.value)
        : await periodClose.reopen(caller, { periodKey: form.value.periodKey, reason: String(values.reason ?? '') });
    if (!result.ok) {
      return render(reply, caller, {
        errors: errorsFor(result.error, key),
        status: STATUS_FOR[result.error.code],
        reasons: action === 'reopen' ? { [key]: String(values.reason ?? '') } : {},
      });
    }
    const done = action === 'close' ? words.periodClose.closed : words.periodClose.reopened;
    return reply.flash(fill(done, { period: labelOf(result.value.periodKey) })).redirect(paths.periodClosures());
  });
}
