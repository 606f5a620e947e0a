/**
 * Papers uploaded to agenda items: the upload form, the download and the removal. The multipart
 * body arrives as key/values (src/app.ts), the file's bytes without its name; the name it was
 * uploaded under is read beside it (uploadedFileName), and a name typed on the form replaces it.
 * Its type is read from the bytes (domain/paper-file.ts).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { paths } from '../../../kernel/paths.ts';
import type { SignedIn } from '../../../kernel/access/index.ts';
import { parseForm, type FormErrors } from '../../../platform/http/form-errors.ts';
import { idParam } from '../../../platform/http/params.ts';
import { uploadedFileName } from '../../../platform/http/uploaded-file-names.ts';
import { sayStored, words } from '../../../platform/words/index.ts';
import type { CommitteePapersService } from '../papers.service.ts';
import { meetingName } from './committees.presenter.ts';
import { manageMeetings, refusalStatus, viewMeetings } from './meetings.routes.ts';

const w = words.committeePapers;

const paperForm = z.object({
  file: z.preprocess((value) => (Buffer.isBuffer(value) ? value : Buffer.alloc(0)), z.instanceof(Buffer)),
  name: z.string().trim().max(120).default(''),
});

/** Content-Disposition for a name already made safe (letters, digits, spaces, . _ -). */
const attachment = (fileName: string) => `attachment; filename="${fileName}"`;

export async function papersRoutes(app: FastifyInstance, { papers }: { papers: CommitteePapersService }) {
  async function renderForm(
    reply: FastifyReply,
    caller: SignedIn,
    itemId: string,
    errors?: FormErrors,
    status?: number,
  ) {
    const found = await papers.uploadContext(caller, itemId);
    if (!found.ok) return reply.callNotFound();
    const { item, meeting } = found.value;
    return reply.render(
      'pages/committees/paper-form.njk',
      {
        title: w.uploadTitle,
        caption: `${meetingName(meeting)}: ${item.title}`,
        backLink: `${paths.meeting(meeting.id)}#item-${item.id}`,
        action: paths.newAgendaPaper(item.id),
        errors,
      },
      status,
    );
  }

  app.get(paths.newAgendaPaper(), { config: manageMeetings }, async (request, reply) =>
    renderForm(reply, request.caller(), idParam(request).id),
  );

  app.post(paths.newAgendaPaper(), { config: manageMeetings }, async (request, reply) => {
    const caller = request.caller();
    const itemId = idParam(request).id;
    const form = parseForm(paperForm, request.body ?? {});
    const file = form.ok ? form.value : { file: Buffer.alloc(0), name: '' };
    const name = file.name || uploadedFileName(request, 'file');
    const result = await papers.upload(caller, itemId, { name, bytes: file.file });
    if (!result.ok) {
      if (result.error.code === 'not_found') return reply.callNotFound();
      if (result.error.code === 'forbidden') return reply.code(403).send();
      const text = sayStored(result.error.message);
      return renderForm(reply, caller, itemId, { summary: [{ text, href: '#file' }], fields: { file: { text } } }, 400);
    }
    return reply.flash(w.uploaded).redirect(`${paths.meeting(result.value.meetingId)}#item-${itemId}`);
  });

  app.get(paths.agendaPaper(), { config: viewMeetings }, async (request, reply) => {
    const result = await papers.download(request.caller(), idParam(request).id);
    if (!result.ok) return reply.callNotFound();
    const paper = result.value;
    return reply
      .header('content-type', paper.contentType)
      .header('content-disposition', attachment(paper.fileName))
      .header('x-content-type-options', 'nosniff')
      .send(paper.bytes);
  });

  app.post(paths.removeAgendaPaper(), { config: manageMeetings }, async (request, reply) => {
    const result = await papers.remove(request.caller(), idParam(request).id);
    if (!result.ok)
      return result.error.code === 'not_found'
        ? reply.callNotFound()
        : reply.code(refusalStatus(result.error.code)).send();
    return reply.flash(w.removed).redirect(paths.meeting(result.value.meetingId));
  });
}
