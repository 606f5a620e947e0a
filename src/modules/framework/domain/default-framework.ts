import type { Role } from '../../../kernel/access/index.ts';
import type { BodyKind } from '../../organisation/domain/index.ts';
import { defaultDistinctPerson, type TemplateSectionInput } from './framework.ts';

/**
 * The framework a new council starts with, modelled on the planning hierarchies of real councils'
 * performance management frameworks: a partnership community strategy at the top, the corporate
 * plan and the medium-term financial strategy under it, then directorate, service, team and
 * individual plans (the "golden thread"). Councils differ — some have a separate council plan and
 * corporate plan, some fold service plans into directorate plans, some leave the format below
 * directorate level to directors — so every part of this is data an administrator can change.
 */

export type DefaultBodyKey =
  | 'full-council'
  | 'cabinet'
  | 'overview-scrutiny'
  | 'audit-committee'
  | 'leadership-team'
  | 'performance-panel'
  | 'lsp-board';

export interface DefaultBody {
  key: DefaultBodyKey;
  name: string;
  /** One of the kinds the governance body form offers, so an installed body can be saved unchanged. */
  kind: BodyKind;
  frameworkRoles: ('approves' | 'scrutinises' | 'receives')[];
  description: string;
}

export interface DefaultItemType {
  key: string;
  name: string;
  description: string;
}

export type DefaultStep =
  | { name: string; kind: 'owner' }
  | { name: string; kind: 'role'; role: Role }
  | { name: string; kind: 'body'; body: DefaultBodyKey };

/**
 * In the default framework every step after the owner's sign-off must be taken by someone who took
 * no earlier step and did not submit the plan: a director's, a board's or the council's agreement
 * is a second pair of eyes, not the same officer clicking again. The owner's own sign-off is the
 * one step the submitter usually takes, so it is left open.
 */
export function defaultStepNeedsDistinctPerson(step: DefaultStep): boolean {
  return defaultDistinctPerson(step.kind);
}

export interface DefaultPlanType {
  key: string;
  name: string;
  level: number;
  description: string;
  parents: string[];
  itemTypes: string[];
  sections: TemplateSectionInput[];
  steps: DefaultStep[];
}

export const DEFAULT_BODIES: readonly DefaultBody[] = [
  {
    key: 'full-council',
    name: 'Full Council',
    kind: 'full-council',
    frameworkRoles: ['approves', 'receives'],
    description: 'All elected members. Adopts the policy framework, including the corporate plan and the budget.',
  },
  {
    key: 'cabinet',
    name: 'Cabinet',
    kind: 'executive',
    frameworkRoles: ['approves', 'receives'],
    description: 'The Leader and portfolio holders. Recommends the corporate plan and receives performance reports.',
  },
  {
    key: 'overview-scrutiny',
    name: 'Overview and Scrutiny Committee',
    kind: 'scrutiny',
    frameworkRoles: ['scrutinises', 'receives'],
    description: 'Holds the executive to account and reviews performance; makes recommendations.',
  },
  {
    key: 'audit-committee',
    name: 'Audit Committee',
    kind: 'audit-committee',
    frameworkRoles: ['scrutinises', 'receives'],
    description: 'Assures the governance, risk and data quality arrangements behind performance reporting.',
  },
  {
    key: 'leadership-team',
    name: 'Corporate Leadership Team',
    kind: 'leadership-team',
    frameworkRoles: ['approves', 'receives'],
    description: 'The chief executive and directors. Agrees corporate and directorate plans before members see them.',
  },
  {
    key: 'performance-panel',
    name: 'Performance Panel',
    kind: 'performance-panel',
    frameworkRoles: ['scrutinises', 'receives'],
    description: 'Members who review quarterly performance and exceptions in depth.',
  },
  {
    key: 'lsp-board',
    name: 'Local Strategic Partnership Board',
    kind: 'partnership-board',
    frameworkRoles: ['approves', 'receives'],
    description: 'The council and its partners. Owns the community strategy.',
  },
];

export const DEFAULT_ITEM_TYPES: readonly DefaultItemType[] = [
  { key: 'vision', name: 'Vision', description: 'The long-term picture of the place the partnership wants.' },
  { key: 'ambition', name: 'Ambition', description: 'A broad aim that makes up the vision.' },
  { key: 'priority', name: 'Priority', description: 'A strategic priority that gets special focus.' },
  { key: 'outcome', name: 'Outcome', description: 'A change for residents the priority should bring about.' },
  { key: 'objective', name: 'Objective', description: 'A SMART objective that delivers an outcome.' },
  { key: 'action-area', name: 'Action area', description: 'A group of related actions or a programme.' },
  { key: 'action', name: 'Action', description: 'A specific piece of work with an owner and a deadline.' },
  {
    key: 'individual-objective',
    name: 'Individual objective',
    description: "An objective in a person's appraisal, linked to a team or service objective.",
  },
];

const owner = (name = 'Sign-off by the plan owner'): DefaultStep => ({ name, kind: 'owner' });

