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

export function isPhrase(value: unknown): value is Phrase {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string';
}
