/**
 * What actions tell other modules: their contributions to plan items' roll-ups (the performance
 * module's port), the actions linked to a measure, and the actions answering a recommendation or
 * improvement plan (for the modules built after this one).
 */
import type { Db } from '../../platform/db/db.ts';
import { paths } from '../../kernel/paths.ts';
import type { RollupContribution, RollupContributions } from '../performance/index.ts';
import {
  type ActionHistory,
  actionRecordOn,
  type ActionStatus,
  type AnswerKind,
  onTargetInTime,
  ragOfAction,
} from './domain/index.ts';
import { actionHistories } from './data/action-history.repository.ts';
import * as repo from './data/actions.repository.ts';
import { statusOf, statusReasonWords } from './action-view.ts';
import { loadDeliverySettings } from './delivery-settings.ts';
import type { Clock } from '../../platform/clock.ts';

/**
 * The action as its record stood at the end of a past date (actionRecordOn): what the status rules
 * read, put in the row's place; null when it did not exist yet.
 */
function asRecordedOn(action: repo.ActionRow, history: ActionHistory | undefined, on: string): repo.ActionRow | null {
  const record = history ? actionRecordOn(history, on) : null;
  if (!record) return null;
  return {
    ...action,
    percentComplete: record.percentComplete,
    judgedStatus: record.judgedStatus,
    judgementReason: record.judgementReason,
    revisedDueDate: record.dueDate,
    closedStatus: record.closedAs,
  };
}

/**
 * Fills performance's RollupContributions: each open or complete action linked to the items, judged
 * today, or on a past date (`on`) as recorded by then.
 */
export function actionRollupContributionsWith(clock: Clock): RollupContributions {
  return {
    async contributionsTo(
      db: Db,
      organisationId: string,
      itemIds: readonly string[],
      on?: string,
    ): Promise<RollupContribution[]> {
      const rows = await repo.actionsOfItems(db, organisationId, itemIds);
      if (rows.length === 0) return [];
      const settings = await loadDeliverySettings(db, organisationId);
      const past = on !== undefined && on < clock.today() ? on : null;
      const histories = past
        ? await actionHistories(
            db,
            organisationId,
            rows.map((row) => row.action),
          )
        : null;
      const today = past ?? clock.today();
      return rows.flatMap(({ itemId, action: current }) => {
        const action = past ? asRecordedOn(current, histories?.get(current.id), past) : current;
        if (!action) return [];
        const view = statusOf(action, settings, today);
        const status = view.status;
        const rag = ragOfAction(status);
        if (rag === null) return [];
        return [
          {
            itemId,
            id: action.id,
            kind: 'action' as const,
            code: action.code,
            title: action.title,
            status: rag,
            onTargetInTime: onTargetInTime(status),
            key: action.isKey,
            href: paths.action(action.id),
            reason: statusReasonWords(view),
          },
        ];
      });
    },
  };
}

export interface ActionAnswering {
  id: string;
  code: string;
  title: string;
  status: ActionStatus;
  derivedStatus: ActionStatus;
  percentComplete: number;
  /** Revised when there is one, else original. */
  dueDate: string;
  overdue: boolean;
  href: string;
}

async function summarise(
  db: Db,
  organisationId: string,
  rows: repo.ActionRow[],
  today: string,
): Promise<ActionAnswering[]> {
  if (rows.length === 0) return [];
  const settings = await loadDeliverySettings(db, organisationId);
  return rows.map((row) => {
    const view = statusOf(row, settings, today);
    return {
      id: row.id,
      code: row.code,
      title: row.title,
      status: view.status,
      derivedStatus: view.derivedStatus,
      percentComplete: row.percentComplete,
      dueDate: view.dueDate,
      overdue: view.overdue,
      href: paths.action(row.id),
    };
  });
}

/** The actions answering the recommendations or improvement plans, for those modules to show. */
export async function actionsAnswering(
  db: Db,
  organisationId: string,
  kind: AnswerKind,
  ids: readonly string[],
  today: string,
): Promise<ActionAnswering[]> {
  return summarise(db, organisationId, await repo.actionsAnsweringRows(db, organisationId, kind, ids), today);
}
