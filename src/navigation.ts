import { holdsPermission, type Permission, type Principal } from './kernel/access/index.ts';
import { paths } from './kernel/paths.ts';
import { words } from './platform/words/index.ts';

interface NavEntry {
  text: string;
  href: string;
  permission: Permission;
  /** Sections reached through this entry's page, which keep the entry marked as current. */
  covers?: readonly string[];
  /** A fact the entry also needs (see navigationFactsFrom), beyond the permission. */
  needs?: keyof NavigationFacts;
}

/** What the entries need beyond the person's grants, loaded once per page request. */
export interface NavigationFacts {
  /** Some sign-off step of the council's chain could be theirs on some measure. */
  mayTakeSignOffStep: boolean;
}

/**
 * Eight entries at most, so the GOV.UK service navigation stays on one or two short lines at
 * desktop width: the council's set-up (structure, people, bodies, partners, framework, the audit
 * trail), delivery (actions, projects, improvement plans, recommendations) and risks and money are
 * each one entry with its own page that gathers them.
 */
const ENTRIES: NavEntry[] = [
  { text: words.navigation.myData, href: paths.myData(), permission: 'view:organisation' },
  // Councillors and viewers can never sign anything off: only those the council's rules could ask.
  {
    text: words.signOffQueue.navigation,
    href: paths.signOffQueue(),
    permission: 'view:organisation',
    needs: 'mayTakeSignOffStep',
  },
  { text: words.navigation.plans, href: paths.plans(), permission: 'view:plans' },
  { text: words.navigation.measures, href: paths.measures(), permission: 'view:plans' },
  {
    text: words.navigation.performance,
    href: paths.performance(),
    permission: 'view:plans',
    // The quarterly report and its issued revisions belong to the performance area.
    covers: [paths.reportDefinitions(), '/issued-reports'],
  },
  {
    text: words.navigation.delivery,
    href: paths.delivery(),
    permission: 'view:organisation',
    covers: [paths.actions(), paths.projects(), paths.programmes(), paths.improvementPlans(), paths.recommendations()],
  },
  {
    text: words.navigation.risksAndMoney,
    href: paths.risksAndMoney(),
    permission: 'view:organisation',
    covers: [paths.riskRegisters(), paths.risks(), paths.riskSettings(), paths.money()],
  },
  {
    text: words.navigation.council,
    href: paths.council(),
    permission: 'view:organisation',
    covers: [
      paths.units(),
      paths.people(),
      paths.portfolios(),
      paths.bodies(),
      paths.meetings(),
      paths.memberRequests(),
      paths.timetable(),
      paths.statutoryReturns(),
      paths.partners(),
      paths.framework(),
      paths.collectionRules(),
      paths.audit(),
    ],
  },
];

const within = (url: string, href: string) => url === href || url.startsWith(`${href}/`) || url.startsWith(`${href}?`);

/** GOV.UK service navigation items the person may use, with the current section marked. */
export function navigationFor(principal: Principal, currentUrl: string, facts: Partial<NavigationFacts> = {}) {
  const shown = (entry: NavEntry) =>
    holdsPermission(principal, entry.permission) && (entry.needs === undefined || facts[entry.needs] === true);
  return ENTRIES.filter(shown).map((entry) => ({
    text: entry.text,
    href: entry.href,
    active: [entry.href, ...(entry.covers ?? [])].some((href) => within(currentUrl, href)),
  }));
}
