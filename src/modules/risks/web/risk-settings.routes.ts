import { fill, words } from '../../../platform/words/index.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { paths } from '../../../kernel/paths.ts';
import { formErrorsFrom, parseForm, type FormErrors } from '../../../platform/http/form-errors.ts';
import { STATUS_FOR } from '../../../platform/http/http-status.ts';
import { appetiteInput, BAND_COLOURS, matrixInput } from '../domain/index.ts';
import type { RisksServices } from '../services.ts';
import { matrixFrom } from './risk-forms.ts';

const read = { access: { permission: 'view:risks' } } as const;
const manage = { access: { permission: 'manage:framework' } } as const;
type Values = Record<string, unknown>;

/** The council's risk matrix (its versions and which assessments use them) and appetite per category. */
export async function riskSettingsRoutes(app: FastifyInstance, { services }: { services: RisksServices }) {
  const settings = services.riskSettings;

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    options: { matrixValues?: Values; appetiteValues?: Values; errors?: FormErrors; status?: number } = {},
  ) {
    const caller = request.caller();
    const [result, canManage] = await Promise.all([settings.get(caller), settings.canManage(caller)]);
    if (!result.ok) return reply.render('pages/errors/forbidden.njk', {}, 403);
    const { current, versions, categories } = result.value;
    const m = current.matrix;
    const matrixValues: Values = options.matrixValues ?? {
      size: String(m.size),
      ...Object.fromEntries(
        m.likelihood.flatMap((p, i) => [
          [`likelihood${i + 1}Label`, p.label],
          [`likelihood${i + 1}Description`, p.description],
        ]),
      ),
      ...Object.fromEntries(
        m.impact.flatMap((p, i) => [
          [`impact${i + 1}Label`, p.label],
          [`impact${i + 1}Description`, p.description],
        ]),
      ),
      ...Object.fromEntries(
        m.bands.flatMap((b, i) => [
          [`band${i + 1}Label`, b.label],
          [`band${i + 1}Colour`, b.colour],
          [`band${i + 1}From`, String(b.from)],
          [`band${i + 1}To`, String(b.to)],
        ]),
      ),
    };
    const appetiteValues: Values =
      options.appetiteValues ??
      Object.fromEntries(
        categories.flatMap((c) => [
          [`name-${c.code}`, c.name],
          [`appetite-${c.code}`, c.appetite === null ? '' : String(c.appetite)],
        ]),
      );
    return reply.render(
      'pages/risks/settings.njk',
      {
        title: words.risksView.titles.settings,
        breadcrumbs: [{ text: words.risksView.titles.registers, href: paths.riskRegisters() }],
        action: paths.riskSettings(),
        canManage,
        current,
        matrixRows: [...m.likelihood.keys()].reverse().map((l) => [
          { text: `${l + 1} ${m.likelihood[l]!.label}`, header: true },
          ...m.impact.map((_, i) => {
            const score = (l + 1) * (i + 1);
            const band = m.bands.find((b) => b.from <= score && score <= b.to);
            return { text: `${score} ${band?.label ?? ''}` };
          }),
        ]),
        matrixHead: [
          { text: words.risksView.likelihood },
          ...m.impact.map((p, i) => ({ text: fill(words.risksView.impactPoint, { point: `${i + 1} ${p.label}` }) })),
        ],
        scaleRows: (scale: 'likelihood' | 'impact') =>
          m[scale].map((p, i) => ({
            key: { text: `${i + 1} ${p.label}` },
            value: { text: p.description || words.risksView.settings.noDescription },
          })),
        bandRows: m.bands.map((b) => ({
          key: { text: b.label },
          value: { text: fill(words.risksView.settings.scores, { from: b.from, to: b.to }) },
        })),
        versions: versions.map((v) => [
          {
            text: fill(
              v.version === current.version
                ? words.risksView.settings.versionCurrent
                : words.risksView.settings.version,
              { version: v.version },
            ),
          },
          { text: `${v.matrix.size} × ${v.matrix.size}` },
          {
            text: v.usedBy
              ? fill(words.risksView.settings.usedBy, { count: v.usedBy })
              : words.risksView.settings.notUsed,
          },
        ]),
        categories,
        matrixValues,
        appetiteValues,
        colours: BAND_COLOURS,
        slots: [1, 2, 3, 4, 5],
        errors: options.errors,
      },
      options.status,
    );
  }

  app.get(paths.riskSettings(), { config: read }, async (request, reply) => render(request, reply));

  app.post(paths.riskSettings(), { config: manage }, async (request, reply) => {
    const caller = request.caller();
    const values = (request.body ?? {}) as Values;
    if (values.form === 'appetite') {
      const result = await settings.get(caller);
      if (!result.ok) return reply.render('pages/errors/forbidden.njk', {}, 403);
      const codes = result.value.categories.map((c) => c.code);
      const newName = String(values.newName ?? '').trim();
      const input = {
        categories: [
          ...codes
            .filter((code) => String(values[`name-${code}`] ?? '').trim() !== '')
            .map((code) => ({
              code,
              name: values[`name-${code}`],
              appetite: String(values[`appetite-${code}`] ?? '') === '' ? null : values[`appetite-${code}`],
            })),
          ...(newName
            ? [
                {
                  code: newName.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
                  name: newName,
                  appetite: String(values.newAppetite ?? '') === '' ? null : values.newAppetite,
                },
              ]
            : []),
        ],
      };
      const form = parseForm(appetiteInput, input);
      if (!form.ok) return render(request, reply, { appetiteValues: values, errors: form.errors, status: 400 });
      const saved = await settings.saveCategories(caller, form.value.categories);
      if (!saved.ok)
        return render(request, reply, {
          appetiteValues: values,
          errors: formErrorsFrom(saved.error),
          status: STATUS_FOR[saved.error.code],
        });
      return reply.flash(words.risksView.flash.appetiteSaved).redirect(paths.riskSettings());
    }
    const form = parseForm(matrixInput, matrixFrom(values));
    if (!form.ok) return render(request, reply, { matrixValues: values, errors: form.errors, status: 400 });
    const saved = await settings.saveMatrix(caller, form.value);
    if (!saved.ok)
      return render(request, reply, {
        matrixValues: values,
        errors: formErrorsFrom(saved.error),
        status: STATUS_FOR[saved.error.code],
      });
    const message =
      saved.value.kind === 'new-version'
        ? fill(words.risksView.flash.matrixNewVersion, { version: saved.value.version })
        : saved.value.kind === 'unchanged'
          ? words.risksView.flash.matrixUnchanged
          : fill(words.risksView.flash.matrixSaved, { version: saved.value.version });
    return reply.flash(message).redirect(paths.riskSettings());
  });
}
