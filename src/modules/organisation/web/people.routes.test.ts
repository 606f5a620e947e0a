import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildRouteApp, type RouteApp } from '../../../../test/helpers/route-app.ts';
import { asClock } from '../../../platform/clock.ts';
import { peopleApi } from '../api/people.api.ts';
import type { OrganisationServices } from '../services.ts';
import { peopleRoutes } from './people.routes.ts';

// The people pages and API, roles included, over fake services (see test/helpers/route-app.ts):
// who reaches a change, what a bad form or body is told, how a refusal reads, where a good change
// goes. What the services do with the database — who may change whom, the last administrator —
// is in ../test/people.int.test.ts, ../test/roles.int.test.ts and ../test/account-rights.int.test.ts.
const PERSON_ID = '00000000-0000-4000-8000-0000000000e1';
const ASSIGNMENT_ID = '00000000-0000-4000-8000-0000000000e2';

const person = {
  id: PERSON_ID,
  name: 'Ada Lovelace',
  email: 'ada@example.gov.uk',
  jobTitle: 'Analyst',
  unitId: null,
  lineManagerId: null,
  partnerId: null,
  status: 'active',
  leftOn: null,
  hasPassword: true,
};
const detail = { person, unitName: null, lineManager: null, reports: [], assignments: [], bodies: [] };

const people = {
  list: vi.fn(),
  get: vi.fn(),
  detail: vi.fn(),
  possibleManagers: vi.fn(),
  create: vi.fn(),
  update: vi.fn(),
  leave: vi.fn(),
};
const roles = { grant: vi.fn(), end: vi.fn() };
const passwordLinks = { create: vi.fn() };
const services = {
  people,
  roles,
  passwordLinks,
  structure: { list: async () => [] },
  partners: { list: async () => [] },
} as unknown as OrganisationServices;

const personForm = (overrides: Record<string, string> = {}) => ({
  name: 'Ada Lovelace',
  email: 'ada@example.gov.uk',
  jobTitle: 'Analyst',
  unitId: '',
  lineManagerId: '',
  ...overrides,
});

const refused = (code: string, message: string, field?: string) => ({ ok: false, error: { code, message, field } });

