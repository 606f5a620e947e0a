/**
 * The shape the money pages' figures forms share (a capital scheme's, a reserve's, borrowing's, a
 * saving's and an MTFS year's): the year from the query (unreadable: not found; absent: the form's
 * default, which for an MTFS version depends on the version), the id from the
 * path (not a uuid: not found), the service's save, and then a redirect with a flash, the refusal's
 * page, or the form again with each field's problem. One place, so the forms cannot drift apart.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Result } from '../../../kernel/result.ts';
import type { FormErrors } from '../../../platform/http/form-errors.ts';
import type { Caller } from '../../../platform/services/caller.ts';
import type { FieldsRefusal } from '../org-access.ts';
import { fieldErrors, forbiddenPage, notFoundPage, stringValues, type Values } from './programme-helpers.ts';

const uuid = z.uuid();

export interface YearForm {
  /** The year asked for: null when unreadable (not found), undefined when none is named. */
  yearFrom(query: unknown): number | null | undefined;
  /**
   * The year to show when the address names none, where it depends on the record (an MTFS
   * version's first year without figures); null: not found. Without it, an absent year is not found.
   * A post always names its year (the form's action carries it).
   */
  defaultYear?(caller: Caller, id: string | null): Promise<number | null>;
  /** Whether the path names a record (:id); a new record's form has none. */
  withId: boolean;
  render(
    reply: FastifyReply,
    caller: Caller,
    id: string | null,
    year: number,
    form?: { values: Values; errors: FormErrors },
  ): Promise<unknown>;
  save(caller: Caller, id: string | null, year: number, values: Values): Promise<Result<{ id: string }, FieldsRefusal>>;
  /** The flash and the page to go to once saved. */
  saved(year: number, id: string | null, values: Values): { flash: string; to: string };
  /**
   * Whether a forbidden or not-found refusal that names fields goes on the form (a saving's plan
   * item or unit); otherwise such a refusal is about the record and answered with its page.
   */
  fieldRefusals?: boolean;
  /** Answered before the save when it returns something: the savings picker's Find button. */
  instead?(
    reply: FastifyReply,
    caller: Caller,
    id: string | null,
    year: number,
    values: Values,
  ): Promise<unknown> | null;
}

const idOf = (request: FastifyRequest, form: YearForm) => (form.withId ? (request.params as { id: string }).id : null);

export function yearFormGet(form: YearForm) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const caller = request.caller();
    const id = idOf(request, form);
    const asked = form.yearFrom(request.query);
    const year = asked === undefined ? ((await form.defaultYear?.(caller, id)) ?? null) : asked;
    if (year === null) return notFoundPage(reply);
    return form.render(reply, caller, id, year);
  };
}

export function yearFormPost(form: YearForm) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const caller = request.caller();
    const id = idOf(request, form);
    const year = form.yearFrom(request.query);
    if (year === null || year === undefined || (id !== null && !uuid.safeParse(id).success)) {
      return notFoundPage(reply);
    }
    const values = stringValues(request.body);
    const answered = form.instead?.(reply, caller, id, year, values);
    if (answered) return answered;
    const result = await form.save(caller, id, year, values);
    if (!result.ok) {
      const onForm = form.fieldRefusals === true && result.error.errors.length > 0;
      if (result.error.code === 'forbidden' && !onForm) return forbiddenPage(reply);
      if (result.error.code === 'not_found' && !onForm) return notFoundPage(reply);
      return form.render(reply, caller, id, year, { values, errors: fieldErrors(result.error) });
    }
    const { flash, to } = form.saved(year, id, values);
    return reply.flash(flash).redirect(to);
  };
}