export const DEFAULT_PLAN_TYPES: readonly DefaultPlanType[] = [
  {
    key: 'community-strategy',
    name: 'Community strategy',
    level: 1,
    description:
      'The long-term vision for the area, agreed by the council with its partners in the Local Strategic Partnership.',
    parents: [],
    itemTypes: ['vision', 'ambition', 'priority', 'outcome'],
    sections: [
      { key: 'vision', title: 'Our vision', hint: 'The place the partnership wants the area to be in the long term.' },
      { key: 'context', title: 'The area today', hint: 'What the evidence and consultation tell us.' },
      { key: 'partnership', title: 'Working in partnership', hint: 'Who delivers the strategy and how.' },
    ],
    steps: [
      owner(),
      { name: 'Agreed by the Local Strategic Partnership Board', kind: 'body', body: 'lsp-board' },
      { name: 'Adopted by Full Council', kind: 'body', body: 'full-council' },
    ],
  },
  {
    key: 'corporate-plan',
    name: 'Corporate plan',
    level: 2,
    description:
      "The council's priorities and outcomes for the next three years and how the council will deliver its part of the community strategy.",
    parents: ['community-strategy'],
    itemTypes: ['priority', 'outcome', 'objective'],
    sections: [
      { key: 'introduction', title: 'Introduction', hint: 'A foreword from the Leader and the chief executive.' },
      { key: 'context', title: 'Where we are now', hint: 'The challenges and opportunities facing the council.' },
      { key: 'resources', title: 'Resources', hint: 'How the medium-term financial strategy funds the priorities.' },
      { key: 'monitoring', title: 'How we will monitor progress', hint: 'Reporting to Cabinet and scrutiny.' },
    ],
    steps: [
      owner(),
      { name: 'Agreed by the Corporate Leadership Team', kind: 'body', body: 'leadership-team' },
      { name: 'Recommended by Cabinet', kind: 'body', body: 'cabinet' },
      { name: 'Adopted by Full Council', kind: 'body', body: 'full-council' },
    ],
  },
  {
    key: 'mtfs',
    name: 'Medium-term financial strategy',
    level: 2,
    description: 'How the council will fund its priorities over the next three to five years.',
    parents: ['community-strategy'],
    itemTypes: ['priority', 'objective', 'action'],
    sections: [
      { key: 'financial-context', title: 'Financial context', hint: 'Funding, pressures and risks.' },
      { key: 'budget-strategy', title: 'Budget strategy', hint: 'Savings, investment and reserves.' },
    ],
    steps: [
      owner(),
      { name: 'Agreed by Cabinet', kind: 'body', body: 'cabinet' },
      { name: 'Approved by Full Council', kind: 'body', body: 'full-council' },
    ],
  },
  {
    key: 'directorate-plan',
    name: 'Directorate plan',
    level: 3,
    description: "How a directorate contributes to the corporate plan's priorities and outcomes.",
    parents: ['corporate-plan'],
    itemTypes: ['objective', 'action-area', 'action'],
    sections: [
      { key: 'overview', title: 'Directorate overview', hint: 'Services, budget and people in the directorate.' },
      { key: 'challenges', title: 'Key challenges', hint: 'What the directorate must respond to this year.' },
      { key: 'risks', title: 'Risks', hint: 'The main risks to delivery and how they are managed.' },
    ],
    steps: [owner(), { name: 'Agreed by the Corporate Leadership Team', kind: 'body', body: 'leadership-team' }],
  },
  {
    key: 'service-plan',
    name: 'Service plan',
    level: 4,
    description:
      'The one-page plan for a service: what it will do this year to deliver directorate and corporate objectives.',
    parents: ['directorate-plan', 'corporate-plan'],
    itemTypes: ['objective', 'action-area', 'action'],
    sections: [
      { key: 'where-are-we-now', title: 'Where are we now?', hint: 'Current performance, demand and feedback.' },
      {
        key: 'where-do-we-want-to-be',
        title: 'Where do we want to be?',
        hint: 'The critical success factors for the service.',
      },
      {
        key: 'how-will-we-get-there',
        title: 'How will we get there?',
        hint: 'The strategies and the action plan.',
      },
      { key: 'resources', title: 'What are the resource implications?', hint: 'Budget, people and assets.' },
      {
        key: 'how-we-will-monitor',
        title: 'How will we monitor our success?',
        hint: 'Standards and local indicators.',
      },
    ],
    steps: [owner(), { name: 'Approval by the director', kind: 'role', role: 'director' }],
  },
  {
    key: 'team-plan',
    name: 'Team plan',
    level: 5,
    description: "The team's objectives and actions for the year, linked to the service plan.",
    parents: ['service-plan'],
    itemTypes: ['objective', 'action'],
    sections: [{ key: 'team-priorities', title: 'Team priorities', hint: 'What the team will focus on this year.' }],
    steps: [owner(), { name: 'Approval by the manager', kind: 'role', role: 'manager' }],
  },
  {
    key: 'individual-plan',
    name: 'Individual plan',
    level: 6,
    description: "A person's appraisal objectives, showing how their work contributes to the team and service.",
    parents: ['team-plan', 'service-plan'],
    itemTypes: ['individual-objective'],
    sections: [
      { key: 'development', title: 'Learning and development', hint: 'What support the person needs this year.' },
    ],
    steps: [owner('Sign-off by the employee'), { name: 'Agreed by the line manager', kind: 'role', role: 'manager' }],
  },
];
