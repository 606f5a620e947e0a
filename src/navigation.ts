import { holdsPermission, type Permission, type Principal } from './kernel/access/index.ts';
import { paths } from './kernel/paths.ts';
import { words } from './platform/words/index.ts';

interface NavEntry {
  text: string;
  href: string;
  permission: Permission;
  /** Sections reached through this entry's page, which keep the entry marked as current. */
  covers?: readonly string[];
}

/**
 * Seven entries at most, so the GOV.UK service navigation fits one line at desktop width; the
 * council's set-up (structure, people, bodies, partners, framework) is one entry with its own page.
 */
const ENTRIES: NavEntry[] = [
  { text: 'My data', href: paths.myData(), permission: 'view:organisation' },
  { text: words.signOffQueue.navigation, href: paths.signOffQueue(), permission: 'view:organisation' },
  { text: 'Plans', href: paths.plans(), permission: 'view:plans' },
  { text: 'Measures', href: paths.measures(), permission: 'view:plans' },
  { text: 'Performance', href: paths.performance(), permission: 'view:plans' },
  {
    text: 'Council',
    href: paths.council(),
    permission: 'view:organisation',
    covers: [
      paths.units(),
      paths.people(),
      paths.portfolios(),
      paths.bodies(),
      paths.partners(),
      paths.framework(),
      paths.collectionRules(),
      paths.recommendations(),
    ],
  },
  { text: 'Audit', href: paths.audit(), permission: 'view:audit' },
];

const within = (url: string, href: string) => url === href || url.startsWith(`${href}/`) || url.startsWith(`${href}?`);

/** GOV.UK service navigation items the person may use, with the current section marked. */
export function navigationFor(principal: Principal, currentUrl: string) {
  return ENTRIES.filter((entry) => holdsPermission(principal, entry.permission)).map((entry) => ({
    text: entry.text,
    href: entry.href,
    active: [entry.href, ...(entry.covers ?? [])].some((href) => within(currentUrl, href)),
  }));
}
