/**
 * The words the product shows, once. How it fits together:
 * - `en.ts` is the English catalogue; a Welsh one (`cy.ts`) must have the type `Catalogue` (the
 *   compiler then names any word it is missing) and is added to `catalogues` below with a `Locale`.
 * - The domain returns phrases (`Phrase` in src/kernel/phrase.ts: a catalogue key and parameters);
 *   presenters say them with `say(phrase)`. A refusal's message (zod `message`, `DomainError.message`)
 *   is a stored phrase (`phraseText`), said where it leaves the app with `sayStored`: form-errors.ts,
 *   problem.ts and error-pages.ts in platform/http, the modules' refusal pages and joined messages,
 *   the CLI, import reports and audit refusals. Plain English (code not yet moved) passes through,
 *   and the test apps fail any response that shows an unsaid phrase (test/helpers/unsaid-phrases.ts). Templates use the `t` filter/function and the status tag
 *   globals registered in src/platform/http/filters.ts; tag colours are in `status-tags.ts`.
 * - catalogue-keys.test.ts checks that every key named in code and templates has words.
 */
import { readStoredPhrase, type Phrase } from '../../kernel/phrase.ts';
import { en } from './en.ts';

/** A catalogue's shape: a Welsh one must say every word the English one does. */
type Shape<T> = { readonly [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
export type Catalogue = Shape<typeof en>;

export type Locale = 'en';

const catalogues: Record<Locale, Catalogue> = { en };

/** The words for a locale (English until a Welsh catalogue is added). */
export function wordsFor(locale: Locale = 'en'): Catalogue {
  return catalogues[locale];
}

/**
 * Fills {name} placeholders; a missing parameter is left visible rather than silently blank.
 * {name:capital} starts the parameter with a capital letter (a field's name opening a sentence);
 * {name:lower} puts it in lower case (a role's name inside a sentence: "Only a director…").
 */
export function fill(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  // Most words have no placeholder: skip the regular expression (pages fill thousands of words).
  if (!template.includes('{')) return template;
  return template.replace(/\{(\w+)(:capital|:lower)?\}/g, (whole, name: string, modifier?: string) => {
    if (!(name in params)) return whole;
    const text = String(params[name]);
    if (modifier === ':lower') return text.toLowerCase();
    return modifier ? text.charAt(0).toUpperCase() + text.slice(1) : text;
  });
}

export const words: Catalogue = wordsFor('en');

/** Each catalogue's words already found by key, and stored phrases already said (see below). */
const lookedUp = new WeakMap<Catalogue, Map<string, string>>();
const storedSaid = new WeakMap<Catalogue, Map<string, string>>();
const STORED_SAID_LIMIT = 10_000;

/**
 * The words at a dotted key ("rag.red"). An unknown key is a programming mistake, so it throws
 * rather than show a person a key; the catalogue test checks every key the code and templates use.
 */
export function lookUp(key: string, catalogue: Catalogue = words): string {
  // The catalogues never change while the app runs, so each key is walked once per catalogue.
  let found = lookedUp.get(catalogue);
  if (!found) lookedUp.set(catalogue, (found = new Map<string, string>()));
  const known = found.get(key);
  if (known !== undefined) return known;
  let here: unknown = catalogue;
  for (const part of key.split('.')) {
    here =
      here !== null && typeof here === 'object' && Object.hasOwn(here, part)
        ? (here as Record<string, unknown>)[part]
        : undefined;
  }
  if (typeof here !== 'string') throw new Error(`No words in the catalogue for "${key}"`);
  found.set(key, here);
  return here;
}

/** A phrase from the domain in words: its code's template, filled with its parameters (a phrase parameter is said first). */
export function say(said: Phrase, catalogue: Catalogue = words): string {
  const params: Record<string, string | number> = {};
  for (const [name, param] of Object.entries(said.params ?? {})) {
    params[name] = typeof param === 'object' ? say(param, catalogue) : param;
  }
  return fill(lookUp(said.code, catalogue), params);
}

/**
 * Words for a phrase kept in a text column (`storePhrase`). Text that is not a stored phrase (the
 * English older rows hold) is shown as it is, as is a stored phrase whose code the catalogue no
 * longer has, rather than failing the whole page over one reason.
 */
export function sayStored(text: string, catalogue: Catalogue = words): string {
  if (!text.startsWith('{')) return text;
  // The same stored reasons come back on every page (a status's reason per measure): each text
  // is parsed and said once. The words depend only on the text and the (unchanging) catalogue.
  let said = storedSaid.get(catalogue);
  if (!said) storedSaid.set(catalogue, (said = new Map<string, string>()));
  const known = said.get(text);
  if (known !== undefined) return known;
  const stored = readStoredPhrase(text);
  let words = text;
  if (stored !== null) {
    try {
      words = say(stored, catalogue);
    } catch {
      words = text;
    }
  }
  // Bounded: figures' own words are not phrases, but a stored phrase can carry one as a parameter.
  if (said.size >= STORED_SAID_LIMIT) said.clear();
  said.set(text, words);
  return words;
}

/**
 * Who made a change, as a trail or a history shows it. A person's name is shown as it is. What
 * acted when no person did (a job, the sign-in page, the command line) is kept as a stored phrase
 * of the `auditActors` words and said; older rows hold its English, shown as written. Only that
 * section is said, so a name cannot be made to read as other words; where the row keeps the
 * person's id beside the label (the audit trail), a row with a person is never said at all.
 */
export function sayActor(label: string, personId: string | null = null, catalogue: Catalogue = words): string {
  if (personId !== null || !readStoredPhrase(label)?.code.startsWith('auditActors.')) return label;
  return sayStored(label, catalogue);
}
