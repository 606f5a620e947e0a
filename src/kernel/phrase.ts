/**
 * Words the domain wants said, without the words: a catalogue key and its parameters. The words
 * live in the catalogue (src/platform/words/en.ts, and a Welsh one beside it); presenters turn a
 * phrase into words with `say`. A parameter may itself be a phrase (a status word, a clause).
 */
export interface Phrase {
  readonly code: string;
  readonly params?: Readonly<Record<string, PhraseParam>>;
}

export type PhraseParam = string | number | Phrase;

export function phrase(code: string, params?: Record<string, PhraseParam>): Phrase {
  return params === undefined || Object.keys(params).length === 0 ? { code } : { code, params };
}

/** A phrase as it is kept in a text column: its JSON (read back with `readStoredPhrase`). */
export function storePhrase(said: Phrase): string {
  return JSON.stringify(said);
}

/**
 * A message for the domain's own failures, as a stored phrase: zod `message`s and DomainError
 * messages are strings, so the domain puts a phrase's JSON in them rather than English. The edges
 * (form errors, problem JSON, error pages, the CLI, audit refusals, import reports) say it with
 * `sayStored` (src/platform/words), which also passes English that is not yet a phrase through as
 * it is. catalogue-keys.test.ts checks every key named here has words.
 */
/**
 * Items said one after another with commas ("Director, Manager, HR"), or as `sentences` one after
 * another ("The value is missing. The period is closed"): each may itself be a phrase.
 */
export function listPhrase(
  items: readonly PhraseParam[],
  joined: 'lists.commaSeparated' | 'lists.sentences' = 'lists.commaSeparated',
): PhraseParam {
  if (items.length <= 1) return items[0] ?? '';
  return phrase(joined, { first: items[0]!, rest: listPhrase(items.slice(1), joined) });
}

export function phraseText(code: string, params?: Record<string, PhraseParam>): string {
  return storePhrase(phrase(code, params));
}

function isPhrase(value: unknown): value is Phrase {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const { code, params } = value as { code?: unknown; params?: unknown };
  if (typeof code !== 'string' || code === '') return false;
  if (params === undefined) return true;
  if (params === null || typeof params !== 'object' || Array.isArray(params)) return false;
  return Object.values(params).every((p) => typeof p === 'string' || typeof p === 'number' || isPhrase(p));
}

/**
 * A phrase kept by `storePhrase`, or null when the text is not one (rows written before phrases
 * were stored hold the English words themselves, which are then shown as they are).
 */
export function readStoredPhrase(text: string): Phrase | null {
  if (!text.startsWith('{')) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return isPhrase(parsed) ? parsed : null;
  } catch {
    return null;
  }
}
