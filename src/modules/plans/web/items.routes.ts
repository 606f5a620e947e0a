import type { FastifyInstance, FastifyReply } from 'fastify';
import { STATUS_FOR } from '../../../platform/http/http-status.ts';
import { frozenPlanMessage, itemInput, itemRemoveInput, itemUpdateInput, linkInput } from '../domain/item.ts';
import type { DomainError } from '../../../kernel/result.ts';
import type { Caller } from '../../../platform/services/caller.ts';
import type { PlansPageServices } from '../services.ts';
import { formErrorsFrom, parseForm, type FormErrors } from '../../../platform/http/form-errors.ts';
import { paths } from '../../../kernel/paths.ts';
import { itemFormView, lineOfSightView, linkFormView, planStatusName } from './item.presenter.ts';
import { idParam } from '../../../platform/http/params.ts';
import { fill, sayStored, words } from '../../../platform/words/index.ts';

const view = { access: { permission: 'view:plans' } } as const;
const edit = { access: { permission: 'edit:plans' } } as const;

type Values = Record<string, unknown>;

export async function itemsRoutes(app: FastifyInstance, { services }: { services: PlansPageServices }) {
  /** A refusal that is not about a field of a form: not found, forbidden, or a page explaining it. */
  function refusalPage(reply: FastifyReply, error: DomainError) {
    if (error.code === 'not_found') return reply.callNotFound();
    if (error.code === 'forbidden') return reply.render('pages/errors/forbidden.njk', {}, 403);
    return reply.render('pages/errors/problem.njk', { detail: sayStored(error.message) }, STATUS_FOR[error.code]);
  }

  async function renderForm(
    reply: FastifyReply,
    caller: Caller,
    options: { planId: string; itemId?: string; values: Values; errors?: FormErrors; status?: number },
  ) {
    const formOptions = await services.items.formOptions(caller, options.planId, options.itemId);
    if (!formOptions.ok) return refusalPage(reply, formOptions.error);
    const plan = formOptions.value.plan;
    return reply.render(
      'pages/items/form.njk',
      {
        title: options.itemId ? words.plansWeb.titles.editItem : words.plansWeb.titles.addItem,
        plan,
        action: options.itemId ? paths.editItem(options.itemId) : paths.newItem(options.planId),
        backLink: options.itemId ? paths.item(options.itemId) : paths.plan(options.planId),
        editing: Boolean(options.itemId),
        values: options.values,
        errors: options.errors,
        hasPartners: formOptions.value.partners.length > 0,
        ...itemFormView(formOptions.value, options.values),
      },
      options.status,
    );
  }

  /** Form refusals: a field's problem is shown against it; the rest at the top, with their own status. */
  function statusFor(error: DomainError): number {
    return error.code === 'invalid' ? 400 : STATUS_FOR[error.code];
  }

  app.get(paths.newItem(), { config: edit }, async (request, reply) => {
    const caller = request.caller();
    const { id: planId } = idParam(request);
    const plan = await services.items.plan(caller, planId);
    if (!plan.ok) return reply.callNotFound();
    const frozen = frozenPlanMessage(plan.value.status, 'items', 'add');
    if (frozen) return refusalPage(reply, { code: 'invalid_state', message: frozen });
    if (!(await services.items.canEditPlan(caller, planId))) {
      return refusalPage(reply, { code: 'forbidden', message: words.plansWeb.cannotAddItems });
    }
    const query = request.query as { parentItemId?: string };
    return renderForm(reply, caller, { planId, values: { parentItemId: query.parentItemId } });
  });

  app.post(paths.newItem(), { config: edit }, async (request, reply) => {
    const caller = request.caller();
    const { id: planId } = idParam(request);
    const values = (request.body ?? {}) as Values;
    const form = parseForm(itemInput, values);
    if (!form.ok) return renderForm(reply, caller, { planId, values, errors: form.errors, status: 400 });
    const result = await services.items.create(caller, planId, form.value);
    if (!result.ok) {
      if (result.error.code === 'not_found' || result.error.code === 'forbidden') {
        return refusalPage(reply, result.error);
      }
      return renderForm(reply, caller, {
        planId,
        values,
        errors: formErrorsFrom(result.error),
        status: statusFor(result.error),
      });
    }
    return reply
      .flash(fill(words.plansWeb.flash.itemAdded, { code: result.value.code }))
      .redirect(paths.item(result.value.id));
  });

  app.get(paths.item(), { config: view }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const [detail, sight, rollup, risks, funding] = await Promise.all([
      services.items.get(caller, id),
      services.items.lineOfSight(caller, id),
      services.performanceViews.itemRollup(caller, id),
      services.itemRisks.risksConcerningItem(caller, id),
      services.itemFunding?.fundingOfItem(caller, id) ?? null,
    ]);
    if (!detail.ok) return refusalPage(reply, detail.error);
    if (!sight.ok) return refusalPage(reply, sight.error);
    const { item, plan } = detail.value;
    return reply.render('pages/items/show.njk', {
      title: `${item.code} ${item.title}`,
      breadcrumbs: [
        { text: words.plansWeb.breadcrumbs.home, href: paths.home() },
        { text: words.plansWeb.breadcrumbs.plans, href: paths.plans() },
        { text: plan.title, href: paths.plan(plan.id) },
      ],
      ...detail.value,
      planStatus: planStatusName(plan.status),
      sight: lineOfSightView(sight.value),
      rollup: rollup.ok ? rollup.value : null,
      risks,
      funding,
    });
  });

  app.get(paths.editItem(), { config: edit }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const detail = await services.items.get(caller, id);
    if (!detail.ok) return refusalPage(reply, detail.error);
    const { item, partners } = detail.value;
    return renderForm(reply, caller, {
      planId: item.planId,
      itemId: id,
      values: { ...item, partnerIds: partners.map((partner) => partner.id) },
    });
  });

  app.post(paths.editItem(), { config: edit }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const detail = await services.items.get(caller, id);
    if (!detail.ok) return refusalPage(reply, detail.error);
    const planId = detail.value.item.planId;
    const values = (request.body ?? {}) as Values;
    const form = parseForm(itemUpdateInput, values);
    if (!form.ok) return renderForm(reply, caller, { planId, itemId: id, values, errors: form.errors, status: 400 });
    const result = await services.items.update(caller, id, form.value);
    if (!result.ok) {
      if (result.error.code === 'not_found' || result.error.code === 'forbidden') {
        return refusalPage(reply, result.error);
      }
      return renderForm(reply, caller, {
        planId,
        itemId: id,
        values,
        errors: formErrorsFrom(result.error),
        status: statusFor(result.error),
      });
    }
    return reply.flash(words.plansWeb.flash.itemUpdated).redirect(paths.item(id));
  });

  app.get(paths.removeItem(), { config: edit }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const detail = await services.items.get(caller, id);
    if (!detail.ok) return refusalPage(reply, detail.error);
    return reply.render('pages/items/remove.njk', {
      title: fill(words.plansWeb.titles.removeItem, { code: detail.value.item.code }),
      backLink: paths.item(id),
      ...detail.value,
    });
  });

  app.post(paths.removeItem(), { config: edit }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const detail = await services.items.get(caller, id);
    if (!detail.ok) return refusalPage(reply, detail.error);
    const form = parseForm(itemRemoveInput, request.body);
    const result = await services.items.remove(caller, id, form.ok ? form.value.rowVersion : undefined);
    if (!result.ok) {
      if (result.error.code === 'not_found' || result.error.code === 'forbidden') {
        return refusalPage(reply, result.error);
      }
      return reply.render(
        'pages/items/remove.njk',
        {
          title: fill(words.plansWeb.titles.removeItem, { code: detail.value.item.code }),
          backLink: paths.item(id),
          ...detail.value,
          errors: formErrorsFrom(result.error),
        },
        STATUS_FOR[result.error.code],
      );
    }
    return reply
      .flash(fill(words.plansWeb.flash.itemRemoved, { code: detail.value.item.code }))
      .redirect(paths.plan(detail.value.plan.id));
  });

  async function renderLinks(
    reply: FastifyReply,
    caller: Caller,
    id: string,
    options: { values: Values; errors?: FormErrors; status?: number },
  ) {
    const [detail, targets] = await Promise.all([
      services.items.get(caller, id),
      services.items.linkTargets(caller, id),
    ]);
    if (!detail.ok) return refusalPage(reply, detail.error);
    if (!targets.ok) return refusalPage(reply, targets.error);
    const linked = detail.value.contributesTo.map((link) => link.item.id);
    return reply.render(
      'pages/items/links.njk',
      {
        title: fill(words.plansWeb.titles.links, { code: detail.value.item.code }),
        backLink: paths.item(id),
        ...detail.value,
        values: options.values,
        errors: options.errors,
        ...linkFormView(targets.value, options.values, linked),
      },
      options.status,
    );
  }

  app.get(paths.itemLinks(), { config: edit }, async (request, reply) =>
    renderLinks(reply, request.caller(), idParam(request).id, { values: {} }),
  );

  app.post(paths.itemLinks(), { config: edit }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const values = (request.body ?? {}) as Values;
    const form = parseForm(linkInput, values);
    if (!form.ok) return renderLinks(reply, caller, id, { values, errors: form.errors, status: 400 });
    const result = await services.items.addLink(caller, id, form.value);
    if (!result.ok) {
      if (result.error.code === 'not_found' || result.error.code === 'forbidden') {
        return refusalPage(reply, result.error);
      }
      return renderLinks(reply, caller, id, {
        values,
        errors: formErrorsFrom(result.error),
        status: statusFor(result.error),
      });
    }
    return reply.flash(words.plansWeb.flash.linkAdded).redirect(paths.itemLinks(id));
  });

  app.post(paths.removeItemLink(), { config: edit }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const { id: linkId } = idParam(request, 'linkId');
    const result = await services.items.removeLink(caller, id, linkId);
    if (!result.ok) {
      if (result.error.code === 'not_found' || result.error.code === 'forbidden') {
        return refusalPage(reply, result.error);
      }
      return renderLinks(reply, caller, id, {
        values: {},
        errors: formErrorsFrom(result.error),
        status: STATUS_FOR[result.error.code],
      });
    }
    const returnTo = (request.body as { returnTo?: string } | undefined)?.returnTo;
    return reply
      .flash(words.plansWeb.flash.linkRemoved)
      .redirect(returnTo === 'item' ? paths.item(id) : paths.itemLinks(id));
  });
}
