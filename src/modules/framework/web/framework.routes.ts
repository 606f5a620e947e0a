import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  approvalStepInput,
  distinctPersonInput,
  itemTypeInput,
  MOVE_DIRECTIONS,
  planTypeInput,
  templateSectionInput,
} from '../domain/framework.ts';
import type { DomainError } from '../../../kernel/result.ts';
import type { Caller } from '../../../platform/services/caller.ts';
import type { FrameworkServices } from '../services.ts';
import { formErrorsFrom, parseForm, type FormErrors } from '../../../platform/http/form-errors.ts';
import { paths } from '../../../kernel/paths.ts';
import {
  overviewRows,
  planTypeFormItems,
  planTypeSummary,
  sectionRows,
  stepFormItems,
  stepRows,
} from './framework.presenter.ts';
import { idParam } from '../../../platform/http/params.ts';
import { fill, words } from '../../../platform/words/index.ts';

const manage = { access: { permission: 'manage:framework' } } as const;
const view = { access: { permission: 'view:organisation' } } as const;

type Values = Record<string, unknown>;
const ACTIONS = ['remove', ...MOVE_DIRECTIONS] as const;
type Action = (typeof ACTIONS)[number];

function actionParam(request: import('fastify').FastifyRequest): Action | null {
  const action = (request.params as { action?: string }).action;
  return (ACTIONS as readonly string[]).includes(action ?? '') ? (action as Action) : null;
}

