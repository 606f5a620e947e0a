/**
 * Papers uploaded to agenda items (PDF or DOCX, checked by content), kept in the database beside
 * the item's link. Seen by whoever may see the meeting; uploaded and removed by a committee
 * officer, one transaction each with its audit row (the audit keeps the file's name, type and
 * size, never its bytes). Another council's item or paper is not found.
 */
import { holdsPermission } from '../../kernel/access/index.ts';
import { phraseText } from '../../kernel/phrase.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { findAgendaItem, findMeeting } from './data/committees.repository.ts';
import * as repo from './data/papers.repository.ts';
import { checkPaper, PAPER_MAX_BYTES } from './domain/paper-file.ts';

export type PaperEntry = repo.PaperEntry;
export interface PaperFile {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

const problem = (key: string, params?: Record<string, string>) =>
  refuse('invalid', phraseText(`committeePapers.problem.${key}`, params), 'file');
const notFound = (what: 'agendaItem' | 'paper') =>
  refuse('not_found', phraseText(`committeePapers.problem.notFound.${what}`));
const forbidden = () => refuse('forbidden', phraseText('committeePapers.problem.forbidden'));

export function createCommitteePapersService({ db }: ServiceDeps) {
  const mayManage = (caller: Caller) => holdsPermission(caller, 'manage:meetings');

  return {
    mayManage,

    /** The agenda item a paper is being uploaded to, with its meeting (another council's: not found). */
    async uploadContext(caller: Caller, agendaItemId: string) {
      const item = await findAgendaItem(db, caller.organisationId, agendaItemId);
      const meeting = item && (await findMeeting(db, caller.organisationId, item.meetingId));
      if (!item || !meeting) return notFound('agendaItem');
      return ok({ item, meeting });
    },

    /** The meeting's papers by agenda item (the meeting itself is checked by the caller's page). */
    async forMeeting(caller: Caller, meetingId: string): Promise<Map<string, PaperEntry[]>> {
      const byItem = new Map<string, PaperEntry[]>();
      for (const paper of await repo.listMeetingPapers(db, caller.organisationId, meetingId))
        byItem.set(paper.agendaItemId, [...(byItem.get(paper.agendaItemId) ?? []), paper]);
      return byItem;
    },

    async upload(
      caller: Caller,
      agendaItemId: string,
      file: { name: string; bytes: Buffer },
    ): Promise<Result<{ id: string; meetingId: string }>> {
      if (!mayManage(caller)) return forbidden();
      const checked = checkPaper(file.name, file.bytes);
      if (!checked.ok) return problem(checked.problem, { limit: `${Math.round(PAPER_MAX_BYTES / (1024 * 1024))} MB` });
      return inTransaction(db, async (tx) => {
        const item = await findAgendaItem(tx, caller.organisationId, agendaItemId);
        if (!item) return notFound('agendaItem');
        const described = {
          fileName: checked.fileName,
          contentType: checked.contentType,
          sizeBytes: file.bytes.length,
        };
        const id = await repo.insertPaper(tx, {
          organisationId: caller.organisationId,
          agendaItemId,
          ...described,
          bytes: file.bytes,
          uploadedByPersonId: actorOf(caller).personId,
        });
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'agenda-item-paper',
          entityId: id,
          action: 'upload',
          newValue: { agendaItemId, ...described },
        });
        return ok({ id, meetingId: item.meetingId });
      });
    },

    async download(caller: Caller, paperId: string): Promise<Result<PaperFile>> {
      const paper = await repo.findPaperFile(db, caller.organisationId, paperId);
      if (!paper) return notFound('paper');
      return ok({ fileName: paper.fileName, contentType: paper.contentType, bytes: paper.bytes });
    },

    async remove(caller: Caller, paperId: string): Promise<Result<{ meetingId: string }>> {
      if (!mayManage(caller)) return forbidden();
      return inTransaction(db, async (tx) => {
        const paper = await repo.findPaperEntry(tx, caller.organisationId, paperId);
        const item = paper && (await findAgendaItem(tx, caller.organisationId, paper.agendaItemId));
        if (!paper || !item) return notFound('paper');
        await repo.deletePaper(tx, caller.organisationId, paperId);
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'agenda-item-paper',
          entityId: paperId,
          action: 'remove',
          oldValue: {
            agendaItemId: paper.agendaItemId,
            fileName: paper.fileName,
            contentType: paper.contentType,
            sizeBytes: paper.sizeBytes,
          },
        });
        return ok({ meetingId: item.meetingId });
      });
    },
  };
}

export type CommitteePapersService = ReturnType<typeof createCommitteePapersService>;
