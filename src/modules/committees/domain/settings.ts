/**
 * A council's committee-cycle settings, pure: how many days before a meeting its report's data are
 * due, signed off and published, and how many days late a member's request goes to the officer's
 * manager. The defaults are the ones the timetable used before councils could set their own.
 */
import { z } from 'zod';
import { phrase, phraseText } from '../../../kernel/phrase.ts';
import { domainError, type DomainError } from '../../../kernel/result.ts';

export interface CommitteeSettings {
  dataDueDays: number;
  signOffDays: number;
  reportIssuedDays: number;
  escalateAfterDays: number;
}

/**
 * The agenda is published five clear working days ahead (Local Government Act 1972 s.100B), about
 * a calendar week; sign-off a week before that; the data a week before sign-off. A request two
 * working weeks late goes up a level, as councils' member-enquiry protocols have it.
 */
export const DEFAULT_COMMITTEE_SETTINGS: CommitteeSettings = {
  dataDueDays: 21,
  signOffDays: 14,
  reportIssuedDays: 7,
  escalateAfterDays: 10,
};

export const MAX_LEAD_DAYS = 120;
const MAX_ESCALATE_DAYS = 90;

const days = (name: keyof CommitteeSettings, max: number) => {
  const message = phraseText('committees.problem.wholeDays', { what: phrase(`committees.field.${name}`), max });
  return z.coerce.number({ message }).int(message).min(1, message).max(max, message);
};

export const settingsInput = z.object({
  dataDueDays: days('dataDueDays', MAX_LEAD_DAYS),
  signOffDays: days('signOffDays', MAX_LEAD_DAYS),
  reportIssuedDays: days('reportIssuedDays', MAX_LEAD_DAYS),
  escalateAfterDays: days('escalateAfterDays', MAX_ESCALATE_DAYS),
});

/**
 * Every deadline comes before the meeting it serves (at least a day), and in the order the work
 * is done: the data in, then signed off, then the report published.
 */
export function settingsProblems(settings: CommitteeSettings): DomainError[] {
  const problems: DomainError[] = [];
  if (settings.signOffDays >= settings.dataDueDays)
    problems.push(domainError('invalid', phraseText('committees.problem.dataBeforeSignOff'), 'dataDueDays'));
  if (settings.reportIssuedDays >= settings.signOffDays)
    problems.push(domainError('invalid', phraseText('committees.problem.signOffBeforeReport'), 'signOffDays'));
  return problems;
}
