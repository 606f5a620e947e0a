import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildRouteApp, type RouteApp } from '../../../../test/helpers/route-app.ts';
import { phraseText } from '../../../kernel/phrase.ts';
import { fail, ok } from '../../../kernel/result.ts';
import type { CommitteePapersService } from '../papers.service.ts';
import { papersRoutes } from './papers.routes.ts';

const ITEM = '00000000-0000-4000-8000-0000000000a1';
const PAPER = '00000000-0000-4000-8000-0000000000b1';
const MEETING = '00000000-0000-4000-8000-0000000000c1';
const pdf = Buffer.from('%PDF-1.7 test');

const papers = {
  upload: vi.fn(),
  download: vi.fn(),
  remove: vi.fn(),
  forMeeting: vi.fn(),
  mayManage: vi.fn(),
  uploadContext: vi.fn(async () =>
    ok({
      item: { id: ITEM, title: 'Q3 report', meetingId: MEETING },
      meeting: { id: MEETING, bodyName: 'Panel', heldOn: '2026-12-01', title: '' },
    }),
  ),
};

let t: RouteApp;
beforeAll(async () => {
  t = await buildRouteApp([
    {
      views: fileURLToPath(new URL('./views', import.meta.url)),
      pages: async (app) =>
        void (await app.register(papersRoutes, { papers: papers as unknown as CommitteePapersService })),
    },
  ]);
});
afterAll(() => t.close());

function upload(role: 'administrator' | 'viewer', bytes: Buffer, name = 'Q3 report') {
  const agent = t.as(role);
  const csrf = `csrf-${agent.cookie.replace('gt_session=', '')}`;
  const boundary = 'x-boundary';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\n${name}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="Q3 performance.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url: `/agenda-items/${ITEM}/papers/new`,
    headers: {
      cookie: agent.cookie,
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'x-csrf-token': csrf,
    },
    payload: body,
  });
}

describe('agenda papers pages', () => {
  it('passes the uploaded bytes and name to the service and goes back to the meeting', async () => {
    papers.upload.mockResolvedValueOnce(ok({ id: PAPER, meetingId: MEETING }));
    const page = await upload('administrator', pdf);
    expect(page.statusCode).toBe(302);
    expect(page.headers.location).toBe(`/meetings/${MEETING}#item-${ITEM}`);
    const [, itemId, file] = papers.upload.mock.calls[0]!;
    expect(itemId).toBe(ITEM);
    expect(file.name).toBe('Q3 report');
    expect(Buffer.compare(file.bytes, pdf)).toBe(0);
  });

  it('keeps the name the file was uploaded under when no name is typed', async () => {
    papers.upload.mockResolvedValueOnce(ok({ id: PAPER, meetingId: MEETING }));
    const page = await upload('administrator', pdf, '');
    expect(page.statusCode).toBe(302);
    const [, , file] = papers.upload.mock.calls.at(-1)!;
    expect(file.name).toBe('Q3 performance.pdf');
  });

  it('names the refusal on the form', async () => {
    papers.upload.mockResolvedValueOnce(
      fail({ code: 'invalid', message: phraseText('committeePapers.problem.paperFileType'), field: 'file' }),
    );
    const page = await upload('administrator', Buffer.from('not a paper'));
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('The file must be a PDF or a Word (.docx) document');
  });

  it('refuses a viewer the upload before the service is asked', async () => {
    papers.upload.mockClear();
    const page = await upload('viewer', pdf);
    expect(page.statusCode).toBe(403);
    expect(papers.upload).not.toHaveBeenCalled();
  });

  it('serves a paper as an attachment with its type, and another council’s as not found', async () => {
    papers.download.mockResolvedValueOnce(
      ok({ fileName: 'Q3 report.pdf', contentType: 'application/pdf', bytes: pdf }),
    );
    const file = await t.as('viewer').get(`/agenda-papers/${PAPER}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toBe('attachment; filename="Q3 report.pdf"');
    expect(Buffer.compare(file.rawPayload, pdf)).toBe(0);
    papers.download.mockResolvedValueOnce(fail({ code: 'not_found', message: 'x' }));
    expect((await t.as('viewer').get(`/agenda-papers/${PAPER}`)).statusCode).toBe(404);
  });

  it('removes a paper and goes back to the meeting', async () => {
    papers.remove.mockResolvedValueOnce(ok({ meetingId: MEETING }));
    const page = await t.as('administrator').post(`/agenda-papers/${PAPER}/remove`);
    expect(page.statusCode).toBe(302);
    expect(page.headers.location).toBe(`/meetings/${MEETING}`);
    expect(papers.remove).toHaveBeenCalledWith(expect.anything(), PAPER);
  });
});
