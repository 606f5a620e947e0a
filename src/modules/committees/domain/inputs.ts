/** What a person or a program sends: one schema per change, used by the forms, the API and the import. */
import { z } from 'zod';
import { isoDate, optionalId, optionalText, requiredId, requiredText } from '../../../kernel/inputs.ts';
import { phrase, phraseText } from '../../../kernel/phrase.ts';
import { DECISION_OUTCOMES, REQUEST_KINDS, RETURN_STATUSES, SUBJECT_KINDS } from './vocabulary.ts';

const field = (name: string) => phrase(`committees.field.${name}`);
const choose = (what: string) => phraseText(`committees.problem.choose`, { what: field(what) });

export const meetingInput = z.object({
  bodyId: requiredId(choose('body')),
  heldOn: isoDate(field('heldOn')),
  startsAt: z
    .string()
    .trim()
    .regex(/^(|([01]\d|2[0-3]):[0-5]\d)$/, phraseText('committees.problem.timeLike'))
    .default(''),
  location: optionalText(field('location'), 200),
  title: optionalText(field('title'), 200),
});
export type MeetingInput = z.infer<typeof meetingInput>;

export const agendaItemInput = z.object({
  title: requiredText(field('itemTitle')),
  subjectKind: z.enum(SUBJECT_KINDS, { message: choose('subjectKind') }).default('paper'),
  subjectId: optionalId(choose('subject')),
  paperTitle: optionalText(field('paperTitle'), 300),
  paperLink: optionalText(field('paperLink'), 500).refine(
    (value) => value === '' || value.startsWith('/') || /^https:\/\//.test(value),
    phraseText('committees.problem.paperLink'),
  ),
  leadOfficerPersonId: optionalId(choose('leadOfficer')),
});
export type AgendaItemInput = z.infer<typeof agendaItemInput>;

export const decisionInput = z.object({
  outcome: z.enum(DECISION_OUTCOMES, { message: choose('outcome') }),
  minuteReference: optionalText(field('minuteReference'), 100),
  notes: optionalText(field('decisionNotes')),
  onwardMeetingId: optionalId(choose('onwardMeeting')),
});
export type DecisionInput = z.infer<typeof decisionInput>;

export const requestInput = z.object({
  meetingId: optionalId(choose('meeting')),
  agendaItemId: optionalId(choose('agendaItem')),
  kind: z.enum(REQUEST_KINDS, { message: choose('requestKind') }),
  addresseePersonId: requiredId(choose('addressee')),
  question: requiredText(field('question'), 5000),
  dueOn: isoDate(field('dueOn')),
});
export type RequestInput = z.infer<typeof requestInput>;

export const answerInput = z.object({ answer: requiredText(field('answer'), 10_000) });
export type AnswerInput = z.infer<typeof answerInput>;

export const closeInput = z.object({ note: optionalText(field('closeNote'), 5000) });
export type CloseInput = z.infer<typeof closeInput>;

export const returnInput = z.object({
  title: requiredText(field('returnTitle')),
  recipient: requiredText(field('recipient')),
  dueOn: isoDate(field('returnDueOn')),
  ownerPersonId: requiredId(choose('owner')),
  notes: optionalText(field('notes'), 2000),
});
export type ReturnInput = z.infer<typeof returnInput>;

export const returnStatusInput = z.object({
  status: z.enum(RETURN_STATUSES, { message: choose('returnStatus') }),
  notes: optionalText(field('notes'), 2000),
});
export type ReturnStatusInput = z.infer<typeof returnStatusInput>;
