/**
 * What a report definition may say: its audience, scope, cadence and sections (codes; the words
 * are the catalogue's, under `reports`), the built-in definitions a council starts from, and the
 * input a definition is saved from (the same schema for the form and the API).
 */
import { z } from 'zod';
import { phraseText } from '../../../kernel/phrase.ts';
import type { Frequency } from '../../../kernel/measurement/index.ts';

export const AUDIENCES = ['executive', 'scrutiny', 'panel', 'leadership', 'public'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const SCOPE_KINDS = ['council', 'directorate', 'portfolio'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

export const CADENCES = ['monthly', 'quarterly', 'six-monthly', 'annual'] as const;
export type Cadence = (typeof CADENCES)[number];

/** The period frequency each cadence reports on (a report's period is a period of this frequency). */
export const CADENCE_FREQUENCY: Record<Cadence, Frequency> = {
  monthly: 'monthly',
  quarterly: 'quarterly',
  'six-monthly': 'half-yearly',
  annual: 'annual',
};

/** Every section a report may show, in the order a new definition lists them. */
export const SECTIONS = [
  'summary',
  'what-changed',
  'performance',
  'exceptions',
  'improvement-plans',
  'actions',
  'partnerships',
  'revenue',
  'capital',
  'reserves',
  'borrowing',
  'risks',
  'health',
  'key',
] as const;
export type SectionCode = (typeof SECTIONS)[number];

export interface DefinitionInput {
  title: string;
  audience: Audience;
  scopeKind: ScopeKind;
  scopeId: string | null;
  cadence: Cadence;
  sections: SectionCode[];
}

const blankToNull = (value: unknown) => (value === '' || value === undefined ? null : value);
/** A form posts one checkbox as a string and several as an array. */
const asList = (value: unknown): unknown[] =>
  value === undefined || value === '' ? [] : Array.isArray(value) ? (value as unknown[]) : [value];

export const definitionInput = z
  .object({
    title: z
      .string({ message: phraseText('reports.errors.titleMissing') })
      .trim()
      .min(1, phraseText('reports.errors.titleMissing'))
      .max(200, phraseText('reports.errors.titleTooLong')),
    audience: z.enum(AUDIENCES, { message: phraseText('reports.errors.audience') }),
    scopeKind: z.enum(SCOPE_KINDS, { message: phraseText('reports.errors.scopeKind') }),
    scopeId: z.preprocess(blankToNull, z.uuid({ message: phraseText('reports.errors.scopeId') }).nullable()),
    cadence: z.enum(CADENCES, { message: phraseText('reports.errors.cadence') }),
    sections: z.preprocess(
      asList,
      z
        .array(z.enum(SECTIONS, { message: phraseText('reports.errors.section') }))
        .min(1, phraseText('reports.errors.noSections')),
    ),
  })
  .superRefine((input, context) => {
    if (input.scopeKind !== 'council' && input.scopeId === null) {
      context.addIssue({ code: 'custom', path: ['scopeId'], message: phraseText('reports.errors.scopeId') });
    }
  })
  .transform((input): DefinitionInput => ({
    ...input,
    scopeId: input.scopeKind === 'council' ? null : input.scopeId,
    // Kept in the catalogue's order, each once, whatever order the form sent them in.
    sections: SECTIONS.filter((section) => input.sections.includes(section)),
  }));

export interface BuiltInDefinition extends Omit<DefinitionInput, 'title'> {
  key: string;
  /** The title's catalogue key (reports.builtIn.<key>); copied into the council's words on first use. */
}

const ALL: SectionCode[] = [...SECTIONS];

/**
 * The definitions a council starts from, modelled on the seeds: the short quarterly report to the
 * Executive on priorities and key measures, budgets, reserves and the strategic risk register
 * (003 §34), "the same report" to Overview and Scrutiny (§35), a public summary for the website
 * (§36), monthly tracking by the Leadership Team (§32), and the quarterly indicators with the action
 * plan to the Corporate Performance Panel (004 §5.5), six-monthly on plan progress (§5.4).
 */
export const BUILT_IN_DEFINITIONS: readonly BuiltInDefinition[] = [
  {
    key: 'executive-quarterly',
    audience: 'executive',
    scopeKind: 'council',
    scopeId: null,
    cadence: 'quarterly',
    sections: ALL,
  },
  {
    key: 'scrutiny-quarterly',
    audience: 'scrutiny',
    scopeKind: 'council',
    scopeId: null,
    cadence: 'quarterly',
    sections: ALL,
  },
  {
    key: 'panel-quarterly',
    audience: 'panel',
    scopeKind: 'council',
    scopeId: null,
    cadence: 'quarterly',
    sections: ['summary', 'what-changed', 'performance', 'exceptions', 'improvement-plans', 'key'],
  },
  {
    key: 'panel-six-monthly',
    audience: 'panel',
    scopeKind: 'council',
    scopeId: null,
    cadence: 'six-monthly',
    sections: ['summary', 'performance', 'actions', 'improvement-plans', 'key'],
  },
  {
    key: 'leadership-monthly',
    audience: 'leadership',
    scopeKind: 'council',
    scopeId: null,
    cadence: 'monthly',
    sections: [
      'summary',
      'what-changed',
      'exceptions',
      'actions',
      'revenue',
      'capital',
      'reserves',
      'borrowing',
      'key',
    ],
  },
  {
    key: 'public-summary',
    audience: 'public',
    scopeKind: 'council',
    scopeId: null,
    cadence: 'quarterly',
    sections: ['summary', 'performance', 'key'],
  },
];
