/** A cost centre's own page: rename, retire, and the plan items it funds. */
import { phraseText } from '../../../kernel/phrase.ts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { paths } from '../../../kernel/paths.ts';
import { formErrorsFrom, type FormErrors } from '../../../platform/http/form-errors.ts';
import type { Caller } from '../../../platform/services/caller.ts';
import { fill, words } from '../../../platform/words/index.ts';
import { planLinkInput, renameInput } from '../cost-centres.service.ts';
import type { MoneyServices } from '../services.ts';
import { forbiddenPage, linkCell, notFoundPage, stringValues, type Values } from './programme-helpers.ts';

const view = { access: { permission: 'view:money' } } as const;
const edit = { access: { permission: 'edit:money' } } as const;
const uuid = z.uuid();
const said = () => words.moneyProgramme;
const centrePage = words.moneyCostCentrePage;

export async function costCentreRoutes(app: FastifyInstance, { services }: { services: MoneyServices }) {
  async function renderCostCentre(
    reply: FastifyReply,
    caller: Caller,
    id: string,
    values: Values = {},
    errors?: FormErrors,
    status = 200,
  ) {
    if (!uuid.safeParse(id).success) return notFoundPage(reply);
    const result = await services.costCentres.detail(caller, id);
    if (!result.ok) return result.error.code === 'forbidden' ? forbiddenPage(reply) : notFoundPage(reply);
    const { centre, links, mayEdit } = result.value;
    const base = paths.costCentre(id);
    const linkWords = (values.linkWords ?? '').trim();
    const chosen = values.planItemId ?? '';
    const choices = mayEdit ? await services.costCentres.planItemChoices(caller, id, linkWords, chosen) : [];
    return reply.render(
      'pages/money/programme-form.njk',
      {
        title: fill(said().costCentreTitle, { code: centre.code, name: centre.name }),
        caption: centre.unitName,
        backLink: paths.costCentres(),
        summaryTitle: centrePage.costCentre,
        summaryRows: [
          {
            key: { text: centrePage.status },
            value: { text: centre.retiredAt ? centrePage.retired : centrePage.inUse },
          },
          { key: { text: centrePage.budget }, value: linkCell(paths.costCentreBudget(id), centrePage.budgetLines) },
        ],
        tables: [
          {
            caption: centrePage.planItems,
            head: [{ text: centrePage.planItem }],
            rows: links.map((link) => [linkCell(paths.item(link.planItemId), link.planItemTitle)]),
          },
        ],
        notice: links.length ? undefined : centrePage.notLinked,
        values: { name: centre.name, ...values },
        errors,
        extraForms: mayEdit
          ? [
              {
                title: centrePage.rename,
                action: `${base}/rename`,
                submit: centrePage.rename,
                fields: [{ name: 'name', label: words.moneyPage.name }],
              },
              {
                title: centrePage.linkTitle,
                action: `${base}/plan-items`,
                submit: centrePage.link,
                fields: [
                  {
                    name: 'linkWords',
                    type: 'find',
                    label: said().planItemWords,
                    hint: said().planItemWordsHint,
                    button: said().planItemFind,
                  },
                  {
                    name: 'planItemId',
                    type: 'select',
                    label: said().planItemChoice,
                    hint:
                      linkWords && choices.length === 0
                        ? fill(said().planItemNoneFound, { words: linkWords })
                        : undefined,
                    items: [
                      { value: '', text: said().planItemNone, selected: !chosen },
                      ...choices.map((choice) => ({
                        value: choice.id,
                        text: `${choice.code} ${choice.title}`,
                        selected: choice.id === chosen,
                      })),
                    ],
                  },
                ],
              },
              ...links.map((link) => ({
                title: fill(centrePage.removeLinkTitle, { title: link.planItemTitle }),
                action: `${base}/plan-items/remove`,
                submit: centrePage.removeLink,
                hidden: [{ name: 'planItemId', value: link.planItemId }],
              })),
              ...(centre.retiredAt
                ? []
                : [
                    {
                      title: centrePage.retire,
                      action: `${base}/retire`,
                      submit: centrePage.retireButton,
                      warning: true,
                    },
                  ]),
            ]
          : [],
      },
      status,
    );
  }

  app.get(paths.costCentre(), { config: view }, async (request, reply) =>
    renderCostCentre(reply, request.caller(), (request.params as { id: string }).id),
  );

  const centreChange = (
    suffix: string,
    run: (
      caller: Caller,
      id: string,
      values: Values,
    ) => Promise<
      { ok: true } | { ok: false; error: { code: string; message: string; field?: string } } | 'invalid-form'
    >,
    flash: string,
  ) =>
    app.post(`${paths.costCentre()}/${suffix}`, { config: edit }, async (request, reply) => {
      const caller = request.caller();
      const id = (request.params as { id: string }).id;
      if (!uuid.safeParse(id).success) return notFoundPage(reply);
      const values = stringValues(request.body);
      // The plan item picker's Find button narrows the choices, keeping what was typed; nothing is saved.
      if (suffix === 'plan-items' && values.find !== undefined) return renderCostCentre(reply, caller, id, values);
      const result = await run(caller, id, values);
      if (result === 'invalid-form' || !result.ok) {
        const error =
          result === 'invalid-form'
            ? { code: 'invalid', message: phraseText('moneyPage.checkForm'), field: 'name' }
            : result.error;
        if (error.code === 'forbidden') return forbiddenPage(reply);
        if (error.code === 'not_found' && !error.field) return notFoundPage(reply);
        const errors = formErrorsFrom({ code: 'invalid', message: error.message, field: error.field ?? 'name' });
        return renderCostCentre(reply, caller, id, values, errors, 400);
      }
      return reply.flash(flash).redirect(paths.costCentre(id));
    });

  centreChange(
    'rename',
    async (caller, id, values) => {
      const form = renameInput.safeParse(values);
      if (!form.success)
        return { ok: false, error: { code: 'invalid', message: form.error.issues[0]!.message, field: 'name' } };
      return services.costCentres.rename(caller, id, form.data.name);
    },
    said().costCentreRenamed,
  );
  centreChange('retire', (caller, id) => services.costCentres.retire(caller, id), said().costCentreRetired);
  centreChange(
    'plan-items',
    async (caller, id, values) => {
      const form = planLinkInput.safeParse(values);
      if (!form.success)
        return { ok: false, error: { code: 'invalid', message: form.error.issues[0]!.message, field: 'planItemId' } };
      return services.costCentres.linkPlanItem(caller, id, form.data.planItemId);
    },
    said().planLinked,
  );
  centreChange(
    'plan-items/remove',
    async (caller, id, values) => {
      const form = planLinkInput.safeParse(values);
      if (!form.success)
        return { ok: false, error: { code: 'not_found', message: phraseText('notFound.costCentreLink') } };
      return services.costCentres.unlinkPlanItem(caller, id, form.data.planItemId);
    },
    said().planUnlinked,
  );
}
