import type { FastifyInstance, FastifyReply } from 'fastify';
import type { SignedIn } from '../../../kernel/access/index.ts';
import { bodyInput, bodyMemberInput, formBodyKind } from '../domain/index.ts';
import type { OrganisationServices } from '../services.ts';
import { formErrorsFrom, parseForm, type FormErrors } from '../../../platform/http/form-errors.ts';
import { paths } from '../../../kernel/paths.ts';
import { fill, words } from '../../../platform/words/index.ts';
import {
  bodyKindItems,
  bodyKindName,
  frameworkRoleItems,
  frameworkRoleNames,
  memberRoleItems,
  memberRoleName,
} from './governance.presenter.ts';
import { selectItems } from '../../../platform/http/options.presenter.ts';
import { idParam } from '../../../platform/http/params.ts';

const view = { access: { permission: 'view:organisation' } } as const;
const manage = { access: { permission: 'manage:governance' } } as const;

type Values = Record<string, unknown>;

export async function governanceRoutes(app: FastifyInstance, { services }: { services: OrganisationServices }) {
  function renderForm(
    reply: FastifyReply,
    options: { bodyId?: string; values: Values; errors?: FormErrors; status?: number },
  ) {
    return reply.render(
      'pages/governance/form.njk',
      {
        title: options.bodyId
          ? words.organisationPages.structureRoutes.editBody
          : words.organisationPages.structureRoutes.addBody,
        action: options.bodyId ? paths.editBody(options.bodyId) : paths.newBody(),
        backLink: options.bodyId ? paths.body(options.bodyId) : paths.bodies(),
        values: options.values,
        errors: options.errors,
        kindItems: bodyKindItems(options.values.kind),
        frameworkRoleItems: frameworkRoleItems(options.values.frameworkRoles),
      },
      options.status,
    );
  }

  async function renderBody(
    reply: FastifyReply,
    caller: SignedIn,
    id: string,
    memberForm: { values: Values; errors?: FormErrors; status?: number } = { values: {} },
  ) {
    const detail = await services.governance.detail(caller, id);
    if (!detail.ok) return reply.callNotFound();
    const { body, members } = detail.value;
    const memberIds = new Set(members.map((member) => member.personId));
    const candidates = (await services.people.list(caller)).filter((person) => !memberIds.has(person.id));
    return reply.render(
      'pages/governance/show.njk',
      {
        title: body.name,
        backLink: paths.bodies(),
        body,
        kindName: bodyKindName(body.kind),
        frameworkRoles: frameworkRoleNames(body.frameworkRoles),
        members: members.map((member) => ({ ...member, roleName: memberRoleName(member.role) })),
        values: memberForm.values,
        errors: memberForm.errors,
        personItems: selectItems(
          candidates,
          (person) => person.id,
          (person) => (person.jobTitle ? `${person.name}, ${person.jobTitle}` : person.name),
          memberForm.values.personId as string | undefined,
          words.organisationPages.structureRoutes.selectPerson,
        ),
        memberRoleItems: memberRoleItems(memberForm.values.role),
      },
      memberForm.status,
    );
  }

  app.get(paths.bodies(), { config: view }, async (request, reply) => {
    const bodies = await services.governance.list(request.caller());
    return reply.render('pages/governance/index.njk', {
      title: words.organisationPages.structureRoutes.bodies,
      bodies: bodies.map((body) => ({
        ...body,
        kindName: bodyKindName(body.kind),
        roles: frameworkRoleNames(body.frameworkRoles).join(', '),
      })),
    });
  });

  app.get(paths.newBody(), { config: manage }, async (_request, reply) => renderForm(reply, { values: {} }));

  app.post(paths.newBody(), { config: manage }, async (request, reply) => {
    const values = request.body as Values;
    const form = parseForm(bodyInput, values);
    if (!form.ok) return renderForm(reply, { values, errors: form.errors, status: 400 });
    const result = await services.governance.create(request.caller(), form.value);
    if (!result.ok) {
      const status = result.error.code === 'forbidden' ? 403 : 400;
      return renderForm(reply, { values, errors: formErrorsFrom(result.error), status });
    }
    return reply
      .flash(fill(words.organisationPages.structureRoutes.bodyAdded, { name: result.value.name }))
      .redirect(paths.body(result.value.id));
  });

  app.get(paths.body(), { config: view }, async (request, reply) =>
    renderBody(reply, request.caller(), idParam(request).id),
  );

  app.get(paths.editBody(), { config: manage }, async (request, reply) => {
    const { id } = idParam(request);
    const body = await services.governance.get(request.caller(), id);
    if (!body.ok) return reply.callNotFound();
    return renderForm(reply, { bodyId: id, values: { ...body.value, kind: formBodyKind(body.value.kind) } });
  });

  app.post(paths.editBody(), { config: manage }, async (request, reply) => {
    const { id } = idParam(request);
    const values = request.body as Values;
    const form = parseForm(bodyInput, values);
    if (!form.ok) return renderForm(reply, { bodyId: id, values, errors: form.errors, status: 400 });
    const result = await services.governance.update(request.caller(), id, form.value);
    if (!result.ok) {
      if (result.error.code === 'not_found') return reply.callNotFound();
      const status = result.error.code === 'forbidden' ? 403 : 400;
      return renderForm(reply, { bodyId: id, values, errors: formErrorsFrom(result.error), status });
    }
    return reply.flash(words.organisationPages.structureRoutes.bodyUpdated).redirect(paths.body(id));
  });

  app.post(paths.bodyMembers(), { config: manage }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const values = request.body as Values;
    const form = parseForm(bodyMemberInput, values);
    if (!form.ok) return renderBody(reply, caller, id, { values, errors: form.errors, status: 400 });
    const result = await services.governance.addMember(caller, id, form.value);
    if (!result.ok) {
      if (result.error.code === 'not_found') return reply.callNotFound();
      const status = result.error.code === 'forbidden' ? 403 : 400;
      return renderBody(reply, caller, id, { values, errors: formErrorsFrom(result.error), status });
    }
    return reply
      .flash(
        fill(words.organisationPages.structureRoutes.memberAdded, {
          name: result.value.name,
          role: memberRoleName(result.value.role).toLowerCase(),
        }),
      )
      .redirect(paths.body(id));
  });

  app.post(paths.removeBodyMember(), { config: manage }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const { id: personId } = idParam(request, 'personId');
    const result = await services.governance.removeMember(caller, id, personId);
    if (!result.ok) {
      if (result.error.code === 'not_found') return reply.callNotFound();
      return renderBody(reply, caller, id, { values: {}, errors: formErrorsFrom(result.error), status: 403 });
    }
    return reply
      .flash(fill(words.organisationPages.structureRoutes.memberRemoved, { name: result.value.name }))
      .redirect(paths.body(id));
  });
}
