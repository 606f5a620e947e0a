import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildRouteApp, type RouteApp } from '../../../../test/helpers/route-app.ts';
import type { CommitteesService } from '../committees.service.ts';
import type { TrackedEntry } from '../returns.service.ts';
import type { createReturnsService } from '../returns.service.ts';
import { timetableRoutes } from './timetable.routes.ts';

// The timetable's list over a fake service: each date with the status of the plans and reports it
// concerns (worked out in domain/timetable-status.ts; the reads are in the PGlite int test).
const PLAN = '00000000-0000-4000-8000-0000000000d1';
const REPORT = '00000000-0000-4000-8000-0000000000d2';
const MEETING = '00000000-0000-4000-8000-0000000000d3';

const entries: TrackedEntry[] = [
  {
    date: '2026-11-30',
    kind: 'plan-outline',
    subject: '2027/28',
    late: false,
    records: [
      { kind: 'plan', id: PLAN, title: 'Place directorate plan <2027>', status: 'done' },
      { kind: 'plan', id: null, title: null, status: 'late' },
    ],
  },
  {
    date: '2027-02-03',
    kind: 'report-issued',
    subject: 'Performance Panel',
    meetingId: MEETING,
    forReports: true,
    late: false,
    records: [{ kind: 'report', id: REPORT, title: 'Quarterly performance report, Q3', status: 'due-soon' }],
  },
  {
    date: '2027-02-10',
    kind: 'meeting',
    subject: 'Performance Panel',
    meetingId: MEETING,
    forReports: true,
    late: false,
    records: [{ kind: 'report', id: null, title: null, status: 'on-time' }],
  },
];
const returns = { trackedTimetable: vi.fn(async () => entries) };

let routeApp: RouteApp;
beforeAll(async () => {
  routeApp = await buildRouteApp([
    {
      views: fileURLToPath(new URL('./views', import.meta.url)),
      pages: async (app) => {
        await app.register(timetableRoutes, {
          committees: {} as CommitteesService,
          returns: returns as unknown as ReturnType<typeof createReturnsService>,
        });
      },
    },
  ]);
});
afterAll(() => routeApp.close());

describe('the planning timetable list', () => {
  it('shows each plan’s and report’s status against the date, linked to it, and what is missing', async () => {
    const page = await routeApp.as('viewer').get('/timetable');
    expect(page.statusCode, page.body.slice(0, 400)).toBe(200);
    expect(page.body).toContain('Plans and reports');
    expect(page.body).toContain(
      `<a class="govuk-link" href="/plans/${PLAN}">Place directorate plan &lt;2027&gt;</a> <strong class="govuk-tag govuk-tag--green">Done</strong>`,
    );
    expect(page.body).toContain(
      'No directorate plan for the year yet <strong class="govuk-tag govuk-tag--red">Late</strong>',
    );
    expect(page.body).toContain(
      `<a class="govuk-link" href="/issued-reports/${REPORT}">Quarterly performance report, Q3</a> <strong class="govuk-tag govuk-tag--yellow">Due soon</strong>`,
    );
    expect(page.body).toContain(
      'No performance report on the agenda yet <strong class="govuk-tag govuk-tag--blue">On time</strong>',
    );
  });
});