export async function frameworkRoutes(app: FastifyInstance, { services }: { services: FrameworkServices }) {
  const framework = services.framework;

  async function renderPlanTypeForm(
    reply: FastifyReply,
    caller: Caller,
    options: { planTypeId?: string; values: Values; errors?: FormErrors; status?: number },
  ) {
    const [planTypes, itemTypes] = await Promise.all([
      framework.listPlanTypes(caller),
      framework.listItemTypes(caller),
    ]);
    return reply.render(
      'pages/framework/plan-type-form.njk',
      {
        title: options.planTypeId
          ? fill(words.frameworkPages.titles.edit, {
              name: String(options.values.name ?? words.frameworkPages.titles.planType),
            })
          : words.frameworkPages.titles.addPlanType,
        action: options.planTypeId ? paths.editPlanType(options.planTypeId) : paths.newPlanType(),
        backLink: options.planTypeId ? paths.planType(options.planTypeId) : paths.framework(),
        values: options.values,
        errors: options.errors,
        ...planTypeFormItems(options.values, planTypes, itemTypes, options.planTypeId),
      },
      options.status,
    );
  }

  /** The plan type page, with the add-section and add-step forms (and their errors, if any). */
  async function renderPlanType(
    reply: FastifyReply,
    caller: Caller,
    id: string,
    options: { sectionValues?: Values; stepValues?: Values; errors?: FormErrors; status?: number } = {},
  ) {
    const result = await framework.getPlanType(caller, id);
    if (!result.ok) return reply.callNotFound();
    const planType = result.value;
    const [planTypes, itemTypes, bodies, canManage] = await Promise.all([
      framework.listPlanTypes(caller),
      framework.listItemTypes(caller),
      framework.listBodies(caller),
      framework.canManage(caller),
    ]);
    const stepValues = options.stepValues ?? {};
    return reply.render(
      'pages/framework/plan-type.njk',
      {
        title: planType.name,
        backLink: paths.framework(),
        planType,
        canManage,
        ...planTypeSummary(planType, planTypes, itemTypes),
        sections: sectionRows(planType),
        steps: stepRows(planType),
        sectionValues: options.sectionValues ?? {},
        stepValues,
        ...stepFormItems(stepValues, bodies),
        errors: options.errors,
      },
      options.status,
    );
  }

  /** A refusal from a small button form: shown at the top of the plan type page. */
  function refusalStatus(error: DomainError): number {
    return error.code === 'not_found' ? 404 : error.code === 'forbidden' ? 403 : 400;
  }

  async function renderItemTypeForm(
    reply: FastifyReply,
    options: { itemTypeId?: string; values: Values; errors?: FormErrors; status?: number },
  ) {
    return reply.render(
      'pages/framework/item-type-form.njk',
      {
        title: options.itemTypeId
          ? fill(words.frameworkPages.titles.edit, {
              name: String(options.values.name ?? words.frameworkPages.titles.itemType),
            })
          : words.frameworkPages.titles.addItemType,
        action: options.itemTypeId ? paths.editItemType(options.itemTypeId) : paths.newItemType(),
        backLink: paths.framework(),
        values: options.values,
        errors: options.errors,
        activeItems: [
          {
            value: 'true',
            text: words.frameworkPages.form.itemTypeInUse,
            checked: options.values.active === true || options.values.active === 'true',
          },
        ],
      },
      options.status,
    );
  }

  // --- Overview -------------------------------------------------------------------------------

  app.get(paths.framework(), { config: view }, async (request, reply) => {
    const caller = request.caller();
    const [planTypes, itemTypes, canManage] = await Promise.all([
      framework.listPlanTypes(caller),
      framework.listItemTypes(caller),
      framework.canManage(caller),
    ]);
    return reply.render('pages/framework/index.njk', {
      title: words.frameworkPages.titles.framework,
      planTypes: overviewRows(planTypes, itemTypes),
      itemTypes,
      canManage,
    });
  });

  // --- Plan types -----------------------------------------------------------------------------

  app.get(paths.newPlanType(), { config: manage }, async (request, reply) =>
    renderPlanTypeForm(reply, request.caller(), { values: { active: true } }),
  );

  app.post(paths.newPlanType(), { config: manage }, async (request, reply) => {
    const caller = request.caller();
    const values = (request.body ?? {}) as Values;
    const form = parseForm(planTypeInput, values);
    if (!form.ok) return renderPlanTypeForm(reply, caller, { values, errors: form.errors, status: 400 });
    const result = await framework.createPlanType(caller, form.value);
    if (!result.ok) {
      return renderPlanTypeForm(reply, caller, {
        values,
        errors: formErrorsFrom(result.error),
        status: result.error.code === 'forbidden' ? 403 : 400,
      });
    }
    return reply
      .flash(fill(words.frameworkPages.flash.planTypeAdded, { name: result.value.name }))
      .redirect(paths.planType(result.value.id));
  });

  app.get(paths.planType(), { config: view }, async (request, reply) =>
    renderPlanType(reply, request.caller(), idParam(request).id),
  );

  app.get(paths.editPlanType(), { config: manage }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const result = await framework.getPlanType(caller, id);
    if (!result.ok) return reply.callNotFound();
    return renderPlanTypeForm(reply, caller, { planTypeId: id, values: { ...result.value } });
  });

  app.post(paths.editPlanType(), { config: manage }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const values = (request.body ?? {}) as Values;
    const form = parseForm(planTypeInput, values);
    if (!form.ok)
      return renderPlanTypeForm(reply, caller, { planTypeId: id, values, errors: form.errors, status: 400 });
    const result = await framework.updatePlanType(caller, id, form.value);
    if (!result.ok) {
      if (result.error.code === 'not_found') return reply.callNotFound();
      return renderPlanTypeForm(reply, caller, {
        planTypeId: id,
        values,
        errors: formErrorsFrom(result.error),
        status: result.error.code === 'forbidden' ? 403 : 400,
      });
    }
    return reply
      .flash(fill(words.frameworkPages.flash.updated, { name: result.value.name }))
      .redirect(paths.planType(id));
  });

  // --- Template sections ----------------------------------------------------------------------

  app.post(paths.planTypeSections(), { config: manage }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const sectionValues = (request.body ?? {}) as Values;
    const form = parseForm(templateSectionInput, sectionValues);
    if (!form.ok) return renderPlanType(reply, caller, id, { sectionValues, errors: form.errors, status: 400 });
    const result = await framework.addSection(caller, id, form.value);
    if (!result.ok) {
      if (result.error.code === 'not_found') return reply.callNotFound();
      return renderPlanType(reply, caller, id, {
        sectionValues,
        errors: formErrorsFrom(result.error),
        status: refusalStatus(result.error),
      });
    }
    return reply
      .flash(fill(words.frameworkPages.flash.sectionAdded, { title: form.value.title }))
      .redirect(`${paths.planType(id)}#templateSections`);
  });

  app.post(paths.planTypeSectionAction(), { config: manage }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const key = (request.params as { key?: string }).key ?? '';
    const action = actionParam(request);
    if (!action) return reply.callNotFound();
    const result =
      action === 'remove'
        ? await framework.removeSection(caller, id, key)
        : await framework.moveSection(caller, id, key, action);
    if (!result.ok) {
      return renderPlanType(reply, caller, id, {
        errors: formErrorsFrom({ ...result.error, field: 'templateSections' }),
        status: refusalStatus(result.error),
      });
    }
    const message = words.frameworkPages.flash.section[action];
    return reply.flash(message).redirect(`${paths.planType(id)}#templateSections`);
  });

  // --- Approval steps -------------------------------------------------------------------------

  app.post(paths.planTypeSteps(), { config: manage }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const stepValues = (request.body ?? {}) as Values;
    // An unticked checkbox sends nothing: on the form that means "anyone allowed".
    const form = parseForm(approvalStepInput, { ...stepValues, distinctPerson: stepValues.distinctPerson ?? 'no' });
    if (!form.ok) return renderPlanType(reply, caller, id, { stepValues, errors: form.errors, status: 400 });
    const result = await framework.addStep(caller, id, form.value);
    if (!result.ok) {
      if (result.error.code === 'not_found') return reply.callNotFound();
      const field = result.error.field === 'approvalSteps' ? 'name' : result.error.field;
      return renderPlanType(reply, caller, id, {
        stepValues,
        errors: formErrorsFrom(field ? { ...result.error, field } : result.error),
        status: refusalStatus(result.error),
      });
    }
    return reply
      .flash(fill(words.frameworkPages.flash.stepAdded, { name: form.value.name }))
      .redirect(`${paths.planType(id)}#approvalSteps`);
  });

  app.post(paths.planTypeStepAction(), { config: manage }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const { id: stepId } = idParam(request, 'stepId');
    const action = actionParam(request);
    if (!action) return reply.callNotFound();
    const result =
      action === 'remove'
        ? await framework.removeStep(caller, id, stepId)
        : await framework.moveStep(caller, id, stepId, action);
    if (!result.ok) {
      return renderPlanType(reply, caller, id, {
        errors: formErrorsFrom({ ...result.error, field: 'approvalSteps' }),
        status: refusalStatus(result.error),
      });
    }
    const message = words.frameworkPages.flash.step[action];
    return reply.flash(message).redirect(`${paths.planType(id)}#approvalSteps`);
  });

  app.post(paths.planTypeStepDistinctPerson(), { config: manage }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const { id: stepId } = idParam(request, 'stepId');
    const form = parseForm(distinctPersonInput, (request.body ?? {}) as Values);
    if (!form.ok) {
      return renderPlanType(reply, caller, id, {
        errors: formErrorsFrom({
          code: 'invalid',
          message: words.planApproval.distinctPersonInvalid,
          field: 'approvalSteps',
        }),
        status: 400,
      });
    }
    const result = await framework.setStepDistinctPerson(caller, id, stepId, form.value.distinctPerson);
    if (!result.ok) {
      if (result.error.code === 'not_found') return reply.callNotFound();
      return renderPlanType(reply, caller, id, {
        errors: formErrorsFrom({ ...result.error, field: 'approvalSteps' }),
        status: refusalStatus(result.error),
      });
    }
    const step = result.value.approvalSteps.find((candidate) => candidate.id === stepId);
    const message = form.value.distinctPerson ? words.planApproval.ruleChangedOn : words.planApproval.ruleChangedOff;
    return reply.flash(fill(message, { step: step?.name ?? '' })).redirect(`${paths.planType(id)}#approvalSteps`);
  });

  // --- Item types -----------------------------------------------------------------------------

  app.get(paths.newItemType(), { config: manage }, async (_request, reply) =>
    renderItemTypeForm(reply, { values: { active: true } }),
  );

  app.post(paths.newItemType(), { config: manage }, async (request, reply) => {
    const caller = request.caller();
    const values = (request.body ?? {}) as Values;
    const form = parseForm(itemTypeInput, values);
    if (!form.ok) return renderItemTypeForm(reply, { values, errors: form.errors, status: 400 });
    const result = await framework.createItemType(caller, form.value);
    if (!result.ok) {
      return renderItemTypeForm(reply, {
        values,
        errors: formErrorsFrom(result.error),
        status: result.error.code === 'forbidden' ? 403 : 400,
      });
    }
    return reply
      .flash(fill(words.frameworkPages.flash.itemTypeAdded, { name: result.value.name }))
      .redirect(`${paths.framework()}#item-types`);
  });

  app.get(paths.editItemType(), { config: manage }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const result = await framework.getItemType(caller, id);
    if (!result.ok) return reply.callNotFound();
    return renderItemTypeForm(reply, { itemTypeId: id, values: { ...result.value } });
  });

  app.post(paths.editItemType(), { config: manage }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const values = (request.body ?? {}) as Values;
    const form = parseForm(itemTypeInput, values);
    if (!form.ok) return renderItemTypeForm(reply, { itemTypeId: id, values, errors: form.errors, status: 400 });
    const result = await framework.updateItemType(caller, id, form.value);
    if (!result.ok) {
      if (result.error.code === 'not_found') return reply.callNotFound();
      return renderItemTypeForm(reply, {
        itemTypeId: id,
        values,
        errors: formErrorsFrom(result.error),
        status: result.error.code === 'forbidden' ? 403 : 400,
      });
    }
    return reply
      .flash(fill(words.frameworkPages.flash.updated, { name: result.value.name }))
      .redirect(`${paths.framework()}#item-types`);
  });
}