describe('people pages and API over fake services', () => {
  let t: RouteApp;
  beforeAll(async () => {
    const clock = asClock(() => new Date('2026-01-15T12:00:00Z'));
    t = await buildRouteApp([
      {
        views: fileURLToPath(new URL('./views', import.meta.url)),
        pages: async (app) => {
          await app.register(peopleRoutes, { services, clock });
        },
        api: async (api) => {
          await api.register(peopleApi, { services });
        },
      },
    ]);
  });
  afterAll(async () => t?.close());
  beforeEach(() => {
    for (const fake of [...Object.values(people), ...Object.values(roles), passwordLinks.create]) fake.mockReset();
    people.get.mockResolvedValue({ ok: true, value: person });
    people.detail.mockResolvedValue({ ok: true, value: detail });
    people.possibleManagers.mockResolvedValue([]);
  });

  describe('access, before any service is asked', () => {
    it('sends someone not signed in to sign in, and gives the API 401', async () => {
      const page = await t.public.get('/people/new');
      expect(page.statusCode).toBe(302);
      expect(page.headers.location).toMatch(/^\/sign-in/);
      expect((await t.public.api('POST', '/api/v1/people', personForm())).statusCode).toBe(401);
      expect(people.create).not.toHaveBeenCalled();
    });

    it('refuses a viewer every change to people with 403', async () => {
      const viewer = t.as('viewer');
      expect((await viewer.get('/people/new')).statusCode).toBe(403);
      expect((await viewer.post(`/people/${PERSON_ID}/edit`, personForm())).statusCode).toBe(403);
      expect((await viewer.api('POST', '/api/v1/people', personForm())).statusCode).toBe(403);
      expect(people.create).not.toHaveBeenCalled();
      expect(people.update).not.toHaveBeenCalled();
    });

    it('lets HR change people but not grant or end roles', async () => {
      const hr = t.as('hr');
      expect((await hr.get('/people/new')).statusCode).toBe(200);
      expect((await hr.post(`/people/${PERSON_ID}/roles`, { role: 'viewer' })).statusCode).toBe(403);
      expect((await hr.post(`/people/${PERSON_ID}/roles/${ASSIGNMENT_ID}/end`)).statusCode).toBe(403);
      const api = await hr.api('POST', `/api/v1/people/${PERSON_ID}/role-assignments`, { role: 'viewer' });
      expect(api.statusCode).toBe(403);
      expect(api.headers['content-type']).toContain('application/problem+json');
      expect(roles.grant).not.toHaveBeenCalled();
      expect(roles.end).not.toHaveBeenCalled();
    });
  });

  describe('person pages', () => {
    it('re-shows the form with each missing or wrong answer in the error summary', async () => {
      const page = await t.as('hr').post('/people/new', personForm({ name: '', email: 'not an email' }));
      expect(page.statusCode).toBe(400);
      expect(page.body).toContain('govuk-error-summary');
      expect(page.body).toContain('href="#name"');
      expect(page.body).toContain('href="#email"');
      expect(page.body).toContain('value="not an email"');
      expect(people.create).not.toHaveBeenCalled();
    });

    it('refuses a password set for someone else, before the service', async () => {
      const page = await t.as('hr').post('/people/new', personForm({ password: 'hunter2hunter2' }));
      expect(page.statusCode).toBe(400);
      expect(page.body).toContain('href="#password"');
      const api = await t.as('administrator').api('POST', '/api/v1/people', { ...personForm(), password: 'secret' });
      expect(api.statusCode).toBe(400);
      expect(api.json().errors.map((error: { field: string }) => error.field)).toContain('password');
      expect(people.create).not.toHaveBeenCalled();
    });

    it('shows the service’s refusal of a change with 403 on the form', async () => {
      people.update.mockResolvedValue(
        refused(
          'forbidden',
          'Ada Lovelace holds rights that you do not (Administrator), so you cannot change their record',
        ),
      );
      const page = await t.as('hr').post(`/people/${PERSON_ID}/edit`, personForm({ jobTitle: 'Chief analyst' }));
      expect(page.statusCode).toBe(403);
      expect(page.body).toContain('govuk-error-summary');
      expect(page.body).toContain('holds rights that you do not (Administrator)');
      expect(page.body).toContain('value="Chief analyst"');
    });

    it('goes back to the person with a flash message when the change is saved', async () => {
      people.update.mockResolvedValue({ ok: true, value: person });
      const page = await t.as('hr').post(`/people/${PERSON_ID}/edit`, personForm());
      expect(page.statusCode).toBe(302);
      expect(page.headers.location).toBe(`/people/${PERSON_ID}`);
      expect(t.flashOf(page)).toBe('Details updated');
    });

    it('shows a new person’s password link once, never cached and never in a flash', async () => {
      people.create.mockResolvedValue({ ok: true, value: person });
      passwordLinks.create.mockResolvedValue({
        ok: true,
        value: { personName: 'Ada Lovelace', url: 'http://localhost/set-password/abc', expiresAt: new Date() },
      });
      const page = await t.as('hr').post('/people/new', personForm());
      expect(page.statusCode).toBe(200);
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.body).toContain('Ada Lovelace added');
      expect(t.flashOf(page)).toBeNull();
    });

    it('asks for the leaving date again when it is not a date', async () => {
      const page = await t.as('hr').post(`/people/${PERSON_ID}/leave`, {
        'leftOn-day': '31',
        'leftOn-month': '2',
        'leftOn-year': '2026',
      });
      expect(page.statusCode).toBe(400);
      expect(page.body).toContain('href="#leftOn-day"');
      expect(people.leave).not.toHaveBeenCalled();
    });
  });

  describe('the pages’ words', () => {
    it('titles the people list, the add and edit forms and the leaving page', async () => {
      people.list.mockResolvedValue([]);
      const hr = t.as('hr');
      expect((await hr.get('/people')).body).toContain('<title>People');
      const add = await hr.get('/people/new');
      expect(add.body).toContain('<title>Add a person');
      expect(add.body).toMatch(/<option value="" selected>Not set<\/option>/);
      expect((await hr.get(`/people/${PERSON_ID}/edit`)).body).toContain('<title>Edit person');
      expect((await hr.get(`/people/${PERSON_ID}/leave`)).body).toContain('<title>Record that Ada Lovelace has left');
    });

    it('offers the whole organisation, no partner and a blank role on the person page', async () => {
      const page = await t.as('administrator').get(`/people/${PERSON_ID}`);
      expect(page.body).toMatch(/<option value="" selected>Whole organisation<\/option>/);
      expect(page.body).toMatch(/<option value="" selected>Not a partner<\/option>/);
      expect(page.body).toMatch(/<option value="" selected>Select a role<\/option>/);
    });

    it('says a leaving, an ended role and a new link', async () => {
      const hr = t.as('hr');
      people.leave.mockResolvedValue({ ok: true, value: person });
      const left = await hr.post(`/people/${PERSON_ID}/leave`, {
        'leftOn-day': '1',
        'leftOn-month': '1',
        'leftOn-year': '2026',
      });
      expect(t.flashOf(left)).toBe('Ada Lovelace recorded as having left; their roles have ended');
      roles.end.mockResolvedValue({ ok: true, value: {} });
      const ended = await t.as('administrator').post(`/people/${PERSON_ID}/roles/${ASSIGNMENT_ID}/end`);
      expect(t.flashOf(ended)).toBe('Role ended');
      passwordLinks.create.mockResolvedValue({
        ok: true,
        value: { personName: 'Ada Lovelace', url: 'http://localhost/set-password/abc', expiresAt: new Date() },
      });
      const link = await hr.post(`/people/${PERSON_ID}/password-link`);
      expect(link.body).toContain('<title>Link to set a password for Ada Lovelace');
      expect(link.body).toContain('Link made');
    });
  });

  describe('roles', () => {
    it('re-shows the person page when no role is chosen', async () => {
      const page = await t.as('administrator').post(`/people/${PERSON_ID}/roles`, { role: '' });
      expect(page.statusCode).toBe(400);
      expect(page.body).toContain('href="#role"');
      expect(roles.grant).not.toHaveBeenCalled();
    });

    it('grants a role and goes to the person’s roles with a flash message', async () => {
      roles.grant.mockResolvedValue({ ok: true, value: {} });
      const page = await t.as('administrator').post(`/people/${PERSON_ID}/roles`, { role: 'viewer', unitId: '' });
      expect(page.statusCode).toBe(302);
      expect(page.headers.location).toBe(`/people/${PERSON_ID}#roles`);
      expect(t.flashOf(page)).toBe('Role granted');
      expect(roles.grant).toHaveBeenCalledWith(expect.anything(), PERSON_ID, {
        role: 'viewer',
        unitId: null,
        partnerId: null,
      });
    });

    it('shows the refusal to end the last administrator’s role on the person page', async () => {
      roles.end.mockResolvedValue(
        refused('conflict', 'The council must keep an active administrator for the whole organisation'),
      );
      const page = await t.as('administrator').post(`/people/${PERSON_ID}/roles/${ASSIGNMENT_ID}/end`);
      expect(page.statusCode).toBe(400);
      expect(page.body).toContain('govuk-error-summary');
      expect(page.body).toContain('The council must keep an active administrator');
    });

    it('answers the API’s refused grant with its status and a problem', async () => {
      roles.grant.mockResolvedValue(
        refused('forbidden', 'You cannot grant a role allowing more than you may do there'),
      );
      const response = await t
        .as('administrator')
        .api('POST', `/api/v1/people/${PERSON_ID}/role-assignments`, { role: 'administrator' });
      expect(response.statusCode).toBe(403);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({
        code: 'forbidden',
        detail: 'You cannot grant a role allowing more than you may do there',
      });
    });
  });
});
