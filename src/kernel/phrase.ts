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

/**
 * A phrase filled from a given set of templates keyed by code. Only for the interim English some
 * pure rules still hand to callers not yet turned to the catalogue (each such set is held equal to
 * the catalogue by a test); everything else says phrases with the catalogue's `say`.
 */
export function fillPhrase(said: Phrase, templates: Readonly<Record<string, string>>): string {
  const template = templates[said.code] ?? said.code;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const param = said.params?.[name];
    if (param === undefined) return whole;
    return typeof param === 'object' ? fillPhrase(param, templates) : String(param);
  });
}
