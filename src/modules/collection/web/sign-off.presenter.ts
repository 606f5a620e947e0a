/**
 * Shapes sign-off for the templates: the choices of who takes each step on the settings page, and
 * the rows of the sign-off queue.
 */
import { rolePhrase } from '../../../kernel/access/index.ts';
import { formatValue } from '../../../kernel/measurement/index.ts';
import { paths } from '../../../kernel/paths.ts';
import type { FormErrors } from '../../../platform/http/form-errors.ts';
import { formatDateTime } from '../../../platform/http/filters.ts';
import { selectItems } from '../../../platform/http/options.presenter.ts';
import { fill, words, say } from '../../../platform/words/index.ts';
import { rolesFor, whoKindsFor, type SignOffStep, type WhoKind, type WhoRule } from '../domain/sign-off-who.ts';
import type { QueueItem } from '../sign-off-queue.service.ts';
import { escapeHtml } from '../../../platform/http/escape-html.ts';

const w = words.signOffQueue;

function kindWords(step: SignOffStep, kind: WhoKind): { text: string; hint?: string } {
  switch (kind) {
    case 'permission':
      return step === 'verify'
        ? { text: w.kindPermissionVerify, hint: w.kindPermissionVerifyHint }
        : { text: w.kindPermissionApprove, hint: w.kindPermissionApproveHint };
    case 'role':
      return { text: w.kindRole };
    case 'unit-head':
      return { text: w.kindUnitHead, hint: fill(w.kindUnitHeadHint, { verb: step }) };
    case 'measure-verifier':
      return { text: w.kindMeasureVerifier, hint: w.kindMeasureVerifierHint };
    case 'body':
      return { text: w.kindBody };
  }
}

/**
 * One step's radios (who takes it) with the role and body selects revealed under their choices;
 * what the person typed is kept when the form comes back with errors.
 */
export function stepChoices(
  step: SignOffStep,
  stored: WhoRule,
  bodies: readonly { id: string; name: string }[],
  form: Record<string, unknown>,
  errors: FormErrors | undefined,
) {
  const typed = (field: string) =>
    typeof form[`${step}${field}`] === 'string' ? String(form[`${step}${field}`]) : undefined;
  const who = typed('Who') ?? stored.who;
  const role = typed('Role') ?? stored.role ?? '';
  const bodyId = typed('BodyId') ?? stored.bodyId ?? '';
  const field = (suffix: string) => errors?.fields[`${step}${suffix}`];
  return {
    name: `${step}Who`,
    legend: step === 'verify' ? w.verifyLegend : w.approveLegend,
    error: field('Who'),
    kinds: whoKindsFor(step).map((kind) => {
      const said = kindWords(step, kind);
      return { value: kind, text: said.text, hint: said.hint ? { text: said.hint } : undefined, checked: kind === who };
    }),
    role: {
      id: `${step}Role`,
      label: step === 'verify' ? w.roleLabelVerify : w.roleLabelApprove,
      hint: w.roleHint,
      items: selectItems(
        rolesFor(step),
        (name) => name,
        (name) => say(rolePhrase(name)),
        role,
        w.chooseRole,
      ),
      error: field('Role'),
    },
    body: {
      id: `${step}BodyId`,
      label: step === 'verify' ? w.bodyLabelVerify : w.bodyLabelApprove,
      hint: w.bodyHint,
      items: selectItems(
        bodies,
        (body) => body.id,
        (body) => body.name,
        bodyId,
        w.chooseBody,
      ),
      error: field('BodyId'),
    },
  };
}

type Cell = { text?: string; html?: string; format?: string };

/** The queue's rows for one step, oldest first, each linking to the value's page. */
export function queueRows(items: readonly QueueItem[], step: SignOffStep): Cell[][] {
  return items
    .filter((item) => item.step === step)
    .map((item) => {
      // A breakdown category's value is signed off on its own: the row names the category.
      const href = `${paths.valueEntry(item.measureId, item.periodKey)}${item.breakdown ? `?breakdown=${item.breakdown.id}` : ''}`;
      const category = item.breakdown ? ` (${item.breakdown.dimension}: ${item.breakdown.label})` : '';
      return [
        {
          html: `<a class="govuk-link" href="${href}">${escapeHtml(`${item.code} ${item.title}${category}`)}<span class="govuk-visually-hidden">, ${escapeHtml(item.periodLabel)}</span></a>`,
        },
        { text: item.periodLabel },
        {
          text: item.value === null ? w.noValue : formatValue(item.value, item.unit, item.decimalPlaces),
          format: 'numeric',
        },
        { text: item.enteredByName ?? w.unknownPerson },
        { text: formatDateTime(item.waitingSince) },
      ];
    });
}
