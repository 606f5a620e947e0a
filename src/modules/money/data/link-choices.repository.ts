/**
 * The plan items and actions a savings proposal (or a cost centre) may be linked to, for the form's
 * picker: those of the council whose code or title holds the words (all of them, up to the limit,
 * when there are no words), and always the ones already chosen so a search never drops the present
 * choice.
 */
import { and, asc, eq, ilike, inArray, or } from 'drizzle-orm';
import type { Db } from '../../../platform/db/db.ts';
import { actions } from '../../actions/index.ts';
import { planItems } from '../../plans/index.ts';

export interface LinkChoice {
  id: string;
  code: string;
  title: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function choicesFrom(
  db: Db,
  table: typeof planItems | typeof actions,
  organisationId: string,
  words: string,
  limit: number,
  chosenId: string,
): Promise<LinkChoice[]> {
  // The search's wildcard characters are taken literally.
  const pattern = `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const columns = { id: table.id, code: table.code, title: table.title };
  const found = await db
    .select(columns)
    .from(table)
    .where(
      and(
        eq(table.organisationId, organisationId),
        words ? or(ilike(table.code, pattern), ilike(table.title, pattern)) : undefined,
      ),
    )
    .orderBy(asc(table.code), asc(table.title))
    .limit(limit);
  if (!UUID.test(chosenId) || found.some((row) => row.id === chosenId)) return found;
  const chosen = await db
    .select(columns)
    .from(table)
    .where(and(eq(table.organisationId, organisationId), inArray(table.id, [chosenId])));
  return [...chosen, ...found];
}

export async function savingLinkChoices(
  db: Db,
  organisationId: string,
  words: string,
  limit: number,
  chosen: { planItemId: string; actionId: string },
): Promise<{ items: LinkChoice[]; actions: LinkChoice[] }> {
  const [items, found] = await Promise.all([
    choicesFrom(db, planItems, organisationId, words, limit, chosen.planItemId),
    choicesFrom(db, actions, organisationId, words, limit, chosen.actionId),
  ]);
  return { items, actions: found };
}

/** The plan items a cost centre may be linked to, for its page's picker. */
export async function planItemChoices(
  db: Db,
  organisationId: string,
  words: string,
  limit: number,
  chosenId: string,
): Promise<LinkChoice[]> {
  return choicesFrom(db, planItems, organisationId, words, limit, chosenId);
}
