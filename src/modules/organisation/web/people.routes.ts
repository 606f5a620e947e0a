import type { FastifyInstance, FastifyReply } from 'fastify';
import type { SignedIn } from '../../../kernel/access/index.ts';
import { leaveInput, personInput, roleAssignmentInput } from '../domain/index.ts';
import type { OrganisationServices } from '../services.ts';
import type { PasswordLink } from '../password-links.service.ts';
import type { Clock } from '../../../platform/clock.ts';
import { formErrorsFrom, parseForm, type FormErrors } from '../../../platform/http/form-errors.ts';
import { paths } from '../../../kernel/paths.ts';
import { selectItems } from '../../../platform/http/options.presenter.ts';
import { assignmentViews, isoFromDateParts, personStatus, roleItems } from './people.presenter.ts';
import { idParam } from '../../../platform/http/params.ts';
import { fill, words } from '../../../platform/words/index.ts';

const view = { access: { permission: 'view:organisation' } } as const;
const manage = { access: { permission: 'manage:people' } } as const;
const manageRoles = { access: { permission: 'manage:roles' } } as const;

type Values = Record<string, unknown>;

const w = words.organisationPages.peopleRoutes;

export async function peopleRoutes(
  app: FastifyInstance,
  { services, clock }: { services: OrganisationServices; clock: Clock },
) {
  async function renderForm(
    reply: FastifyReply,
    caller: SignedIn,
    options: { personId?: string; values: Values; errors?: FormErrors; status?: number },
  ) {
    const [units, managers] = await Promise.all([
      services.structure.list(caller),
      services.people.possibleManagers(caller, options.personId),
    ]);
    return reply.render(
      'pages/people/form.njk',
      {
        title: options.personId ? w.editPerson : w.addPerson,
        action: options.personId ? paths.editPerson(options.personId) : paths.newPerson(),
        backLink: options.personId ? paths.person(options.personId) : paths.people(),
        editing: Boolean(options.personId),
        values: options.values,
        errors: options.errors,
        unitItems: selectItems(
          units,
          (unit) => unit.id,
          (unit) => `${unit.name} (${unit.code})`,
          options.values.unitId as string | undefined,
          w.notSet,
        ),
        managerItems: selectItems(
          managers,
          (person) => person.id,
          (person) => (person.jobTitle ? `${person.name}, ${person.jobTitle}` : person.name),
          options.values.lineManagerId as string | undefined,
          w.notSet,
        ),
      },
      options.status,
    );
  }

  async function renderPerson(
    reply: FastifyReply,
    caller: SignedIn,
    id: string,
    roleForm: { values: Values; errors?: FormErrors; status?: number } = { values: {} },
  ) {
    const detail = await services.people.detail(caller, id);
    if (!detail.ok) return reply.callNotFound();
    const [units, partners] = await Promise.all([services.structure.list(caller), services.partners.list(caller)]);
    const { person } = detail.value;
    return reply.render(
      'pages/people/show.njk',
      {
        title: person.name,
        backLink: paths.people(),
        ...detail.value,
        status: personStatus(person.status, person.leftOn),
        active: person.status === 'active',
        assignments: assignmentViews(detail.value.assignments),
        values: roleForm.values,
        errors: roleForm.errors,
        roleItems: roleItems(roleForm.values.role),
        scopeItems: selectItems(
          units,
          (unit) => unit.id,
          (unit) => fill(w.unitAndBelow, { name: unit.name, code: unit.code }),
          roleForm.values.unitId as string | undefined,
          w.wholeOrganisation,
        ),
        partnerItems: selectItems(
          partners,
          (partner) => partner.id,
          (partner) => partner.name,
          roleForm.values.partnerId as string | undefined,
          w.notAPartner,
        ),
      },
      roleForm.status,
    );
  }

  app.get(paths.people(), { config: view }, async (request, reply) => {
    const caller = request.caller();
    const showAll = (request.query as { show?: string }).show === 'all';
    const [people, units] = await Promise.all([
      services.people.list(caller, { includeLeft: showAll }),
      services.structure.list(caller),
    ]);
    const unitNames = new Map(units.map((unit) => [unit.id, unit.name]));
    return reply.render('pages/people/index.njk', {
      title: w.people,
      showAll,
      rows: people.map((person) => ({
        id: person.id,
        name: person.name,
        jobTitle: person.jobTitle,
        unitName: person.unitId ? (unitNames.get(person.unitId) ?? '') : '',
        status: personStatus(person.status, person.leftOn),
      })),
    });
  });

  app.get(paths.newPerson(), { config: manage }, async (request, reply) =>
    renderForm(reply, request.caller(), { values: {} }),
  );

  app.post(paths.newPerson(), { config: manage }, async (request, reply) => {
    const caller = request.caller();
    const values = request.body as Values;
    const form = parseForm(personInput, values);
    if (!form.ok) return renderForm(reply, caller, { values, errors: form.errors, status: 400 });
    const result = await services.people.create(caller, form.value);
    if (!result.ok) {
      const status = result.error.code === 'forbidden' ? 403 : 400;
      return renderForm(reply, caller, { values, errors: formErrorsFrom(result.error), status });
    }
    // Shown once, here: the new person sets their own password from this link.
    const link = await services.passwordLinks.create(caller, result.value.id);
    const added = fill(w.personAdded, { name: result.value.name });
    if (!link.ok) return reply.flash(added).redirect(paths.person(result.value.id));
    return renderLink(reply, added, link.value);
  });

  /** The link is shown once, here: never cached, never put in a flash cookie or a redirect. */
  function renderLink(reply: FastifyReply, heading: string, link: PasswordLink) {
    return reply.header('cache-control', 'no-store').render('pages/people/password-link.njk', {
      title: fill(words.organisationPages.peoplePasswordLink.linkSetPassword, { personName: link.personName }),
      heading,
      link,
    });
  }

  app.post(paths.personPasswordLink(), { config: manage }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const result = await services.passwordLinks.create(caller, id);
    if (!result.ok) {
      if (result.error.code === 'not_found') return reply.callNotFound();
      const status = result.error.code === 'forbidden' ? 403 : 400;
      return renderPerson(reply, caller, id, { values: {}, errors: formErrorsFrom(result.error), status });
    }
    return renderLink(reply, w.linkMade, result.value);
  });

  app.get(paths.person(), { config: view }, async (request, reply) =>
    renderPerson(reply, request.caller(), idParam(request).id),
  );

  app.get(paths.editPerson(), { config: manage }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const person = await services.people.get(caller, id);
    if (!person.ok) return reply.callNotFound();
    return renderForm(reply, caller, { personId: id, values: person.value });
  });

  app.post(paths.editPerson(), { config: manage }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const values = request.body as Values;
    const form = parseForm(personInput, values);
    if (!form.ok) return renderForm(reply, caller, { personId: id, values, errors: form.errors, status: 400 });
    const result = await services.people.update(caller, id, form.value);
    if (!result.ok) {
      if (result.error.code === 'not_found') return reply.callNotFound();
      const status = result.error.code === 'forbidden' ? 403 : 400;
      return renderForm(reply, caller, { personId: id, values, errors: formErrorsFrom(result.error), status });
    }
    return reply.flash(w.detailsUpdated).redirect(paths.person(id));
  });

  async function renderLeave(
    reply: FastifyReply,
    caller: SignedIn,
    id: string,
    options: { values: Values; errors?: FormErrors; status?: number },
  ) {
    const person = await services.people.get(caller, id);
    if (!person.ok) return reply.callNotFound();
    // The date input's first box is the one an error links to.
    const errors = options.errors && {
      ...options.errors,
      summary: options.errors.summary.map((entry) =>
        entry.href === '#leftOn' ? { ...entry, href: '#leftOn-day' } : entry,
      ),
    };
    return reply.render(
      'pages/people/leave.njk',
      {
        title: fill(w.recordLeft, { name: person.value.name }),
        person: person.value,
        backLink: paths.person(id),
        values: options.values,
        errors,
      },
      options.status,
    );
  }

  app.get(paths.leavePerson(), { config: manage }, async (request, reply) => {
    const [year, month, day] = clock.today().split('-');
    return renderLeave(reply, request.caller(), idParam(request).id, {
      values: { 'leftOn-day': Number(day), 'leftOn-month': Number(month), 'leftOn-year': year },
    });
  });

  app.post(paths.leavePerson(), { config: manage }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const values = request.body as Values;
    const form = parseForm(leaveInput, { leftOn: isoFromDateParts(values, 'leftOn') });
    if (!form.ok) return renderLeave(reply, caller, id, { values, errors: form.errors, status: 400 });
    const result = await services.people.leave(caller, id, form.value);
    if (!result.ok) {
      if (result.error.code === 'not_found') return reply.callNotFound();
      const status = result.error.code === 'forbidden' ? 403 : 400;
      return renderLeave(reply, caller, id, { values, errors: formErrorsFrom(result.error), status });
    }
    return reply.flash(fill(w.recordedLeft, { name: result.value.name })).redirect(paths.person(id));
  });

  app.post(paths.personRoles(), { config: manageRoles }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const values = request.body as Values;
    const form = parseForm(roleAssignmentInput, values);
    if (!form.ok) return renderPerson(reply, caller, id, { values, errors: form.errors, status: 400 });
    const result = await services.roles.grant(caller, id, form.value);
    if (!result.ok) {
      if (result.error.code === 'not_found') return reply.callNotFound();
      const status = result.error.code === 'forbidden' ? 403 : 400;
      return renderPerson(reply, caller, id, { values, errors: formErrorsFrom(result.error), status });
    }
    return reply.flash(w.roleGranted).redirect(`${paths.person(id)}#roles`);
  });

  app.post(paths.endRole(), { config: manageRoles }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const { id: assignmentId } = idParam(request, 'assignmentId');
    const result = await services.roles.end(caller, id, assignmentId);
    if (!result.ok) {
      if (result.error.code === 'not_found') return reply.callNotFound();
      const status = result.error.code === 'forbidden' ? 403 : 400;
      return renderPerson(reply, caller, id, { values: {}, errors: formErrorsFrom(result.error), status });
    }
    return reply.flash(w.roleEnded).redirect(`${paths.person(id)}#roles`);
  });
}
